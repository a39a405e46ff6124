import { compareCodeUnits } from "../../shared/dates";
import type {
  ActionItem,
  Annotation,
  Checkin,
  Decision,
  Department,
  EntityName,
  Escalation,
  Goal,
  Meeting,
  Responsibility,
  Risk,
} from "../../shared/entities";
import type { Change } from "../../shared/sync";
import type { Member } from "../../shared/workspace";
import { type PublicSession, publicSession } from "../lib/session";
import { type Db, getKv, type KvValues, type LocalRow } from "../sync/db";
import { listRows, newestRows } from "../sync/local-rows";
import type { SyncStatus } from "../sync/status";

/** A synced row as views use it: its id, its fields, who made it when, and whether it is still unsent. */
export interface Row<T> {
  id: string;
  data: T;
  meta: Change["meta"];
  pending: boolean;
}

export interface PanelData {
  session: PublicSession | null;
  status: SyncStatus | null;
  members: Member[];
  rejected: KvValues["rejected"];
  /** Stale edits refused by the server, waiting for the user to pick a version. */
  conflicts: KvValues["conflicts"];
  focus: string | null;
  departments: Row<Department>[];
  responsibilities: Row<Responsibility>[];
  risks: Row<Risk>[];
  meetings: Row<Meeting>[];
  decisions: Row<Decision>[];
  actionItems: Row<ActionItem>[];
  /** False for the first screen: the newest action items and nothing else of the rows, before the full read. */
  complete: boolean;
  annotations: Row<Annotation>[];
  goals: Row<Goal>[];
  checkins: Row<Checkin>[];
  escalations: Row<Escalation>[];
}

export const emptyPanelData: PanelData = {
  session: null,
  status: null,
  members: [],
  rejected: [],
  conflicts: [],
  focus: null,
  departments: [],
  responsibilities: [],
  risks: [],
  meetings: [],
  decisions: [],
  actionItems: [],
  complete: true,
  annotations: [],
  goals: [],
  checkins: [],
  escalations: [],
};

const newestFirst = <T>(a: Row<T>, b: Row<T>) => compareCodeUnits(b.meta.createdAt, a.meta.createdAt) || compareCodeUnits(b.id, a.id);

const toRow = <T>(row: LocalRow): Row<T> => ({ id: row.id, data: row.data as T, meta: row.meta, pending: row.pending > 0 });

async function rows<T>(db: Db, entity: EntityName): Promise<Row<T>[]> {
  return (await listRows(db, entity)).map(toRow<T>).sort(newestFirst);
}

/** Everything the side panel shows, read from the local store in one go (no network). */
export function readPanelData(db: Db): Promise<PanelData> {
  return read(db, null);
}

/** How many action items the list shows at first (ActionItemList's page). */
export const firstScreenActionItems = 100;

/**
 * What the panel shows first, when no item is in view: the action item list's first page,
 * newest first, read through an index without the rest. Thousands of action items take the
 * store a hundred milliseconds and more to read; the full read follows at once.
 */
export function readFirstScreen(db: Db): Promise<PanelData> {
  return read(db, firstScreenActionItems);
}

async function read(db: Db, firstScreen: number | null): Promise<PanelData> {
  const all = <T>(entity: EntityName) => (firstScreen === null ? rows<T>(db, entity) : Promise.resolve([]));
  const [
    session,
    status,
    members,
    rejected,
    conflicts,
    focus,
    departments,
    responsibilities,
    risks,
    meetings,
    decisions,
    actionItems,
    annotations,
    goals,
    checkins,
    escalations,
  ] = await Promise.all([
    getKv(db, "session"),
    getKv(db, "status"),
    getKv(db, "members"),
    getKv(db, "rejected"),
    getKv(db, "conflicts"),
    getKv(db, "focus"),
    all<Department>("department"),
    all<Responsibility>("responsibility"),
    all<Risk>("risk"),
    all<Meeting>("meeting"),
    all<Decision>("decision"),
    firstScreen === null
      ? rows<ActionItem>(db, "action_item")
      : newestRows(db, "action_item", firstScreen).then((found) => found.map(toRow<ActionItem>)),
    all<Annotation>("annotation"),
    all<Goal>("goal"),
    all<Checkin>("checkin"),
    all<Escalation>("escalation"),
  ]);
  return {
    session: publicSession(session ?? null),
    status: status ?? null,
    members: members ?? [],
    rejected: rejected ?? [],
    conflicts: conflicts ?? [],
    focus: focus?.key ?? null,
    departments,
    responsibilities,
    risks,
    meetings,
    decisions,
    actionItems,
    complete: firstScreen === null,
    annotations,
    goals,
    checkins,
    escalations,
  };
}

export { isMine } from "../sync/my-work";
