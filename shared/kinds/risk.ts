// A risk to tracker items, scored by likelihood and impact: the chip's top risk, and the report's new or changed risks.
import { inWeek } from "../dates";
import { inline, orNone } from "../markdown-text";
import { activeRiskStatuses, riskLevel, riskScore } from "../summary";
import { defineKind } from "./kind";
import type { Risk } from "./schemas";

export const riskKind = defineKind({
  name: "risk",
  list: "risks",
  links: "targets",
  search: (r) => ({ title: r.title, text: [r.description, r.mitigation, r.contingency, r.owner, ...r.targets] }),
  summary(records) {
    const active = records.filter((r) => activeRiskStatuses.includes(r.status));
    const top = active.reduce<Risk | null>((best, r) => (!best || riskScore(r) > riskScore(best) ? r : best), null);
    return {
      topRisk: top ? { title: top.title, score: riskScore(top), level: riskLevel(riskScore(top)) } : null,
      activeRisks: active.length,
    };
  },
  report: {
    byDepartment: {
      department: (r) => r.department,
      lines(records, { monday, labels }) {
        const changed = records.filter(({ meta }) => inWeek(meta.createdAt, monday) || inWeek(meta.updatedAt, monday));
        const line = ({ data }: (typeof changed)[number]) =>
          `- ${inline(data.title)}: ${riskScore(data)} (${labels.riskLevels[riskLevel(riskScore(data))]}), ${labels.riskStatuses[data.status]}`;
        return { shown: changed.length, lines: [`### ${labels.risks} (${changed.length})`, "", ...orNone(changed.map(line), labels), ""] };
      },
    },
  },
});
