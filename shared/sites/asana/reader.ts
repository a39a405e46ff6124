// Asana: what a task pane says about its task (title, whether it is completed, assignee). Newest markup first; dates are when each was seen.
import { readFirst, type TrackerReader, textOf } from "../reading";

/** The value beside a field's label in the task pane ("Assignee"), as the pane shows it. */
function fieldValue(doc: Document, label: RegExp): string {
  for (const row of doc.querySelectorAll(".TaskPaneFields .LabeledRowStructure")) {
    // seen 2026-11
    if (label.test(textOf(row.querySelector("label")))) return textOf(row.querySelector("label + *"));
  }
  return "";
}

export const readAsana: TrackerReader = (doc) => {
  const assignee = fieldValue(doc, /^(assignee|负责人)$/i);
  return {
    title: readFirst(doc, [".TaskPane .TaskPaneTitle textarea", ".TaskPane .TitleInput textarea"]), // seen 2026-11
    // The toggle's own words ("Mark complete") say what it does, not the state: its class says the state. Seen 2026-11.
    state: doc.querySelector(".TaskPane .TaskCompletionToggleButton--isCompleted") ? "Completed" : "",
    assignees: assignee && !/^(no assignee|未分配)$/i.test(assignee) ? [assignee] : [],
  };
};
