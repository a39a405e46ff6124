// GitHub markup Liaison mounts on. Newest first; each was seen on github.com at the date given.

/** The issue or pull request title (the chip goes right after it). */
export const titleSelectors = [
  'h1[data-component="PH_Title"]', // React issue and PR views, seen 2026-11
  ".gh-header-title", // older PR pages, seen 2025-06
] as const;

/** Title links of list rows. */
export const rowLinkSelectors = [
  'a[data-testid="issue-pr-title-link"]', // issue and PR lists, seen 2026-11
  'a[data-testid="listitem-title-link"]', // newer PR list, seen 2026-10
  "a.js-navigation-open.Link--primary", // legacy lists (.js-issue-row), seen 2025-06
  "[data-board-card-id] a[href]", // project boards, seen 2026-09
  '#memex-project-view-root [role="row"] a[href*="/issues/"], #memex-project-view-root [role="row"] a[href*="/pull/"]', // project tables, seen 2026-09
] as const;

export const rowSelector = 'li[role="listitem"], li[class*="PullsListItem"], .js-issue-row, [data-board-card-id], [role="row"]';
