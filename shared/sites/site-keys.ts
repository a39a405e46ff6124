// What a site's key.ts declares: how its URLs name items and back, and where Liaison runs on it.
import type { UrlParts } from "./url-parts";

/**
 * One site's target keys, pure (the Worker reads them too): the list of these in keys.ts is
 * where the key pattern, the URL parsing and the manifest's host matches come from.
 */
export interface SiteKeys {
  /** Its folder under shared/sites/ and test/fixtures/, and its adapter's name. */
  name: string;
  /** What its keys start with, before the colon: `github` in `github:acme/app#7`. */
  prefix: string;
  /** The pages Liaison runs on without being asked (content-script match patterns). */
  matches: readonly string[];
  /**
   * The item a URL names, as a target key; null when it names none of this site's items.
   * `selfHosted`: the page says it is this tracker, on a host of its own (its adapter reads that).
   */
  keyOf(url: UrlParts, options?: { selfHosted?: boolean }): string | null;
  /** A URL that opens the item a key of this site names; null for any other key. */
  urlOf(key: string): string | null;
  /**
   * The tracker's own new-issue page for the project a key of this site names, prefilled with a
   * title and a Markdown body (percent-encoded; keys.ts cuts long bodies); absent on sites whose
   * new-issue page takes no such parameters.
   */
  newIssueUrl?(key: string, draft: IssueDraft): string | null;
}

/** What a new issue in a tracker starts with: its title and a Markdown body. */
export interface IssueDraft {
  title: string;
  body: string;
}
