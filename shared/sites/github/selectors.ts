// GitHub markup Liaison mounts on. Newest first; each names the github.com years (and GitHub Enterprise Server versions) that serve it and when it was seen.

/** The issue or pull request title (the chip goes right after it). */
export const titleSelectors = [
  'h1[data-component="PH_Title"]', // React issue and PR views, seen 2026-11
  ".gh-header-title", // classic issue and PR views: github.com 2014–2025 and GitHub Enterprise Server 2.x–3.x, seen 2025-06; real captures of GHE 2.14.11 (2018) and github.com (2019-04)
] as const;

/** Title links of list rows. */
export const rowLinkSelectors = [
  'a[data-testid="issue-pr-title-link"]', // issue and PR lists, seen 2026-11
  'a[data-testid="listitem-title-link"]', // newer PR list, seen 2026-10
  "a.js-navigation-open.Link--primary", // legacy lists (.js-issue-row), github.com 2020–2024 and GHE 3.x, seen 2025-06
  '.js-issue-row a.js-navigation-open[id$="_link"]', // classic lists (`a#issue_12_link.link-gray-dark`), github.com 2017–2020 and GHE 2.x; hand-made 2019 page
  "[data-board-card-id] a[href]", // project boards, seen 2026-09
  '#memex-project-view-root [role="row"] a[href*="/issues/"], #memex-project-view-root [role="row"] a[href*="/pull/"]', // project tables, seen 2026-09
] as const;

export const rowSelector = 'li[role="listitem"], li[class*="PullsListItem"], .js-issue-row, [data-board-card-id], [role="row"]';
