// A member's push applied to D1: replays answered as before, the rest merged and written all or nothing, through the workspace's room.
import type { Context } from "hono";
import { type EntityName, entityPolicies, mergeEntity } from "../../shared/entities";
import {
  type ConflictDetails,
  type FieldChange,
  type Mutation,
  type MutationResult,
  type PushResponse,
  trashDays,
} from "../../shared/sync";
import type { Member } from "../../shared/workspace";
import { type ChannelEvent, channelEvents } from "../channels/events";
import { enqueueChannelEvents } from "../channels/queue";
import type { Db } from "../db/db";
import {
  type EntityRow,
  readAppliedMutations,
  readEntities,
  recordMutationsStatements,
  toChange,
  writeEntitiesStatements,
} from "../db/entities";
import { type ChangedFieldsRow, changedFieldsStatement, type PlannedChange, recordHistoryStatements } from "../db/history";
import { clearGuardStatement, guardStatement, isGuardFailure, now } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { sha256 } from "../lib/tokens";
import { announceCursor, roomOf } from "../live/room-client";
import { readAfter } from "../middleware/session";

const maxAttempts = 8;

/**
 * A signed-in member's push, from any route (the sync API or the W3C annotation protocol). The
 * workspace's room applies its pushes one at a time, so that pushes of many members at once
 * queue instead of racing for the change counter (and failing busy); the room then tells the
 * connected members. Should the room not answer, the push is applied here: mutation ids make a
 * push that the room did apply come back as duplicates, never twice.
 */
export async function pushAsMember(c: Context<AppEnv>, mutations: Mutation[]): Promise<PushResponse> {
  const workspaceId = c.get("workspace").id;
  let outcome: PushOutcome;
  try {
    // The stub's type cannot follow `details: unknown` through serialisation; the outcome arrives as sent.
    outcome = (await roomOf(c.env, workspaceId).push(workspaceId, c.get("member"), mutations)) as PushOutcome;
  } catch (error) {
    console.error("liaison: the workspace room did not take a push; applying it here", error);
    const events: ChannelEvent[] = [];
    const response = await applyPush(c.get("db"), workspaceId, c.get("member"), mutations, events);
    if (changedSomething(response)) c.executionCtx.waitUntil(announceCursor(c.env, workspaceId, response.cursor));
    if (events.length > 0) c.executionCtx.waitUntil(enqueueChannelEvents(c.env, workspaceId, events));
    return response;
  }
  if (!outcome.ok)
    throw new ApiError(outcome.error.status as ApiError["status"], outcome.error.code, outcome.error.message, outcome.error.details);
  readAfter(c, outcome.bookmark);
  return outcome.response;
}

/** A push that changed nothing is no news. */
export const changedSomething = (response: PushResponse) => response.results.some((result) => result.status === "applied");

/** A push as the room answers it: its response and the bookmark of its write, or the refusal to raise. */
export type PushOutcome =
  | { ok: true; response: PushResponse; bookmark: string | null; events?: ChannelEvent[] }
  | { ok: false; error: { status: number; code: string; message: string; details?: unknown } };

/** Applies a push on a fresh session of the primary, answering a refusal instead of throwing it (errors do not cross RPC whole). */
export async function pushOutcome(database: D1Database, workspaceId: string, member: Member, mutations: Mutation[]): Promise<PushOutcome> {
  const session = database.withSession("first-primary");
  try {
    const events: ChannelEvent[] = [];
    const response = await applyPush(session, workspaceId, member, mutations, events);
    return { ok: true, response, bookmark: session.getBookmark(), events };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, error: { status: error.status, code: error.code, message: error.message, details: error.details } };
  }
}

/** A JSON text of a value with every object's keys sorted, so equal values give equal texts. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What a mutation says, as a digest: a replay says the same, a reused id says something else. */
async function mutationDigest(m: Mutation): Promise<string> {
  const { entity, entityId, op, fields, baseVersion } = m;
  return sha256(canonicalJson({ entity, entityId, op, fields, baseVersion }));
}

/**
 * A mutation id the member already used (or used earlier in this push) for something else: the
 * push is refused as a whole, saying which mutation, and nothing of it is written. A client that
 * then sends its mutations one at a time sets this one aside and gets the rest through.
 */
function reusedId(m: Mutation): never {
  throw new ApiError(
    409,
    "mutation_reused",
    `Mutation id ${m.id} was already used for a different change; send this change under a new id`,
    { mutationId: m.id },
  );
}

/**
 * Applies a push: mutations already seen return their first result, the others are merged in
 * order over the current rows and written in one D1 batch (a transaction), with a history entry
 * for each change, guarded by a compare-and-set on the workspace's change counter. When another
 * write wins the race the batch rolls back and the push is computed again from fresh rows. A
 * mutation the caller may not make (403), a stale edit that clashes with someone else's since
 * (409) or an invalid result (400) refuses the whole push: nothing of it is written. The room applies a workspace's
 * pushes one at a time, so the race is only ever lost to a push applied elsewhere (see pushAsMember).
 */
async function applyPush(
  db: Db,
  workspaceId: string,
  member: Member,
  mutations: Mutation[],
  events: ChannelEvent[],
): Promise<PushResponse> {
  const digests = await Promise.all(mutations.map(mutationDigest));
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const plan = await planPush(db, workspaceId, member, mutations, digests);
    if (plan.statements.length === 0) return { results: plan.results, cursor: plan.seq };
    try {
      await db.batch(plan.statements);
      // What the push means to the workspace's chat channels, once it is written.
      events.push(...channelEvents(plan.before, plan.finalRows, member, plan.at));
      return { results: plan.results, cursor: plan.newSeq };
    } catch (error) {
      if (!isGuardFailure(error)) throw error;
    }
  }
  throw new ApiError(503, "busy", "The workspace is busy with other writes; try again");
}

/** A 409 conflict: the mutation, the row as it now is, and the sent fields changed since its baseVersion. */
function conflict(m: Mutation, current: EntityRow, fields: string[]): never {
  throw new ApiError(409, "conflict", `This ${m.entity} changed since version ${m.baseVersion}`, {
    mutationId: m.id,
    current: toChange(current),
    fields,
  } satisfies ConflictDetails);
}

/**
 * Who may make a mutation: admins alone change admin-only kinds; an author-only kind is changed
 * and deleted by its author alone, and any stale baseVersion of it is refused; any other record
 * is edited by anyone and deleted by its author or an admin.
 */
function checkAllowed(m: Mutation, member: Member, current: EntityRow | null) {
  const policy = entityPolicies[m.entity];
  if (policy?.adminOnly && member.role !== "admin") {
    throw new ApiError(403, "forbidden", `Only a workspace admin can change a ${m.entity}`, { mutationId: m.id });
  }
  if (!current) return;
  if (!policy?.authorOnly) {
    if (m.op === "delete" && current.created_by !== member.id && member.role !== "admin") {
      throw new ApiError(403, "forbidden", `Only its author or a workspace admin can delete this ${m.entity}`, { mutationId: m.id });
    }
    return;
  }
  if (current.created_by !== member.id) {
    throw new ApiError(403, "forbidden", `Only its author can change or delete this ${m.entity}`, { mutationId: m.id });
  }
  if (m.baseVersion !== undefined && m.baseVersion !== current.version) {
    const data = current.deleted ? {} : (JSON.parse(current.data) as Record<string, unknown>);
    conflict(
      m,
      current,
      Object.keys(m.fields ?? {}).filter((field) => canonicalJson(data[field]) !== canonicalJson(m.fields?.[field])),
    );
  }
}

/** Who may restore a deleted record: its author or an admin (admins alone for admin-only kinds; nobody else's private annotation). */
function checkRestoreAllowed(m: Mutation, member: Member, current: EntityRow) {
  const policy = entityPolicies[m.entity];
  const admin = member.role === "admin";
  if (policy?.adminOnly && !admin) {
    throw new ApiError(403, "forbidden", `Only a workspace admin can restore a ${m.entity}`, { mutationId: m.id });
  }
  const privateToOther = current.private_to !== null && current.private_to !== member.id;
  if (current.created_by !== member.id && (!admin || privateToOther)) {
    throw new ApiError(403, "forbidden", `Only its author or a workspace admin can restore this ${m.entity}`, { mutationId: m.id });
  }
}

const trashMs = trashDays * 24 * 60 * 60 * 1000;

/** A deleted row's last data is kept, to restore, for 30 days after its delete (until the daily purge clears it). */
const restorable = (row: EntityRow, at: string) => row.restorable_data != null && Date.parse(row.updated_at) > Date.parse(at) - trashMs;

/** The fields whose value differs between two versions of a row, with both values (null for none). */
function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  if (!before) return Object.entries(after).map(([field, value]) => ({ field, old: null, new: value ?? null }));
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}

/**
 * For shared rows a push edits from an older version than the stored one, the changes made
 * since by other members (the history says which fields each changed): one D1 round trip.
 */
async function readChangesByOthers(db: Db, workspaceId: string, member: Member, mutations: Mutation[], rows: Map<string, EntityRow>) {
  const since = new Map<string, { entity: string; id: string; version: number }>();
  for (const m of mutations) {
    const row = rows.get(`${m.entity}/${m.entityId}`);
    if (m.op !== "upsert" || m.baseVersion === undefined || !row || row.deleted || row.version <= m.baseVersion) continue;
    if (entityPolicies[m.entity]?.authorOnly) continue;
    const key = `${m.entity}/${m.entityId}`;
    const earlier = since.get(key);
    if (!earlier || m.baseVersion < earlier.version) since.set(key, { entity: m.entity, id: m.entityId, version: m.baseVersion });
  }
  const byRow = new Map<string, Array<{ version: number; fields: string[] }>>();
  if (since.size === 0) return byRow;
  const keys = [...since.keys()];
  const answers = await db.batch<ChangedFieldsRow>(
    keys.map((key) => {
      const { entity, id, version } = since.get(key) as { entity: string; id: string; version: number };
      return changedFieldsStatement(db, workspaceId, entity, id, version);
    }),
  );
  for (const [index, key] of keys.entries()) {
    byRow.set(
      key,
      answers[index].results
        .filter((row) => row.member_id !== member.id)
        .map((row) => ({ version: row.version, fields: JSON.parse(row.fields) as string[] })),
    );
  }
  return byRow;
}

/** Private annotations are readable by their author alone; a shared one is not taken back. */
function privateTo(m: Mutation, data: Record<string, unknown>, current: EntityRow | null, authorId: string): string | null {
  if (m.entity !== "annotation") return null;
  const wasShared = current !== null && current.private_to === null;
  if (data.visibility === "private" && wasShared) {
    throw new ApiError(400, "invalid_mutation", "A shared annotation cannot be made private again; delete it instead", {
      mutationId: m.id,
    });
  }
  return data.visibility === "private" ? authorId : null;
}

async function planPush(db: Db, workspaceId: string, member: Member, mutations: Mutation[], digests: string[]) {
  const workspace = await db.prepare("SELECT seq FROM workspaces WHERE id = ?1").bind(workspaceId).first<{ seq: number }>();
  if (!workspace) throw new ApiError(404, "not_found", "Workspace not found");
  const seq = workspace.seq;

  const applied = await readAppliedMutations(
    db,
    workspaceId,
    member.id,
    mutations.map((m) => m.id),
  );
  const rows = new Map<string, EntityRow>();
  const idsByEntity = new Map<string, Set<string>>();
  for (const m of mutations) idsByEntity.set(m.entity, (idsByEntity.get(m.entity) ?? new Set()).add(m.entityId));
  for (const [entity, ids] of idsByEntity) {
    for (const row of await readEntities(db, workspaceId, entity, [...ids])) rows.set(`${row.entity}/${row.id}`, row);
  }

  const changesByOthers = await readChangesByOthers(db, workspaceId, member, mutations, rows);
  const before = new Map(rows);

  const at = now();
  let nextVersion = seq;
  const history: PlannedChange[] = [];
  const changed = new Map<string, EntityRow>();
  const results: MutationResult[] = [];
  const fresh: { result: MutationResult; digest: string }[] = [];
  const seenInPush = new Map<string, string>();

  for (const [index, m] of mutations.entries()) {
    const digest = digests[index];
    const earlier = applied.get(m.id);
    const seen = seenInPush.get(m.id);
    // Ids recorded before digests were kept (digest null) are taken as the same change.
    if ((earlier?.digest ?? digest) !== digest || (seen ?? digest) !== digest) reusedId(m);
    if (earlier || seen) {
      results.push({
        ...(earlier?.result ?? { id: m.id, entity: m.entity, entityId: m.entityId, status: "applied" }),
        status: "duplicate",
      });
      continue;
    }
    seenInPush.set(m.id, digest);
    const key = `${m.entity}/${m.entityId}`;
    const current = rows.get(key) ?? null;
    const base = { id: m.id, entity: m.entity, entityId: m.entityId };
    let result: MutationResult;

    if (m.op === "restore") {
      if (current?.deleted) checkRestoreAllowed(m, member, current);
      if (!current?.deleted || !restorable(current, at)) {
        // Nothing to restore: a live row, an unknown one, or a delete older than the trash keeps.
        result = { ...base, status: "gone", ...(current ? { version: current.version } : {}) };
      } else {
        const row: EntityRow = {
          ...current,
          deleted: 0,
          data: current.restorable_data as string,
          restorable_data: null,
          version: ++nextVersion,
          updated_by: member.id,
          updated_at: at,
        };
        rows.set(key, row);
        changed.set(key, row);
        history.push({ entity: m.entity, id: m.entityId, version: row.version, op: "restore", changes: [] });
        result = { ...base, status: "applied", version: row.version };
      }
    } else if (current?.deleted) {
      // An upsert or a delete never brings a deleted item back: only a restore does.
      result = { ...base, status: "gone", version: current.version };
    } else if (m.op === "delete") {
      checkAllowed(m, member, current);
      if (!current) {
        result = { ...base, status: "gone" };
      } else {
        const row: EntityRow = {
          ...current,
          deleted: 1,
          data: "{}",
          restorable_data: current.data,
          version: ++nextVersion,
          updated_by: member.id,
          updated_at: at,
        };
        rows.set(key, row);
        changed.set(key, row);
        history.push({ entity: m.entity, id: m.entityId, version: row.version, op: "delete", changes: [] });
        result = { ...base, status: "applied", version: row.version };
      }
    } else {
      checkAllowed(m, member, current);
      const before = current ? (JSON.parse(current.data) as Record<string, unknown>) : null;
      const merged = mergeEntity(m.entity as EntityName, before, m.fields ?? {});
      if (!merged.ok) {
        throw new ApiError(400, "invalid_mutation", `Mutation ${m.id} (${m.entity} ${m.entityId}): ${merged.message}`, {
          mutationId: m.id,
        });
      }
      const after = merged.data as Record<string, unknown>;
      if (current && before && m.baseVersion !== undefined && m.baseVersion < current.version) {
        // A stale edit merges unless someone else changed one of its fields since, to another value than it sends.
        const changedSince = new Set(
          (changesByOthers.get(key) ?? []).filter((change) => change.version > (m.baseVersion ?? 0)).flatMap((change) => change.fields),
        );
        const clashing = Object.keys(m.fields ?? {}).filter(
          (field) => changedSince.has(field) && canonicalJson(before[field]) !== canonicalJson(after[field]),
        );
        if (clashing.length > 0) conflict(m, current, clashing);
      }
      const authorId = current?.created_by ?? member.id;
      const row: EntityRow = {
        entity: m.entity,
        id: m.entityId,
        version: ++nextVersion,
        deleted: 0,
        data: JSON.stringify(after),
        created_by: authorId,
        created_at: current?.created_at ?? at,
        updated_by: member.id,
        updated_at: at,
        private_to: privateTo(m, after, current, authorId),
        restorable_data: null,
      };
      rows.set(key, row);
      changed.set(key, row);
      history.push({
        entity: m.entity,
        id: m.entityId,
        version: row.version,
        op: current ? "update" : "create",
        changes: fieldChanges(before, after),
      });
      result = { ...base, status: "applied", version: row.version };
    }
    results.push(result);
    fresh.push({ result, digest });
  }

  // Results of mutations superseded in this push name the version the entity ended at.
  for (const result of results) {
    const row = changed.get(`${result.entity}/${result.entityId}`);
    if (row && result.status === "applied") result.version = row.version;
  }

  // Each changed entity is written once, at the version of its last change in this push.
  const finalRows = [...changed.values()];
  const newSeq = nextVersion;
  const statements: D1PreparedStatement[] = [];
  if (fresh.length > 0) {
    statements.push(
      db.prepare("UPDATE workspaces SET seq = ?1 WHERE id = ?2 AND seq = ?3").bind(newSeq, workspaceId, seq),
      guardStatement(db),
      clearGuardStatement(db),
      ...writeEntitiesStatements(db, workspaceId, finalRows),
      ...recordMutationsStatements(db, workspaceId, member.id, fresh, at),
      ...recordHistoryStatements(db, workspaceId, member, history, at),
    );
  }
  return { results, statements, seq, newSeq, before, finalRows, at };
}
