// Linear: what an issue page says about it (title, status, assignee). Class names are generated: only aria attributes are used.
import { readAll, readFirst, type TrackerReader } from "../reading";

const title = ['[data-view-id="issue-view"] [aria-label="Issue title"]', '[aria-label="Issue title"]'] as const; // seen 2026-09

const state = [
  '[data-view-id="issue-view"] [aria-label="Change status"]', // issue properties, seen 2026-09 (unconfirmed)
  '[aria-label="Change status"]', // seen 2026-09 (unconfirmed)
] as const;

const assignees = [
  '[data-view-id="issue-view"] [aria-label="Change assignee"]', // issue properties, seen 2026-09 (unconfirmed)
  '[aria-label="Change assignee"]', // seen 2026-09 (unconfirmed)
] as const;

export const readLinear: TrackerReader = (doc) => ({
  title: readFirst(doc, title),
  state: readFirst(doc, state),
  assignees: readAll(doc, assignees).slice(0, 1),
});
