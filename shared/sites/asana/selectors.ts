// Asana markup. Newest first; dates are when each was seen on app.asana.com.

/** The task title in the task pane (full screen or beside a list or board). */
export const titleSelectors = [
  ".TaskPane .TaskPaneTitle textarea", // seen 2026-11
  ".TaskPane .TitleInput textarea", // seen 2026-11
] as const;

/** Elements that carry a task gid, and links to tasks, inside rows and cards. */
export const taskIdSelectors = [
  "[data-task-id]", // seen 2026-11
] as const;

export const rowLinkSelectors = [
  '.SpreadsheetRow a[href*="/task/"]', // list view, seen 2026-11 (unconfirmed: rows may carry no link)
  '.BoardCardLayout a[href*="/task/"]', // board cards, seen 2026-11 (unconfirmed: cards may carry no link)
] as const;

export const rowSelector = ".SpreadsheetRow, .BoardCardLayout";
