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
import { type Db, getKv, type KvValues } from "../sync/db";
import { listRows } from "../sync/local-rows";
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
  annotations: [],
  goals: [],
  checkins: [],
  escalations: [],
};

const newestFirst = <T>(a: Row<T>, b: Row<T>) => compareCodeUnits(b.meta.createdAt, a.meta.createdAt) || compareCodeUnits(b.id, a.id);

async function rows<T>(db: Db, entity: EntityName): Promise<Row<T>[]> {
  return (await listRows(db, entity))
    .map((row) => ({ id: row.id, data: row.data as T, meta: row.meta, pending: row.pending > 0 }))
    .sort(newestFirst);
}

/** Everything the side panel shows, read from the local store in one go (no network). */
export async function readPanelData(db: Db): Promise<PanelData> {
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
    rows<Department>(db, "department"),
    rows<Responsibility>(db, "responsibility"),
    rows<Risk>(db, "risk"),
    rows<Meeting>(db, "meeting"),
    rows<Decision>(db, "decision"),
    rows<ActionItem>(db, "action_item"),
    rows<Annotation>(db, "annotation"),
    rows<Goal>(db, "goal"),
    rows<Checkin>(db, "checkin"),
    rows<Escalation>(db, "escalation"),
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
    annotations,
    goals,
    checkins,
    escalations,
  };
}

export { isMine } from "../sync/my-work";
