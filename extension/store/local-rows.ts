// Reading the local store's rows without schemas, so that pages stay small, and telling open pages that the store changed.
import { unwrap, wrap } from "idb";
import type { EntityName } from "../../shared/entities";
import type { Db, LocalRow } from "./db";

// The store's reading side, free of schemas (zod), so that pages reading the store load quickly.

/** Tells every open extension page that the local store changed. */
export const storeChannelName = "liaison-store";

/**
 * What changed: `changed`, the rows (what overlays and annotations show); `state`, only the
 * store's settings and status (sync status, focus, anchoring reports, preferences), which pages
 * show but overlays do not; `context`, nothing stored, only the tab in view.
 */
export type StoreChange = "changed" | "state" | "context";

export function announceChange(type: StoreChange = "changed"): void {
  const channel = new BroadcastChannel(storeChannelName);
  channel.postMessage({ type });
  channel.close();
}

export function newLocalId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/** Whether a row is live: not deleted, with data to show. */
export const isLive = (row: LocalRow | undefined): row is LocalRow => Boolean(row && !row.deleted && row.data);

/** The live (not deleted) rows of one entity. */
export async function listRows(db: Db, entity: EntityName): Promise<LocalRow[]> {
  return (await db.getAllFromIndex("rows", "byEntity", entity)).filter(isLive);
}

/** `IDBIndex.getAllRecords` (Chrome 141+): many records in one call, in either direction. */
interface RecordsIndex {
  getAllRecords(options: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }): IDBRequest<Array<{ value: LocalRow }>>;
}

/**
 * The newest live rows of one entity, newest first (by creation, then id, as the lists sort),
 * read through the byCreated index without touching the others: a list's first screen. One
 * request where the browser has `getAllRecords`; a cursor elsewhere. Tombstones are skipped,
 * so a few more than `count` are asked for.
 */
export async function newestRows(db: Db, entity: EntityName, count: number): Promise<LocalRow[]> {
  const range = IDBKeyRange.bound([entity, ""], [entity, "\uffff"]);
  const native = unwrap(db.transaction("rows").store.index("byCreated")) as IDBIndex & Partial<RecordsIndex>;
  if (typeof native.getAllRecords === "function") {
    const records = await wrap(native.getAllRecords({ query: range, count: count + 20, direction: "prev" }));
    const live = records.map((record) => record.value).filter(isLive);
    // Enough live rows, or all there are: done. Many tombstones among the newest: read on with a cursor.
    if (live.length >= count || records.length < count + 20) return live.slice(0, count);
  }
  const found: LocalRow[] = [];
  const index = db.transaction("rows").store.index("byCreated");
  for (let cursor = await index.openCursor(range, "prev"); cursor; cursor = await cursor.continue()) {
    if (isLive(cursor.value)) found.push(cursor.value);
    if (found.length === count) break;
  }
  return found;
}

/**
 * The live rows about one tracker item: those listing it in their targets (risks, decisions,
 * action items, goals, escalations, annotations) and those naming it as their target
 * (responsibilities). Read through two indexes, without the rest of the store.
 */
export async function rowsAbout(db: Db, key: string): Promise<LocalRow[]> {
  const tx = db.transaction("rows");
  const [listed, named] = await Promise.all([tx.store.index("byTargets").getAll(key), tx.store.index("byTarget").getAll(key)]);
  return [...listed, ...named].filter(isLive);
}
