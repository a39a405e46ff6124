// GitLab: what an issue or merge request page says about it (title, state, assignees), on gitlab.com and self-hosted 12 to 17. Newest markup first.
import { readAll, readFirst, type TrackerReader } from "../reading";

const title = [
  '[data-testid="work-item-title"]', // work item view, seen 2026-11
  'h1[data-testid="title-content"]', // merge request, seen 2026-11
  ".detail-page-description .title", // GitLab 12 to 15 issue and MR pages, seen 2020-06
] as const;

const state = [
  '[data-testid="work-item-state-badge"]', // work item view, seen 2026-11 (unconfirmed)
  '[data-testid="issue-state-badge"]', // issue header, GitLab 15 to 17, seen 2024-05 (unconfirmed)
  '[data-testid="state-badge"]', // merge request header, seen 2026-11 (unconfirmed)
  ".issuable-status-badge", // GitLab 14 to 16 issue and MR header, seen 2023-04
  ".issuable-status-box", // GitLab 12 and 13 ("Open", "Closed", "Merged"), seen 2020-06
  ".status-box", // GitLab 12, seen 2019-11
] as const;

const assignees = [
  '[data-testid="work-item-assignees"] [data-testid="user-link"]', // work item sidebar, seen 2026-11 (unconfirmed)
  '[data-testid="work-item-assignees"] a[href^="/"]', // work item sidebar, seen 2026-11 (unconfirmed)
  ".block.assignee .author-link .author", // GitLab 12 to 16 sidebar, seen 2020-06
  ".assignee .author-link", // GitLab 12 sidebar, seen 2019-11
] as const;

export const readGitlab: TrackerReader = (doc) => ({
  title: readFirst(doc, title),
  state: readFirst(doc, state),
  assignees: readAll(doc, assignees),
});
