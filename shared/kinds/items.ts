// The registry's view by tracker item: which items the team knows, the records about each, and what the item's chip says.
import { emptySummary, type SummaryPart, type TargetSummary, withAttention } from "../summary";
import { type AnyKind, type RecordLists, type RowLists, recordKinds, recordsOf } from "./index";

/** The records about each item, by kind name. */
export type TargetIndex = Map<string, Map<string, unknown[]>>;

/** The kinds whose records show on an item's chip: the team's knowledge of an item. */
export const kindsOnChip = (kinds: readonly AnyKind[] = recordKinds) => kinds.filter((kind) => kind.links !== "none" && kind.summary);

/**
 * Groups the records (lists keyed by kind list name) by item key once, so that a 500-row page
 * costs one pass. Only kinds that show on the chip count.
 */
export function indexByTarget(lists: RecordLists, kinds: readonly AnyKind[] = recordKinds): TargetIndex {
  const byKey: TargetIndex = new Map();
  for (const kind of kindsOnChip(kinds)) {
    for (const record of recordsOf(lists, kind)) {
      for (const key of kind.keys(record)) {
        const about = byKey.get(key) ?? new Map<string, unknown[]>();
        const records = about.get(kind.name) ?? [];
        records.push(record);
        about.set(kind.name, records);
        byKey.set(key, about);
      }
    }
  }
  return byKey;
}

/** Adds a kind's part to a summary: counts add up, lists join, anything else is set. */
function add(summary: TargetSummary, part: SummaryPart): TargetSummary {
  const next: Record<string, unknown> = { ...summary };
  for (const [field, value] of Object.entries(part)) {
    const had = next[field];
    if (typeof had === "number" && typeof value === "number") next[field] = had + value;
    else if (Array.isArray(had) && Array.isArray(value)) next[field] = [...had, ...value];
    else next[field] = value;
  }
  return next as unknown as TargetSummary;
}

/** The summary of one item; `today` is YYYY-MM-DD in the user's time zone. */
export function summarize(index: TargetIndex, key: string, today: string, kinds: readonly AnyKind[] = recordKinds): TargetSummary {
  const about = index.get(key);
  let summary = emptySummary(key);
  for (const kind of kinds) if (kind.summary) summary = add(summary, kind.summary(about?.get(kind.name) ?? [], today));
  return withAttention(summary);
}

/** Every item key any record names (rows as the panel holds them), for reading bare keys like ACME-42. */
export function knownTargetKeys(lists: RowLists, kinds: readonly AnyKind[] = recordKinds): string[] {
  const keys = new Set<string>();
  for (const kind of kinds) {
    if (kind.links === "none") continue;
    for (const row of recordsOf<{ data: unknown }>(lists, kind)) for (const key of kind.keys(row.data)) keys.add(key);
  }
  return [...keys];
}
