// Trello markup. Newest first; dates are when each was seen on trello.com.

/** The open card's title (the card dialog opens over the board). */
export const titleSelectors = [
  '[data-testid="card-back-name"]', // seen 2026-11
  '[data-testid="card-back-title-input"]', // while the title is being edited, seen 2026-11
] as const;

export const rowLinkSelectors = [
  '[data-testid="trello-card"] a[data-testid="card-name"]', // board cards, seen 2026-11
  '[data-testid="trello-card"] a[href^="/c/"]', // seen 2026-11
] as const;

export const rowSelector = '[data-testid="trello-card"]';
