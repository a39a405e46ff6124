import type { ActionItem, Decision, Escalation, Goal, Responsibility, Risk } from "../../shared/entities";
import { indexByTarget, summarize, type TargetIndex, type TargetSummary } from "../../shared/summary";
import type { Db } from "../store/db";
import { listRows } from "../store/store";
import { today } from "../ui/i18n";

/**
 * The background's view of the team's knowledge by target key, built from the local store on
 * first use and dropped whenever the store changes. Overlays never cause a network call.
 */
export class KnowledgeIndex {
  private index: Promise<TargetIndex> | null = null;

  constructor(private readonly db: Promise<Db>) {}

  invalidate(): void {
    this.index = null;
  }

  /**
   * The summaries of the keys the team has recorded anything about. The others, most rows of
   * most lists, are left out: the page knows what an item with nothing recorded looks like
   * (`summarize` of an empty index), and a 500-row list's answer stays small.
   */
  async summaries(keys: string[]): Promise<Record<string, TargetSummary>> {
    this.index ??= this.build();
    const index = await this.index;
    const day = today();
    return Object.fromEntries(keys.filter((key) => index.has(key)).map((key) => [key, summarize(index, key, day)]));
  }

  private async build(): Promise<TargetIndex> {
    const db = await this.db;
    const data = async <T>(entity: "responsibility" | "risk" | "decision" | "action_item" | "goal" | "escalation") =>
      (await listRows(db, entity)).map((row) => row.data as T);
    const [responsibilities, risks, decisions, actionItems, goals, escalations] = await Promise.all([
      data<Responsibility>("responsibility"),
      data<Risk>("risk"),
      data<Decision>("decision"),
      data<ActionItem>("action_item"),
      data<Goal>("goal"),
      data<Escalation>("escalation"),
    ]);
    return indexByTarget({ responsibilities, risks, decisions, actionItems, goals, escalations });
  }
}
