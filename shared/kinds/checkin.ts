// A department's weekly status: highlights, blockers and the help it needs from other departments.
import { isoWeek } from "../dates";
import { inline } from "../markdown-text";
import { defineKind } from "./kind";

export const checkinKind = defineKind({
  name: "checkin",
  list: "checkins",
  links: "none",
  search: (c) => ({
    title: `${c.department} · ${c.week}`,
    text: [c.highlights, c.blockers, ...c.helpNeeded.flatMap((help) => [help.department, help.request])],
  }),
  report: {
    // Each department's check-in for the week, with the help it asked for.
    section(records, { monday, labels }) {
      const week = isoWeek(monday);
      const checkins = records.filter(({ data }) => data.week === week);
      if (checkins.length === 0) return [];
      const lines = [`## ${labels.checkins} (${checkins.length})`, ""];
      for (const { data } of checkins) {
        lines.push(`- ${inline(data.department)}: ${labels.health[data.status]}`);
        if (data.highlights.trim()) lines.push(`  - ${inline(data.highlights)}`);
        if (data.blockers.trim()) lines.push(`  - ${inline(data.blockers)}`);
        for (const help of data.helpNeeded) lines.push(`  - → ${inline(help.department)}: ${inline(help.request)}`);
      }
      return [...lines, ""];
    },
  },
});
