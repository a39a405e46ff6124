// Confluence Cloud, Server and Data Center markup. Newest first; each names the versions that serve it and when it was seen.

/** A page served by Confluence Server or Data Center on any host. */
export const confluencePageSelectors = [
  'meta[name="ajs-page-id"]', // seen 2026-11
  'meta[name="confluence-base-url"]', // seen 2026-11
] as const;

/** Server and Data Center put the page id in the page for URLs without one (`/display/...`, `/x/...`). */
export const pageIdMeta = 'meta[name="ajs-page-id"]';

export const titleSelectors = [
  '[data-testid="title-text"]', // Cloud, seen 2026-11
  "#title-heading #title-text", // Server and Data Center 5.x–8.x (2014–2026): `div#title-heading > h1#title-text` up to 6.x, `h1#title-heading > span#title-text` since 7.x, seen 2026-11; hand-made 5.9 and 8 pages
] as const;

/**
 * Confluence has no issue lists: a page that lists other pages (the children macro, an index
 * table) is the list, and each list item or table row linking to a page is a row.
 */
export const rowLinkSelectors = [
  '[data-testid="renderer-document"] li a[href], [data-testid="renderer-document"] tr a[href]', // Cloud, seen 2026-11
  ".ak-renderer-document li a[href], .ak-renderer-document tr a[href]", // Cloud, seen 2026-11
  "#main-content li a[href], #main-content tr a[href]", // Server and Data Center 5.x–8.x page body (children macro `ul.childpages-macro`), seen 2026-11 (unconfirmed); hand-made 5.9 and 8 pages
] as const;

export const rowSelector = "li, tr";
