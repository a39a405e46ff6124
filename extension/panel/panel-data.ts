// Everything the side panel and options read from the local store: each kind's rows, the session, sync state and members.
import { compareCodeUnits } from "../../shared/dates";
import type { ActionItem, Department, EntityName, Meeting } from "../../shared/entities";
import { type KindRecord, type RecordKinds, recordKinds } from "../../shared/kinds";
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
  /** The server's version of the row (0 while it exists only here): an edit names the version it was made on. */
  version?: number;
}

/** Each record kind's rows, under the kind's list name (`risks`, `actionItems`, ...). */
type KindRows = { [K in RecordKinds[number] as K["list"]]: Row<KindRecord<K>>[] };

export interface PanelData extends KindRows {
  session: PublicSession | null;
  status: SyncStatus | null;
  /** Whether a live connection is open now (updates arrive at once). */
  live: boolean;
  members: Member[];
  rejected: KvValues["rejected"];
  /** Stale edits refused by the server, waiting for the user to pick a version. */
  conflicts: KvValues["conflicts"];
  focus: string | null;
  /** False for the first screen (see `readFirstScreen`), before the full read. */
  complete: boolean;
  /** The item whose rows the first screen holds; null when it holds the newest action items instead. */
  firstScreenItem: string | null;
}

/** Every kind's list, each empty. */
const noRows = () => Object.fromEntries(recordKinds.map((kind) => [kind.list, []])) as unknown as KindRows;

export const emptyPanelData: PanelData = {
  session: null,
  status: null,
  live: false,
  members: [],
  rejected: [],
  conflicts: [],
  focus: null,
  ...noRows(),
  complete: true,
  firstScreenItem: null,
};

const newestFirst = <T>(a: Row<T>, b: Row<T>) => compareCodeUnits(b.meta.createdAt, a.meta.createdAt) || compareCodeUnits(b.id, a.id);

const toRow = <T>(row: LocalRow): Row<T> => ({
  id: row.id,
  data: row.data as T,
  meta: row.meta,
  pending: row.pending > 0,
  version: row.version,
});

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
  const lists = Object.fromEntries(
    recordKinds.map((kind) => [
      kind.list,
      about
        .filter((row) => row.entity === kind.name)
        .map(toRow)
        .sort(newestFirst),
    ]),
  ) as unknown as KindRows;
  // Decisions name the meeting they were taken in, which names no item: read those few by id.
  const meetingIds = [...new Set(lists.decisions.map((decision) => decision.data.meeting).filter((id): id is string => Boolean(id)))];
  const meetings = (await Promise.all(meetingIds.map((id) => db.get("rows", ["meeting", id])))).filter(isLive).map(toRow<Meeting>);
  return { ...emptyPanelData, ...settings, ...lists, meetings, complete: false, firstScreenItem: key };
}

/** The panel's small settings and state, from the store's kv. */
async function readSettings(db: Db) {
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
  const [settings, lists] = await Promise.all([
    readSettings(db),
    Promise.all(recordKinds.map(async (kind) => [kind.list, await rows(db, kind.name)] as const)),
  ]);
  return { ...settings, ...(Object.fromEntries(lists) as unknown as KindRows), complete: true, firstScreenItem: null };
}

export { isMine } from "../store/my-work";
