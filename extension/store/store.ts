// Writing the local store: each local change with its outbox entry, and what sync brings back (results, refusals, conflicts, changes).
import { type EntityName, entityPolicies, mergeEntity } from "../../shared/entities";
import type { Change, MutationResult } from "../../shared/sync";
import { type Db, getKv, type LocalRow, type OutboxEntry, setKv } from "./db";
import { newLocalId } from "./local-rows";

// Reading the store needs no schema; pages import these from local-rows.ts and stay small.
export { announceChange, listRows, newLocalId, type StoreChange, storeChannelName } from "./local-rows";

export class InvalidChange extends Error {}

/**
 * Records a local change: the row the user sees changes at once and the mutation joins the
 * outbox in the same transaction, so neither exists without the other.
 */
export async function mutateLocal(
  db: Db,
  change: { entity: EntityName; entityId: string; op: OutboxEntry["op"]; fields?: Record<string, unknown>; baseVersion?: number },
  actor: { memberId: string | null },
): Promise<OutboxEntry> {
  const tx = db.transaction(["rows", "outbox"], "readwrite");
  const rows = tx.objectStore("rows");
  const current = await rows.get([change.entity, change.entityId]);
  const at = new Date().toISOString();
  // A restore (an undone delete) brings the row back with the data it had.
  if (current?.deleted && change.op !== "restore") {
    abort(tx);
    throw new InvalidChange("This item was deleted");
  }
  let data: Record<string, unknown> | null = null;
  if (change.op !== "delete") {
    const merged = mergeEntity(change.entity, change.op === "restore" ? null : (current?.data ?? null), change.fields ?? {});
    if (!merged.ok) {
      abort(tx);
      throw new InvalidChange(merged.message);
    }
    data = merged.data;
  }
  const row: LocalRow = {
    entity: change.entity,
    id: change.entityId,
    version: current?.version ?? 0,
    deleted: change.op === "delete",
    data,
    meta: current?.meta ?? { createdBy: actor.memberId, createdAt: at, updatedBy: actor.memberId, updatedAt: at },
    pending: (current?.pending ?? 0) + 1,
  };
  row.meta = { ...row.meta, updatedBy: actor.memberId, updatedAt: at };
  const entry: OutboxEntry = {
    id: newLocalId(),
    entity: change.entity,
    entityId: change.entityId,
    op: change.op,
    ...(change.op !== "delete" ? { fields: change.fields } : {}),
    ...(change.baseVersion !== undefined
      ? { baseVersion: change.baseVersion }
      : entityPolicies[change.entity]?.authorOnly && current && current.version > 0
        ? { baseVersion: current.version }
        : {}),
    createdAt: at,
  };
  await rows.put(row);
  await tx.objectStore("outbox").add(entry);
  await tx.done;
  return entry;
}

/** Rolls a transaction back; its `done` then rejects, which is the point, not an error to report. */
function abort(tx: { done: Promise<void>; abort(): void }) {
  tx.done.catch(() => {});
  tx.abort();
}

/** The oldest unsent mutations, in the order they were made. */
export async function peekOutbox(db: Db, limit: number): Promise<OutboxEntry[]> {
  return db.getAll("outbox", undefined, limit);
}

export async function outboxSize(db: Db): Promise<number> {
  return db.count("outbox");
}

/** The server answered for these mutations: they leave the outbox and their rows count one fewer pending change. */
export async function acknowledge(db: Db, entries: OutboxEntry[], results: MutationResult[]): Promise<void> {
  const tx = db.transaction(["rows", "outbox"], "readwrite");
  const rows = tx.objectStore("rows");
  const resultById = new Map(results.map((r) => [r.id, r]));
  for (const entry of entries) {
    if (entry.seq !== undefined) await tx.objectStore("outbox").delete(entry.seq);
    const row = await rows.get([entry.entity, entry.entityId]);
    if (!row) continue;
    row.pending = Math.max(0, row.pending - 1);
    const result = resultById.get(entry.id);
    // The server keeps tombstones final; an edit of something deleted elsewhere shows it deleted here too.
    if (result?.status === "gone") {
      row.deleted = true;
      row.data = null;
    }
    await rows.put(row);
  }
  await tx.done;
}

/** Moves refused mutations out of the outbox into the rejected list, with the server's reason. */
export async function reject(db: Db, entry: OutboxEntry, reason: string): Promise<void> {
  const rejected = (await getKv(db, "rejected")) ?? [];
  rejected.push({ ...entry, reason });
  await setKv(db, "rejected", rejected.slice(-500));
  await acknowledge(db, [entry], []);
}

/** Sets a stale edit aside with the server's current row, for the user to resolve. */
export async function setConflict(db: Db, entry: OutboxEntry, current: Change): Promise<void> {
  const conflicts = (await getKv(db, "conflicts")) ?? [];
  conflicts.push({ entry, current });
  await setKv(db, "conflicts", conflicts.slice(-500));
  await acknowledge(db, [entry], []);
  await applyChanges(db, [current], (await getKv(db, "cursor")) ?? 0);
}

/**
 * Settles a stale edit the user has seen next to the current version: "mine" makes the edit
 * again over the current version (the server then takes it), "theirs" lets it go. Either way
 * the conflict leaves the list.
 */
export async function resolveConflict(
  db: Db,
  mutationId: string,
  keep: "mine" | "theirs",
  actor: { memberId: string | null },
): Promise<void> {
  const conflicts = (await getKv(db, "conflicts")) ?? [];
  const conflict = conflicts.find((c) => c.entry.id === mutationId);
  if (!conflict) throw new InvalidChange("This conflict was settled already");
  if (keep === "mine") {
    const { entry } = conflict;
    await mutateLocal(db, { entity: entry.entity as EntityName, entityId: entry.entityId, op: entry.op, fields: entry.fields }, actor);
  }
  await setKv(
    db,
    "conflicts",
    conflicts.filter((c) => c.entry.id !== mutationId),
  );
}

/** Forgets synced rows before a full resync; rows with unsent local changes stay as they are. */
export async function resetRows(db: Db): Promise<void> {
  const tx = db.transaction(["rows", "kv"], "readwrite");
  let cursor = await tx.objectStore("rows").openCursor();
  while (cursor) {
    if (cursor.value.pending === 0) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.objectStore("kv").put(0, "cursor");
  await tx.done;
}

/**
 * Applies teammates' changes from a pull. Rows with local changes still in the outbox keep
 * them on top of the server's data, so nothing typed here flickers away before it is sent.
 */
export async function applyChanges(db: Db, changes: Change[], cursor: number): Promise<void> {
  const tx = db.transaction(["rows", "outbox", "kv"], "readwrite");
  const rows = tx.objectStore("rows");
  let pendingByKey: Map<string, OutboxEntry[]> | null = null;
  for (const change of changes) {
    const current = await rows.get([change.entity, change.id]);
    if (current && current.version >= change.version) continue;
    let data = change.data;
    if (current?.pending && !change.deleted) {
      pendingByKey ??= groupOutbox(await tx.objectStore("outbox").getAll());
      for (const entry of pendingByKey.get(`${change.entity}/${change.id}`) ?? []) {
        if (entry.op === "upsert") data = { ...(data ?? {}), ...(entry.fields ?? {}) };
      }
    }
    // A delete made here and not yet sent stays a delete.
    const deleted = change.deleted || Boolean(current?.deleted && current.pending > 0);
    await rows.put({
      entity: change.entity,
      id: change.id,
      version: change.version,
      deleted,
      data: deleted ? null : data,
      meta: change.meta,
      pending: current?.pending ?? 0,
    });
  }
  await tx.objectStore("kv").put(cursor, "cursor");
  await tx.done;
}

function groupOutbox(entries: OutboxEntry[]): Map<string, OutboxEntry[]> {
  const grouped = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const key = `${entry.entity}/${entry.entityId}`;
    grouped.set(key, [...(grouped.get(key) ?? []), entry]);
  }
  return grouped;
}

/** Forgets everything of the workspace: used when leaving it. */
export async function clearStore(db: Db): Promise<void> {
  const tx = db.transaction(["rows", "outbox", "kv"], "readwrite");
  await Promise.all([tx.objectStore("rows").clear(), tx.objectStore("outbox").clear(), tx.objectStore("kv").clear()]);
  await tx.done;
}
