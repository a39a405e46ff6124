import type { ActionItem, Decision, Escalation, Goal, Responsibility, Risk } from "./entities";

/** A risk's score (likelihood x impact, 1-25) and the level it reads as. */
export function riskScore(risk: Pick<Risk, "likelihood" | "impact">): number {
  return risk.likelihood * risk.impact;
}

export type RiskLevel = "low" | "medium" | "high" | "critical";

export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return "critical";
  if (score >= 10) return "high";
  if (score >= 5) return "medium";
  return "low";
}

/** Risks still able to hurt: closed and accepted ones no longer call for attention. */
export const activeRiskStatuses: ReadonlyArray<Risk["status"]> = ["open", "mitigating", "occurred"];

export type Attention = "no-accountable" | "several-accountable" | "high-risk" | "overdue" | "escalated";

export interface Person {
  person: string;
  department: string | null;
}

/** What the overlay shows for one tracker item. */
export interface TargetSummary {
  key: string;
  accountable: Person[];
  responsible: Person[];
  consulted: Person[];
  informed: Person[];
  topRisk: { title: string; score: number; level: RiskLevel } | null;
  activeRisks: number;
  decisions: number;
  openActions: number;
  overdueActions: number;
  /** Titles of the goals this item serves. */
  goals: string[];
  openEscalations: number;
  overdueEscalations: number;
  /** Why a list row should stand out; empty when nothing needs attention. */
  attention: Attention[];
}

export interface TeamKnowledge {
  responsibilities: Responsibility[];
  risks: Risk[];
  decisions: Decision[];
  actionItems: ActionItem[];
  goals?: Goal[];
  escalations?: Escalation[];
}

/** Groups the team's knowledge by target key once, so that a 500-row page costs one pass. */
export function indexByTarget(knowledge: TeamKnowledge) {
  const byKey = new Map<
    string,
    {
      responsibilities: Responsibility[];
      risks: Risk[];
      decisions: Decision[];
      actionItems: ActionItem[];
      goals: Goal[];
      escalations: Escalation[];
    }
  >();
  const slot = (key: string) => {
    let entry = byKey.get(key);
    if (!entry) {
      entry = { responsibilities: [], risks: [], decisions: [], actionItems: [], goals: [], escalations: [] };
      byKey.set(key, entry);
    }
    return entry;
  };
  for (const r of knowledge.responsibilities) slot(r.target).responsibilities.push(r);
  for (const risk of knowledge.risks) for (const key of new Set(risk.targets)) slot(key).risks.push(risk);
  for (const decision of knowledge.decisions) for (const key of new Set(decision.targets)) slot(key).decisions.push(decision);
  for (const item of knowledge.actionItems) for (const key of new Set(item.targets)) slot(key).actionItems.push(item);
  for (const goal of knowledge.goals ?? []) for (const key of new Set(goal.targets)) slot(key).goals.push(goal);
  for (const escalation of knowledge.escalations ?? [])
    for (const key of new Set(escalation.targets)) slot(key).escalations.push(escalation);
  return byKey;
}

export type TargetIndex = ReturnType<typeof indexByTarget>;

/** The summary of one target; `today` is YYYY-MM-DD in the user's time zone. */
export function summarize(index: TargetIndex, key: string, today: string): TargetSummary {
  const entry = index.get(key);
  const people = (role: Responsibility["role"]) =>
    (entry?.responsibilities ?? []).filter((r) => r.role === role).map((r) => ({ person: r.person, department: r.department }));
  const active = (entry?.risks ?? []).filter((risk) => activeRiskStatuses.includes(risk.status));
  const top = active.reduce<Risk | null>((best, risk) => (!best || riskScore(risk) > riskScore(best) ? risk : best), null);
  const open = (entry?.actionItems ?? []).filter((item) => item.status === "open");
  const overdue = open.filter((item) => item.due !== null && item.due < today);
  const accountable = people("A");
  const openEscalations = (entry?.escalations ?? []).filter((e) => e.status === "open");
  const overdueEscalations = openEscalations.filter((e) => e.deadline !== null && e.deadline < today);
  const attention: Attention[] = [];
  if (accountable.length === 0) attention.push("no-accountable");
  if (accountable.length > 1) attention.push("several-accountable");
  if (top && riskScore(top) >= 15) attention.push("high-risk");
  if (overdue.length > 0) attention.push("overdue");
  if (openEscalations.length > 0) attention.push("escalated");
  return {
    key,
    accountable,
    responsible: people("R"),
    consulted: people("C"),
    informed: people("I"),
    topRisk: top ? { title: top.title, score: riskScore(top), level: riskLevel(riskScore(top)) } : null,
    activeRisks: active.length,
    decisions: entry?.decisions.length ?? 0,
    openActions: open.length,
    overdueActions: overdue.length,
    goals: (entry?.goals ?? []).map((goal) => goal.title),
    openEscalations: openEscalations.length,
    overdueEscalations: overdueEscalations.length,
    attention,
  };
}
