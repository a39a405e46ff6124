// What the team knows about each tracker item, indexed from the local store in the background: the summaries behind chips and row badges.
import type { EntityName } from "../../shared/entities";
import type { RecordLists } from "../../shared/kinds";
import { indexByTarget, kindsOnChip, summarize, type TargetIndex } from "../../shared/kinds/items";
import type { TargetSummary } from "../../shared/summary";
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
    const lists = await Promise.all(
      kindsOnChip().map(async (kind) => [kind.list, (await listRows(db, kind.name as EntityName)).map((row) => row.data)] as const),
    );
    return indexByTarget(Object.fromEntries(lists) as RecordLists);
  }
}
