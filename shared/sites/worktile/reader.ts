// Worktile: what a task page says about it (title, state in the page's language, assignee). Same vendor as PingCode; the selectors are hand-made and unconfirmed.
import { titleFromDocument } from "../pingcode/reader";
import { readAll, readFirst, type TrackerReader } from "../reading";

export const readWorktile: TrackerReader = (doc) => ({
  title: readFirst(doc, [".task-detail .title-text"]) || titleFromDocument(doc, "Worktile"),
  state: readFirst(doc, [".task-detail .state-name", "[data-state-name]"]), // 2026-11 (hand-made, unconfirmed)
  assignees: readAll(doc, [".task-detail .assignee-name"]), // 2026-11 (hand-made, unconfirmed)
});
