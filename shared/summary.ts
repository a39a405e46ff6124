// What the chip and row badges show for one tracker item; kept free of schemas, since the page-start script imports it.
import type { riskStatuses } from "./vocabulary";

/** A risk's score (likelihood x impact, 1-25) and the level it reads as. */
export function riskScore(risk: { likelihood: number; impact: number }): number {
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
export const activeRiskStatuses: ReadonlyArray<(typeof riskStatuses)[number]> = ["open", "mitigating", "occurred"];

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
  /** The open action item due first (an undated one when none has a date): whose it is and when. */
  nextAction: { text: string; owner: string | null; due: string | null } | null;
  /** Titles of the goals this item serves. */
  goals: string[];
  openEscalations: number;
  overdueEscalations: number;
  /** Why a list row should stand out; empty when nothing needs attention. */
  attention: Attention[];
}

/** What one kind of record adds to an item's summary (see `RecordKind.summary`). */
export type SummaryPart = Partial<Omit<TargetSummary, "key" | "attention">>;

/** Why a row should stand out, read from what its summary says. */
export function withAttention(summary: TargetSummary): TargetSummary {
  const attention: Attention[] = [];
  if (summary.accountable.length === 0) attention.push("no-accountable");
  if (summary.accountable.length > 1) attention.push("several-accountable");
  if (summary.topRisk && summary.topRisk.score >= 15) attention.push("high-risk");
  if (summary.overdueActions > 0) attention.push("overdue");
  if (summary.openEscalations > 0) attention.push("escalated");
  return { ...summary, attention };
}

/** The summary of an item nobody recorded anything about: what the registry's summary of no records comes to. */
export function emptySummary(key: string): TargetSummary {
  return withAttention({
    key,
    accountable: [],
    responsible: [],
    consulted: [],
    informed: [],
    topRisk: null,
    activeRisks: 0,
    decisions: 0,
    openActions: 0,
    overdueActions: 0,
    nextAction: null,
    goals: [],
    openEscalations: 0,
    overdueEscalations: 0,
    attention: [],
  });
}
