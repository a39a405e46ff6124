// Coordination gaps: what nobody owns, dates or settles, found by each record kind's gap rules.
import { type AnyKind, kindNamed, type RowLists, recordKinds, recordsOf } from "./kinds";
import { kindsOnChip, knownTargetKeys } from "./kinds/items";
import type { CoordinationGaps } from "./kinds/kind";

/**
 * The coordination gaps in the team's records (lists of `{ id, data }` rows keyed by kind list
 * name, as the panel holds them): each kind's gap rules, over the items the team tracks.
 */
export function findGaps(lists: RowLists, today: string, kinds: readonly AnyKind[] = recordKinds): CoordinationGaps {
  // The items the team tracks: those with something on their chip.
  const items = knownTargetKeys(lists, kindsOnChip(kinds)).sort();
  const gaps: CoordinationGaps = {
    noAccountable: [],
    severalAccountable: [],
    noResponsible: [],
    unownedActions: [],
    undatedActions: [],
    overdueByDepartment: [],
    closedWithOpenActions: [],
    assigneeNotAccountable: [],
  };
  const records = (name: string) => {
    const kind = kindNamed(name, kinds);
    return kind ? recordsOf<{ id: string; data: unknown }>(lists, kind) : [];
  };
  for (const kind of kinds) {
    const found = kind.gaps?.(recordsOf(lists, kind), { items, today, records }) ?? {};
    for (const [field, list] of Object.entries(found) as Array<[keyof CoordinationGaps, never[]]>)
      gaps[field] = [...gaps[field], ...list] as never;
  }
  return gaps;
}
