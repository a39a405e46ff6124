import type { ActionItem, Decision, Responsibility, Risk } from "./entities";

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
  const tracked = new Set<string>();
  const roles = new Map<string, Responsibility[]>();
  for (const r of knowledge.responsibilities) {
    tracked.add(r.target);
    roles.set(r.target, [...(roles.get(r.target) ?? []), r]);
  }
  for (const risk of knowledge.risks) for (const key of risk.targets) tracked.add(key);
  for (const decision of knowledge.decisions) for (const key of decision.targets) tracked.add(key);
  for (const { item } of knowledge.actionItems) for (const key of item.targets) tracked.add(key);
  const count = (key: string, role: Responsibility["role"]) => (roles.get(key) ?? []).filter((r) => r.role === role).length;
  const keys = [...tracked].sort();
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
