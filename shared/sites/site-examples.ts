// What a site's examples.ts lists: the real URLs and saved pages its key and adapter must read right.

/**
 * One site's examples. The tests read them (test/shared/site-keys.test.ts and the contract test
 * over saved pages); nothing the extension or the Worker runs imports them.
 */
export interface SiteExamples {
  /** Page URLs of the site and the key each names; every key also opens again by its URL. */
  items: ReadonlyArray<readonly [url: string, key: string]>;
  /** Pages of the site that show no one item (lists, boards, settings, new-item forms): they name only themselves. */
  notItems: readonly string[];
  /** Self-hosted pages (the page says it is this tracker): their key, or null where only the page has the id. */
  selfHosted?: ReadonlyArray<readonly [url: string, key: string | null]>;
  /** Saved pages under test/fixtures/, with what the adapter must find on them. */
  pages: readonly SitePage[];
  /** Pages of the versions teams run (self-hosted ones lag years behind), one per page kind: real captures where one is public. */
  captures?: readonly SiteCapture[];
}

/**
 * One saved page of one version of the site, and what Liaison must find on it. Each names the
 * selector it is there for, so removing the markup of an old version fails its page's test.
 */
export interface SiteCapture {
  /** The version and page, like "GitLab 12.5 merge request (2019-12)". */
  version: string;
  /** Path under test/fixtures/; its folder's README.md says where it comes from. */
  fixture: string;
  /** A real page saved from the tracker, or one written by hand after its markup. */
  source: "real capture" | "hand-made";
  kind: "item" | "list" | "board";
  url: string;
  selfHosted?: boolean;
  /** The key of the item the page shows; null on lists and boards with no item open. */
  itemKey: string | null;
  /** The one title selector (of the site's selectors.ts) the chip must go right after; null where the page has no title and the chip floats. */
  anchor: string | null;
  /** The rows the adapter finds, in page order. */
  rows: string[];
}

/** An item page and a list page of the site, saved, and what Liaison must find on each. */
export interface SitePage {
  itemUrl: string;
  /** Path under test/fixtures/. */
  itemFixture: string;
  itemKey: string;
  /** false where the site has no known title hook: the chip then floats (PingCode, Worktile). */
  anchored: boolean;
  /** Served on any host: the adapter recognises the page from its markup, not its URL. */
  selfHosted?: boolean;
  listUrl: string;
  listFixture: string;
  /** The rows the adapter finds on the list page, in page order. */
  listKeys: string[];
  /** What the list page is itself: null for lists, a peeked row, a database, or a second document. */
  listItemKey: string | null;
}
