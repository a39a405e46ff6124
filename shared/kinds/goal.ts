// A project goal or a phase of one, with measurable indicators: the chip's goal titles and the report's goal progress.
import { goalProgress } from "../goals";
import { inline } from "../markdown-text";
import { defineKind } from "./kind";
import type { ActionItem } from "./schemas";

export const goalKind = defineKind({
  name: "goal",
  list: "goals",
  links: "targets",
  search: (g) => ({ title: g.title, text: [g.description, g.owner, ...g.departments, ...g.indicators.map((i) => i.name), ...g.targets] }),
  summary: (records) => ({ goals: records.map((g) => g.title) }),
  report: {
    // Progress, with each indicator's change since the week began.
    section(goals, { monday, asOf, labels, records }) {
      if (goals.length === 0) return [];
      const actionItems = records("action_item") as Array<{ data: ActionItem }>;
      const lines = [`## ${labels.goals} (${goals.length})`, ""];
      for (const { id, data: goal, meta } of goals) {
        const linked = actionItems.filter((a) => a.data.goal === id).map((a) => a.data);
        const progress = goalProgress(goal, meta.createdAt, linked, asOf);
        lines.push(
          `- ${inline(goal.title)}: ${Math.round(progress.progress * 100)}%, ${labels.health[progress.status]}${goal.due ? ` (${labels.due}: ${goal.due})` : ""}`,
        );
        for (const i of goal.indicators) {
          const change = i.updatedOn && i.updatedOn >= monday && i.weekStartValue !== null ? i.current - i.weekStartValue : 0;
          const delta = change === 0 ? "" : `, ${change > 0 ? "+" : ""}${Number(change.toFixed(2))} ${labels.sinceLastWeek}`;
          lines.push(`  - ${inline(i.name)}: ${i.current}${i.unit ? ` ${inline(i.unit)}` : ""} (${i.baseline} → ${i.target}${delta})`);
        }
      }
      return [...lines, ""];
    },
  },
});
