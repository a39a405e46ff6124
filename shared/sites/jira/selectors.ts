// Jira Cloud and Server markup. Newest first; dates are when each was seen.

export const titleSelectors = [
  'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]', // Cloud issue view, seen 2026-10
  "#summary-val", // Server / Data Center, seen 2025-11
  "#ghx-detail-issue h2", // Server board detail pane, seen 2025-11
] as const;

export const rowLinkSelectors = [
  '[data-testid="platform-board-kit.ui.card.card"] a[href*="/browse/"]', // Cloud board cards, seen 2026-10
  'tr[data-testid="native-issue-table.ui.issue-row"] a[href*="/browse/"]', // Cloud list view, seen 2026-10
  'tr[data-issuekey] a[href*="/browse/"]', // Server issue navigator, seen 2025-11
] as const;

export const rowSelector =
  '[data-testid="platform-board-kit.ui.card.card"], tr[data-testid="native-issue-table.ui.issue-row"], tr[data-issuekey], .ghx-issue';

/** Rows that carry their key in an attribute instead of a link. */
export const keyedRowSelectors = [
  '[data-testid^="software-backlog.card-list.card.content-container."]', // Cloud backlog (suffix is the key), seen 2026-10
  ".ghx-issue[data-issue-key]", // Server boards, seen 2025-11
  "tr[data-issuekey]", // Server issue navigator, also without a /browse/ link in the row, seen 2026-11
] as const;
