// The registry of record kinds: every kind Liaison syncs, stores and shows, declared in its own file and listed here (its fields are in ./schemas.ts).
import { actionItemKind } from "./action-item";
import { annotationKind } from "./annotation";
import { checkinKind } from "./checkin";
import { decisionKind } from "./decision";
import { departmentKind } from "./department";
import { escalationKind } from "./escalation";
import { goalKind } from "./goal";
import type { DeclaredKind } from "./kind";
import { meetingKind } from "./meeting";
import { responsibilityKind } from "./responsibility";
import { riskKind } from "./risk";
import { trackerItemKind } from "./tracker-item";

/**
 * Every record kind. The order is the order of search hits, of a department's parts in the
 * weekly report (action items, then risks) and of the report's sections after them.
 */
export const recordKinds = [
  departmentKind,
  responsibilityKind,
  actionItemKind,
  decisionKind,
  riskKind,
  annotationKind,
  meetingKind,
  goalKind,
  checkinKind,
  escalationKind,
  trackerItemKind,
] as const;

export type RecordKinds = typeof recordKinds;
export type RecordKindName = RecordKinds[number]["name"];
/** Any declared kind, as the registry's loops take them. */
export type AnyKind = DeclaredKind;
/** The fields of a record of kind K. */
export type KindRecord<K> = K extends DeclaredKind<string, string, infer T> ? T : never;

/** Each kind's records under its list name (`risks`, `actionItems`, ...). */
export type RecordLists = Partial<{ [K in RecordKinds[number] as K["list"]]: KindRecord<K>[] }>;
/** Each kind's rows, `{ id, data }`, under its list name, as the panel holds them. */
export type RowLists = Partial<{ [K in RecordKinds[number] as K["list"]]: Array<{ id: string; data: KindRecord<K> }> }>;

/** A kind by its name, from the registry or the list given. */
export function kindNamed(name: string, kinds: readonly AnyKind[] = recordKinds): AnyKind | undefined {
  return kinds.find((kind) => kind.name === name);
}

/** The records of one kind out of lists keyed by kind list name (`PanelData`, the report's input). */
export function recordsOf<T = unknown>(lists: object, kind: AnyKind): T[] {
  return ((lists as Record<string, T[] | undefined>)[kind.list] ?? []) as T[];
}
