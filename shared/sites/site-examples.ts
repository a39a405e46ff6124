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
