// GitHub: what an issue or pull request page says about it (title, state, assignees). Newest markup first; dates are when each was seen.
import { readAll, readFirst, type TrackerReader } from "../reading";

const title = [
  '[data-testid="issue-title"]', // React issue view, seen 2026-11
  "bdi.js-issue-title", // classic issue and PR header, seen 2025-06
  ".gh-header-title .js-issue-title", // GitHub Enterprise Server classic, seen 2024-10
] as const;

const state = [
  '[data-testid="header-state"]', // React issue view ("Open", "Closed"; data-status issueOpened, issueClosed), seen 2026-11
  '#partial-discussion-header [title^="Status:"]', // classic header (title "Status: Merged"), seen 2025-06
  ".gh-header-meta .State", // classic issue and PR state label (span.State--closed), seen 2025-06
  "span.State", // older pages, seen 2024-10
] as const;

const assignees = [
  '[data-testid="sidebar-assignees-section"] [data-testid="issue-assignees"]', // React issue sidebar, seen 2026-11
  '[data-testid="sidebar-assignees-section"] a[href^="/"]', // React issue sidebar (logins as links), seen 2026-11
  ".js-issue-assignees .assignee span", // classic sidebar, seen 2025-06
  ".sidebar-assignee .assignee", // GitHub Enterprise Server classic, seen 2024-10
] as const;

export const readGithub: TrackerReader = (doc) => ({
  title: readFirst(doc, title),
  state: readFirst(doc, state),
  assignees: readAll(doc, assignees),
});
