// Linear markup. Class names are generated (sc-...): only data and aria attributes are used.

export const titleSelectors = [
  '[data-view-id="issue-view"] [aria-label="Issue title"]', // issue view, seen 2026-09
  '[aria-label="Issue title"]', // seen 2026-09
] as const;

export const rowLinkSelectors = [
  "a[data-list-key]", // list rows, seen 2026-09
  "a[data-board-item]", // board cards, seen 2026-09
] as const;

export const rowSelector = "a[data-list-key], a[data-board-item]";
