// "For me" in the local store: the entries derived from the rows here, read marks (sent and not yet), and action items pulled away from me.
import { type ForMeEntry, forMeEntries, maxReadMarks, type ReassignedAway, readKeys, stillPending, withMarks } from "../../shared/for-me";
import type { Change } from "../../shared/sync";
import { type Db, getKv, type KvValues, type LocalRow, setKv } from "./db";
import { listRows } from "./local-rows";
import { isMine } from "./my-work";

const keepReassigned = 200;

const asRows = <T>(rows: LocalRow[]) => rows.map((row) => ({ id: row.id, data: row.data as T, meta: row.meta }));

/** My entries and which of them are read, from this browser's store. Empty when signed out. */
export async function readForMe(db: Db, today: string): Promise<{ entries: ForMeEntry[]; read: Set<string> }> {
  const session = await getKv(db, "session");
  if (!session) return { entries: [], read: new Set() };
  const [members, marks, pending, reassigned, actionItems, annotations, escalations, risks, checkins, decisions, responsibilities] =
    await Promise.all([
      getKv(db, "members"),
      getKv(db, "readMarks"),
      getKv(db, "readPending"),
      getKv(db, "forMeReassigned"),
      listRows(db, "action_item"),
      listRows(db, "annotation"),
      listRows(db, "escalation"),
      listRows(db, "risk"),
      listRows(db, "checkin"),
      listRows(db, "decision"),
      listRows(db, "responsibility"),
    ]);
  const entries = forMeEntries({
    me: session.member,
    members: members ?? [],
    today,
    reassigned: reassigned ?? [],
    actionItems: asRows(actionItems),
    annotations: asRows(annotations),
    escalations: asRows(escalations),
    risks: asRows(risks),
    checkins: asRows(checkins),
    decisions: asRows(decisions),
    responsibilities: asRows(responsibilities),
  });
  return { entries, read: readKeys(marks, pending) };
}

/** Marks entries read here; the next sync sends them. */
export async function markRead(db: Db, keys: string[]): Promise<void> {
  const tx = db.transaction("kv", "readwrite");
  const pending = ((await tx.store.get("readPending")) as string[] | undefined) ?? [];
  await tx.store.put(withMarks(pending, keys), "readPending");
  await tx.done;
}

/**
 * The server's marks after `sent` reached it: kept, and those leave the pending ones. `replace`:
 * the server's answer is all its marks; `merge`: only those since the cursor, added (newest
 * first) to the marks kept here, with `sent`, to the server's limit. The cursor to ask with next
 * is kept with them. Whether anything read changed.
 */
export async function saveReadMarks(
  db: Db,
  server: string[],
  sent: string[],
  how: "replace" | "merge" = "replace",
  cursor: KvValues["readCursor"] | null = null,
): Promise<boolean> {
  const tx = db.transaction("kv", "readwrite");
  const [before, pending] = await Promise.all([
    tx.store.get("readMarks") as Promise<string[] | undefined>,
    tx.store.get("readPending") as Promise<string[] | undefined>,
  ]);
  const left = stillPending(pending ?? [], sent);
  const marks = how === "merge" ? withMarks(server, [...sent, ...(before ?? [])]).slice(0, maxReadMarks) : server;
  await tx.store.put(marks, "readMarks");
  await tx.store.put(left, "readPending");
  if (cursor) await tx.store.put(cursor, "readCursor");
  await tx.done;
  const old = readKeys(before, pending);
  const now = readKeys(marks, left);
  return old.size !== now.size || [...now].some((key) => !old.has(key));
}

/**
 * Before pulled changes are applied: an action item that was mine here and now is someone
 * else's, changed by someone else, is kept as taken from me (the row alone no longer says so).
 */
export async function noteReassignments(db: Db, changes: Change[]): Promise<void> {
  const me = (await getKv(db, "session"))?.member ?? null;
  if (!me) return;
  const away: ReassignedAway[] = [];
  for (const change of changes) {
    if (change.entity !== "action_item" || change.deleted || !change.data || change.meta.updatedBy === me.id) continue;
    const before = await db.get("rows", ["action_item", change.id]);
    if (!before?.data || !isMine(before.data as never, me) || isMine(change.data as never, me)) continue;
    away.push({
      id: change.id,
      version: change.version,
      at: change.meta.updatedAt,
      by: change.meta.updatedBy,
      text: String(change.data.text ?? ""),
    });
  }
  if (away.length === 0) return;
  const kept = (await getKv(db, "forMeReassigned")) ?? [];
  await setKv(db, "forMeReassigned", [...away, ...kept].slice(0, keepReassigned));
}
