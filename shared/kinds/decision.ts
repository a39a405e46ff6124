// A decision, perhaps taken in a meeting, about tracker items: counted on the chip, listed in the week's report.
import { inWeek } from "../dates";
import { inline, orNone } from "../markdown-text";
import { defineKind } from "./kind";
import type { Meeting } from "./schemas";

export const decisionKind = defineKind({
  name: "decision",
  list: "decisions",
  links: "targets",
  search: (d) => ({ title: d.text, text: [d.decidedBy, ...d.targets] }),
  summary: (records) => ({ decisions: records.length }),
  report: {
    // Taken that week: on its own date, else its meeting's, else when it was recorded.
    section(records, { monday, labels, records: others }) {
      const meetingDate = new Map((others("meeting") as Array<{ id: string; data: Meeting }>).map((m) => [m.id, m.data.date]));
      const taken = records.filter(({ data, meta }) =>
        inWeek(data.date ?? (data.meeting ? meetingDate.get(data.meeting) : undefined) ?? meta.createdAt, monday),
      );
      return [
        `## ${labels.decisions} (${taken.length})`,
        "",
        ...orNone(
          taken.map(({ data }) => `- ${inline(data.text)}`),
          labels,
        ),
        "",
      ];
    },
  },
});
