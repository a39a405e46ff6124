// A conflict or blocker between departments, to be settled by someone before a deadline: flagged on the chip until decided.
import { inWeek } from "../dates";
import { inline, orNone } from "../markdown-text";
import { defineKind } from "./kind";

export const escalationKind = defineKind({
  name: "escalation",
  list: "escalations",
  links: "targets",
  search: (e) => ({
    title: e.title,
    text: [...e.departments, ...e.needs.map((n) => n.need), e.decider, e.resolution, ...e.targets],
  }),
  summary(records, today) {
    const open = records.filter((e) => e.status === "open");
    return { openEscalations: open.length, overdueEscalations: open.filter((e) => e.deadline !== null && e.deadline < today).length };
  },
  report: {
    // Escalations opened and decided during the week.
    section(escalations, { monday, labels }) {
      const opened = escalations.filter(({ meta }) => inWeek(meta.createdAt, monday));
      const decided = escalations.filter(({ data, meta }) => data.status === "decided" && inWeek(meta.updatedAt, monday));
      if (opened.length + decided.length === 0) return [];
      return [
        `## ${labels.escalationsOpened} (${opened.length})`,
        "",
        ...orNone(
          opened.map(({ data }) => `- ${inline(data.title)} (${data.departments.map(inline).join(" / ")})`),
          labels,
        ),
        "",
        `## ${labels.escalationsDecided} (${decided.length})`,
        "",
        ...orNone(
          decided.map(({ data }) => `- ${inline(data.title)}: ${inline(data.resolution)}`),
          labels,
        ),
        "",
      ];
    },
  },
});
