// Jira Cloud, Server and Data Center: what an issue page says about it (summary, status, assignee). Newest markup first; dates are when each was seen.
import { readAll, readFirst, type TrackerReader } from "../reading";

const title = [
  'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]', // Cloud issue view, seen 2026-10
  "#summary-val", // Server and Data Center 7.x to 9.x issue view, seen 2025-11
  "#ghx-detail-issue h2", // Server board detail pane, seen 2025-11
] as const;

const state = [
  '[data-testid="issue-field-status.ui.status-view.status-button.status-button"]', // Cloud status button, seen 2026-10
  '[data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"] button', // Cloud, seen 2025-08
  "#status-val .jira-issue-status-lozenge", // Server and Data Center 7.x to 9.x, seen 2025-11
  "#status-val", // Server 7.x, seen 2019-06
] as const;

const assignees = [
  '[data-testid="issue.views.field.user.assignee"] [data-testid$="name.wrapper"]', // Cloud, seen 2026-10 (unconfirmed)
  '[data-testid="issue.views.field.user.assignee"] span', // Cloud, seen 2025-08
  "#assignee-val .user-hover", // Server and Data Center, seen 2025-11
  "#assignee-val", // Server 7.x, seen 2019-06
] as const;

export const readJira: TrackerReader = (doc) => ({
  title: readFirst(doc, title),
  state: readFirst(doc, state),
  assignees: readAll(doc, assignees).slice(0, 1),
});
