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
import { type PublicSession, publicSession } from "../common/session";
import { type Db, getKv, type KvValues, type LocalRow } from "../store/db";
import { isLive, listRows, newestRows, rowsAbout } from "../store/local-rows";
import type { SyncStatus } from "../store/status";

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
  /** Whether a live connection is open now (updates arrive at once). */
  live: boolean;
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
  /** False for the first screen (see `readFirstScreen`), before the full read. */
  complete: boolean;
  /** The item whose rows the first screen holds; null when it holds the newest action items instead. */
  firstScreenItem: string | null;
  annotations: Row<Annotation>[];
  goals: Row<Goal>[];
  checkins: Row<Checkin>[];
  escalations: Row<Escalation>[];
}

export const emptyPanelData: PanelData = {
  session: null,
  status: null,
  live: false,
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
  firstScreenItem: null,
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

/** How many action items a list shows at first, and more each time: thousands would take seconds to draw and nobody reads them at once. */
export const actionItemPage = 100;

/**
 * What the panel shows first, read through indexes without the rest of the store (thousands
 * of action items take it a hundred milliseconds and more to read): for the item in view
 * (`itemKey`, else the last chip clicked), every row about it and the meetings its decisions
 * came from; with no item, the action item list's first page, newest first. The full read
 * follows at once.
 */
export async function readFirstScreen(db: Db, itemKey: Promise<string | null> = Promise.resolve(null)): Promise<PanelData> {
  const [settings, item] = await Promise.all([readSettings(db), itemKey.catch(() => null)]);
  const key = item ?? settings.focus;
  if (!key) {
    const newest = await newestRows(db, "action_item", actionItemPage);
    return { ...emptyPanelData, ...settings, actionItems: newest.map(toRow<ActionItem>), complete: false, firstScreenItem: null };
  }
  const about = await rowsAbout(db, key);
  const of = <T>(entity: EntityName) =>
    about
      .filter((row) => row.entity === entity)
      .map(toRow<T>)
      .sort(newestFirst);
  const decisions = of<Decision>("decision");
  const meetingIds = [...new Set(decisions.map((decision) => decision.data.meeting).filter((id): id is string => Boolean(id)))];
  const meetings = (await Promise.all(meetingIds.map((id) => db.get("rows", ["meeting", id])))).filter(isLive).map(toRow<Meeting>);
  return {
    ...emptyPanelData,
    ...settings,
    responsibilities: of<Responsibility>("responsibility"),
    risks: of<Risk>("risk"),
    decisions,
    meetings,
    actionItems: of<ActionItem>("action_item"),
    annotations: of<Annotation>("annotation"),
    goals: of<Goal>("goal"),
    escalations: of<Escalation>("escalation"),
    complete: false,
    firstScreenItem: key,
  };
}

/** The panel's small settings and state, from the store's kv. */
export async function readSettings(db: Db) {
  const [session, status, live, members, rejected, conflicts, focus] = await Promise.all([
    getKv(db, "session"),
    getKv(db, "status"),
    getKv(db, "liveConnected"),
    getKv(db, "members"),
    getKv(db, "rejected"),
    getKv(db, "conflicts"),
    getKv(db, "focus"),
  ]);
  return {
    session: publicSession(session ?? null),
    status: status ?? null,
    live: live ?? false,
    members: members ?? [],
    rejected: rejected ?? [],
    conflicts: conflicts ?? [],
    focus: focus?.key ?? null,
  };
}

/** What the options page shows: the settings and the workspace's departments, not every row of the store. */
export async function readOptionsData(db: Db): Promise<OptionsData> {
  const [settings, departments] = await Promise.all([readSettings(db), rows<Department>(db, "department")]);
  return { ...settings, departments };
}

export type OptionsData = Awaited<ReturnType<typeof readSettings>> & { departments: Row<Department>[] };

/** Everything the side panel shows, read from the local store in one go (no network). */
export async function readPanelData(db: Db): Promise<PanelData> {
  const [settings, departments, responsibilities, risks, meetings, decisions, actionItems, annotations, goals, checkins, escalations] =
    await Promise.all([
      readSettings(db),
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
    ...settings,
    departments,
    responsibilities,
    risks,
    meetings,
    decisions,
    actionItems,
    complete: true,
    firstScreenItem: null,
    annotations,
    goals,
    checkins,
    escalations,
  };
}

export { isMine } from "../store/my-work";
