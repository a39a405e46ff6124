import type { ActionItem, Decision, Responsibility, Risk } from "./entities";
import { indexByTarget } from "./summary";

export interface CoordinationGaps {
  /** Items the team tracks (any RACI, risk, decision or action) with nobody accountable. */
  noAccountable: string[];
  severalAccountable: string[];
  noResponsible: string[];
  unownedActions: string[];
  undatedActions: string[];
  /** Open overdue action items per department ("" for none), most first. */
  overdueByDepartment: Array<{ department: string; count: number }>;
}

export function findGaps(
  knowledge: {
    responsibilities: Responsibility[];
    risks: Risk[];
    decisions: Decision[];
    actionItems: Array<{ id: string; item: ActionItem }>;
  },
  today: string,
): CoordinationGaps {
  // The items the team tracks, each with its responsibilities, grouped as the overlays group them.
  const index = indexByTarget({ ...knowledge, actionItems: knowledge.actionItems.map(({ item }) => item), goals: [], escalations: [] });
  const count = (key: string, role: Responsibility["role"]) =>
    (index.get(key)?.responsibilities ?? []).filter((r) => r.role === role).length;
  const keys = [...index.keys()].sort();
  const open = knowledge.actionItems.filter(({ item }) => item.status === "open");
  const overdue = new Map<string, number>();
  for (const { item } of open) {
    if (item.due && item.due < today) overdue.set(item.department ?? "", (overdue.get(item.department ?? "") ?? 0) + 1);
  }
  return {
    noAccountable: keys.filter((key) => count(key, "A") === 0),
    severalAccountable: keys.filter((key) => count(key, "A") > 1),
    noResponsible: keys.filter((key) => count(key, "R") === 0),
    unownedActions: open.filter(({ item }) => !item.owner && !item.ownerId).map(({ id }) => id),
    undatedActions: open.filter(({ item }) => !item.due).map(({ id }) => id),
    overdueByDepartment: [...overdue].map(([department, n]) => ({ department, count: n })).sort((a, b) => b.count - a.count),
  };
}
