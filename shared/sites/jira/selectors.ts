// Jira Cloud and Server / Data Center markup. Newest first; each names the Jira versions that serve it and when it was seen.

export const titleSelectors = [
  'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]', // Cloud issue view, seen 2026-10
  "#summary-val", // Server / Data Center 6.x–9.x (2014–2026) issue view and navigator split view, seen 2025-11; hand-made 7.13 and 9.12 pages
  "#ghx-detail-issue h2", // Server / Data Center 7.x–9.x board detail pane, seen 2025-11; hand-made 9.12 page
] as const;

export const rowLinkSelectors = [
  '[data-testid="platform-board-kit.ui.card.card"] a[href*="/browse/"]', // Cloud board cards, seen 2026-10
  'tr[data-testid="native-issue-table.ui.issue-row"] a[href*="/browse/"]', // Cloud list view, seen 2026-10
  'tr[data-issuekey] a[href*="/browse/"]', // Server / Data Center 6.x–9.x issue navigator list view (`tr.issuerow`), seen 2025-11; hand-made 7.13 page
] as const;

export const rowSelector =
  '[data-testid="platform-board-kit.ui.card.card"], tr[data-testid="native-issue-table.ui.issue-row"], tr[data-issuekey], .ghx-issue';

/** Rows that carry their key in an attribute instead of a link. */
export const keyedRowSelectors = [
  '[data-testid^="software-backlog.card-list.card.content-container."]', // Cloud backlog (suffix is the key), seen 2026-10
  ".ghx-issue[data-issue-key]", // Server / Data Center 7.x–9.x board cards, seen 2025-11; hand-made 8.9 and 9.12 boards
  ".ghx-backlog .js-issue[data-issue-key], .ghx-issue-compact[data-issue-key]", // Server / Data Center 7.x–9.x backlog cards (`.ghx-issue-compact`, no `.ghx-issue`); hand-made 8.9 backlog (2020)
  "tr[data-issuekey]", // Server issue navigator, also without a /browse/ link in the row, seen 2026-11
  "ol.issue-list > li[data-key]", // Server / Data Center 6.4–9.x issue navigator split view; hand-made 7.13 page (2019)
] as const;
