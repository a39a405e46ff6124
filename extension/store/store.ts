// Writing the local store: each local change with its outbox entry, and what sync brings back (results, refusals, conflicts, changes).
import { type EntityName, entityPolicies, mergeEntity } from "../../shared/entities";
import type { Change, MutationResult } from "../../shared/sync";
import { type Db, getKv, type LocalRow, type NotSaved, type OutboxEntry, setKv } from "./db";
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
  if (change.op === "restore" ? current && !current.deleted : current?.deleted) {
    abort(tx);
    throw new InvalidChange(change.op === "restore" ? "This item is not deleted" : "This item was deleted");
  }
  // A restore shows the record again at once from its last data here (when this browser has it).
  let data: Record<string, unknown> | null = change.op === "restore" ? (current?.lastData ?? null) : null;
  if (change.op === "upsert") {
    const merged = mergeEntity(change.entity, current?.data ?? null, change.fields ?? {});
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
    deleted: change.op === "delete" || (change.op === "restore" && !data),
    data,
    meta: current?.meta ?? { createdBy: actor.memberId, createdAt: at, updatedBy: actor.memberId, updatedAt: at },
    pending: (current?.pending ?? 0) + 1,
  };
  // The server's data under the local changes: the row's own data until the first of them.
  if (current && current.version > 0) row.serverData = current.pending > 0 ? current.serverData : current.data;
  if (change.op === "delete") row.lastData = current?.data ?? null;
  else if (change.op === "restore" && !data) row.lastData = null;
  row.meta = { ...row.meta, updatedBy: actor.memberId, updatedAt: at };
  const entry: OutboxEntry = {
    id: newLocalId(),
    entity: change.entity,
    entityId: change.entityId,
    op: change.op,
    ...(change.op === "upsert" ? { fields: change.fields } : {}),
    // Every edit names the version it was made on (a record's details: the one the form was opened
    // on), so that the server can tell a stale edit of a field a teammate changed (409) from one to merge.
    ...(change.baseVersion !== undefined
      ? { baseVersion: change.baseVersion }
      : (change.op === "upsert" || (change.op === "delete" && entityPolicies[change.entity]?.authorOnly)) &&
          current &&
          current.version > 0 &&
          !entityPolicies[change.entity]?.lastSeenWins
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

/** How many changes the server did not take are kept for the side panel (the oldest go first). */
const notSavedKept = 500;

/** What a record says it is, for the side panel's "Not saved" list: its title or text, shortened. */
function recordTitle(...sources: Array<Record<string, unknown> | null | undefined>): string | null {
  for (const source of sources) {
    for (const field of ["title", "text", "name", "body", "quote", "summary"]) {
      const value = source?.[field];
      if (typeof value === "string" && value.trim()) return value.trim().slice(0, 120);
    }
  }
  return null;
}

const notSaved = (entry: OutboxEntry, row: LocalRow | undefined, why: NotSaved["why"], reason: string): NotSaved => ({
  ...entry,
  reason,
  why,
  title: recordTitle(entry.fields, row?.data, row?.lastData),
});

/**
 * The server answered for these mutations: they leave the outbox and their rows count one fewer
 * pending change. An edit of something deleted elsewhere (`gone`) shows it deleted here too, and
 * is listed as not saved, as is a change the server set aside (`rejected`): nothing is dropped unsaid.
 */
export async function acknowledge(db: Db, entries: OutboxEntry[], results: MutationResult[]): Promise<void> {
  const tx = db.transaction(["rows", "outbox", "kv"], "readwrite");
  const rows = tx.objectStore("rows");
  const resultById = new Map(results.map((r) => [r.id, r]));
  const unsaved: NotSaved[] = [];
  for (const entry of entries) {
    if (entry.seq !== undefined) await tx.objectStore("outbox").delete(entry.seq);
    const row = await rows.get([entry.entity, entry.entityId]);
    const result = resultById.get(entry.id);
    // A delete of something already deleted did what it meant to.
    if (result?.status === "gone" && entry.op !== "delete")
      unsaved.push(notSaved(entry, row, "gone", result.message ?? (entry.op === "restore" ? "too old to restore" : "deleted")));
    if (result?.status === "rejected") unsaved.push(notSaved(entry, row, "invalid", result.message ?? "refused"));
    if (!row) continue;
    row.pending = Math.max(0, row.pending - 1);
    if (row.pending === 0) {
      // The server took this change before the version the row now holds (its answer was lost,
      // and a pull brought a later change first): that later version already has it, or what
      // replaced it, so the row shows the server's data rather than this change laid over it.
      const at = result?.version;
      if (at !== undefined && row.version > at && row.serverData !== undefined && !row.deleted) row.data = row.serverData;
      delete row.serverData;
    }
    // The server keeps tombstones final.
    if (result?.status === "gone") {
      if (row.data) row.lastData = row.data;
      row.deleted = true;
      row.data = null;
    }
    await rows.put(row);
  }
  if (unsaved.length > 0) {
    const kv = tx.objectStore("kv");
    const listed = ((await kv.get("rejected")) as NotSaved[] | undefined) ?? [];
    await kv.put([...listed, ...unsaved].slice(-notSavedKept), "rejected");
  }
  await tx.done;
}

/**
 * Moves a refused mutation out of the outbox into the "not saved" list, with the server's reason.
 * A refused delete or restore is undone here, so the row shows what the server still has.
 */
export async function reject(db: Db, entry: OutboxEntry, reason: string, why: NotSaved["why"] = "invalid"): Promise<void> {
  const row = await db.get("rows", [entry.entity, entry.entityId]);
  const rejected = (await getKv(db, "rejected")) ?? [];
  rejected.push(notSaved(entry, row, why, reason));
  await setKv(db, "rejected", rejected.slice(-notSavedKept));
  await acknowledge(db, [entry], []);
  const after = await db.get("rows", [entry.entity, entry.entityId]);
  if (!after || after.pending > 0) return;
  if (entry.op === "delete" && after.deleted && after.lastData) {
    await db.put("rows", { ...after, deleted: false, data: after.lastData, lastData: undefined });
  } else if (entry.op === "restore" && !after.deleted && after.version > 0) {
    await db.put("rows", { ...after, deleted: true, data: null, lastData: after.data });
  }
}

/** Takes entries off the "not saved" list once the user has read them: one by its mutation id, or all. */
export async function dismissNotSaved(db: Db, mutationId?: string): Promise<void> {
  const rejected = (await getKv(db, "rejected")) ?? [];
  await setKv(db, "rejected", mutationId ? rejected.filter((entry) => entry.id !== mutationId) : []);
}

/** Sets a stale edit aside with the server's current row (and the fields changed there), for the user to resolve. */
export async function setConflict(db: Db, entry: OutboxEntry, current: Change, fields?: string[]): Promise<void> {
  const conflicts = (await getKv(db, "conflicts")) ?? [];
  conflicts.push({ entry, current, ...(fields ? { fields } : {}) });
  await setKv(db, "conflicts", conflicts.slice(-500));
  await acknowledge(db, [entry], []);
  await applyChanges(db, [current], (await getKv(db, "cursor")) ?? 0);
}

/**
 * Settles a record's stale edits (the one named and any other of the same record) once the user
 * has seen them next to the current version: "mine" makes the edits again over the current
 * version, sent with it as their base (the server then takes them); "theirs" lets them go and the
 * row here takes the server's. Either way the record's conflicts leave the list.
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
  const { entity, entityId } = conflict.entry;
  const ofRecord = conflicts.filter((c) => c.entry.entity === entity && c.entry.entityId === entityId);
  const latest = ofRecord.reduce((a, b) => (b.current.version > a.current.version ? b : a)).current;
  if (keep === "mine") {
    const fields = Object.assign({}, ...ofRecord.map((c) => c.entry.fields ?? {})) as Record<string, unknown>;
    const target = { entity: entity as EntityName, entityId };
    // Deleted meanwhile: keeping mine brings it back first (the server lets its author or an admin).
    if ((await db.get("rows", [entity, entityId]))?.deleted) await mutateLocal(db, { ...target, op: "restore" }, actor);
    if (Object.keys(fields).length > 0) await mutateLocal(db, { ...target, op: "upsert", fields }, actor);
  } else {
    const row = await db.get("rows", [entity, entityId]);
    if (row && row.pending === 0 && row.version <= latest.version) {
      await db.put("rows", {
        ...row,
        version: latest.version,
        deleted: latest.deleted,
        data: latest.deleted ? null : latest.data,
        meta: latest.meta,
      });
    }
  }
  await setKv(
    db,
    "conflicts",
    conflicts.filter((c) => !ofRecord.includes(c)),
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
      // Local changes shown over the server's data: the server's own is kept under them.
      ...(current?.pending && !deleted ? { serverData: change.data } : {}),
      // What a restore brings back at once.
      ...(deleted ? { lastData: change.data ?? current?.data ?? current?.lastData ?? null } : {}),
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
