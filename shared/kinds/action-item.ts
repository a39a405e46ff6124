// An action item: who does what by when, often captured from a page; the chip counts the open and overdue ones.
import { inWeek } from "../dates";
import { inline, type MarkdownLabels, orNone } from "../markdown-text";
import { defineKind } from "./kind";
import type { ActionItem } from "./schemas";

/** One action item as a Markdown task line, as minutes and the weekly report list them. */
export const actionLine = (item: ActionItem, labels: MarkdownLabels) =>
  `- [${item.status === "done" ? "x" : " "}] ${inline(item.text)} (${labels.owner}: ${item.owner ? inline(item.owner) : "—"}${item.department ? `, ${inline(item.department)}` : ""}; ${labels.due}: ${item.due ?? "—"})`;

export const actionItemKind = defineKind({
  name: "action_item",
  list: "actionItems",
  links: "targets",
  search: (a) => ({ title: a.text, text: [a.owner, a.department, ...a.targets] }),
  summary(records, today) {
    const open = records.filter((item) => item.status === "open");
    // ISO days order as text; an undated item comes after every dated one.
    const next = open.reduce<ActionItem | null>((first, item) => (!first || (item.due ?? "~") < (first.due ?? "~") ? item : first), null);
    return {
      openActions: open.length,
      overdueActions: open.filter((item) => item.due !== null && item.due < today).length,
      nextAction: next && { text: next.text, owner: next.owner, due: next.due },
    };
  },
  report: {
    byDepartment: {
      department: (item) => item.department,
      lines(items, { monday, sunday, asOf, labels }) {
        const done = items.filter(({ data, meta }) => data.status === "done" && inWeek(meta.updatedAt, monday));
        const open = items.filter(({ data, meta }) => data.status === "open" && meta.createdAt.slice(0, 10) <= sunday);
        const overdue = open.filter(({ data }) => data.due !== null && data.due < asOf);
        const part = (title: string, rows: typeof items) => [
          `### ${title} (${rows.length})`,
          "",
          ...orNone(
            rows.map((r) => actionLine(r.data, labels)),
            labels,
          ),
          "",
        ];
        return {
          shown: done.length + open.length,
          lines: [...part(labels.done, done), ...part(labels.open, open), ...part(labels.overdue, overdue)],
        };
      },
    },
  },
  gaps(records, { today }) {
    const open = records.filter(({ data }) => data.status === "open");
    const overdue = new Map<string, number>();
    for (const { data } of open) {
      if (data.due && data.due < today) overdue.set(data.department ?? "", (overdue.get(data.department ?? "") ?? 0) + 1);
    }
    return {
      unownedActions: open.filter(({ data }) => !data.owner && !data.ownerId).map(({ id }) => id),
      undatedActions: open.filter(({ data }) => !data.due).map(({ id }) => id),
      overdueByDepartment: [...overdue].map(([department, n]) => ({ department, count: n })).sort((a, b) => b.count - a.count),
    };
  },
});
