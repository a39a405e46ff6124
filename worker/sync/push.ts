import type { Context } from "hono";
import { type EntityName, entityPolicies, mergeEntity } from "../../shared/entities";
import type { Mutation, MutationResult, PushResponse } from "../../shared/sync";
import type { Member } from "../../shared/workspace";
import type { Db } from "../db/db";
import {
  type EntityRow,
  readAppliedMutations,
  readEntities,
  recordMutationsStatements,
  toChange,
  writeEntitiesStatements,
} from "../db/entities";
import { clearGuardStatement, guardStatement, isGuardFailure, now } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { announceCursor } from "../live/workspace-room";

const maxAttempts = 8;

/**
 * Applies a push: mutations already seen return their first result, the others are merged in
 * order over the current rows and written in one D1 batch (a transaction) guarded by a
 * compare-and-set on the workspace's change counter. When another write wins the race the
 * batch rolls back and the push is computed again from fresh rows. A mutation the caller may
 * not make (403), a stale edit of an entity that refuses merges (409) or an invalid result
 * (400) refuses the whole push: nothing of it is written.
 */
/**
 * A signed-in member's push, from any route (the sync API or the W3C annotation protocol): applied,
 * then, when it changed anything, announced to the workspace's connected members, who pull.
 */
export async function pushAsMember(c: Context<AppEnv>, mutations: Mutation[]): Promise<PushResponse> {
  const workspaceId = c.get("workspace").id;
  const response = await applyPush(c.get("db"), workspaceId, c.get("member"), mutations);
  // A push that changed nothing is no news.
  if (response.results.some((result) => result.status === "applied")) {
    c.executionCtx.waitUntil(announceCursor(c.env, workspaceId, response.cursor));
  }
  return response;
}

export async function applyPush(db: Db, workspaceId: string, member: Member, mutations: Mutation[]): Promise<PushResponse> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const plan = await planPush(db, workspaceId, member, mutations);
    if (plan.statements.length === 0) return { results: plan.results, cursor: plan.seq };
    try {
      await db.batch(plan.statements);
      return { results: plan.results, cursor: plan.newSeq };
    } catch (error) {
      if (!isGuardFailure(error)) throw error;
    }
  }
  throw new ApiError(503, "busy", "The workspace is busy with other writes; try again");
}

function checkAllowed(m: Mutation, member: Member, current: EntityRow | null) {
  const policy = entityPolicies[m.entity];
  if (policy?.adminOnly && member.role !== "admin") {
    throw new ApiError(403, "forbidden", `Only a workspace admin can change a ${m.entity}`, { mutationId: m.id });
  }
  if (!policy?.authorOnly || !current) return;
  if (current.created_by !== member.id) {
    throw new ApiError(403, "forbidden", `Only its author can change or delete this ${m.entity}`, { mutationId: m.id });
  }
  if (m.baseVersion !== undefined && m.baseVersion !== current.version) {
    throw new ApiError(409, "conflict", `This ${m.entity} changed since version ${m.baseVersion}`, {
      mutationId: m.id,
      current: toChange(current),
    });
  }
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

async function planPush(db: Db, workspaceId: string, member: Member, mutations: Mutation[]) {
  const workspace = await db.prepare("SELECT seq FROM workspaces WHERE id = ?1").bind(workspaceId).first<{ seq: number }>();
  if (!workspace) throw new ApiError(404, "not_found", "Workspace not found");
  const seq = workspace.seq;

  const applied = await readAppliedMutations(
    db,
    workspaceId,
    mutations.map((m) => m.id),
  );
  const rows = new Map<string, EntityRow>();
  const idsByEntity = new Map<string, Set<string>>();
  for (const m of mutations) idsByEntity.set(m.entity, (idsByEntity.get(m.entity) ?? new Set()).add(m.entityId));
  for (const [entity, ids] of idsByEntity) {
    for (const row of await readEntities(db, workspaceId, entity, [...ids])) rows.set(`${row.entity}/${row.id}`, row);
  }

  const at = now();
  let nextVersion = seq;
  const changed = new Map<string, EntityRow>();
  const results: MutationResult[] = [];
  const fresh: MutationResult[] = [];
  const seenInPush = new Set<string>();

  for (const m of mutations) {
    const earlier = applied.get(m.id);
    if (earlier || seenInPush.has(m.id)) {
      results.push({ ...(earlier ?? { id: m.id, entity: m.entity, entityId: m.entityId, status: "applied" }), status: "duplicate" });
      continue;
    }
    seenInPush.add(m.id);
    const key = `${m.entity}/${m.entityId}`;
    const current = rows.get(key) ?? null;
    const base = { id: m.id, entity: m.entity, entityId: m.entityId };
    let result: MutationResult;

    if (current?.deleted) {
      // Tombstones are final: a deleted item never comes back.
      result = { ...base, status: "gone", version: current.version };
    } else if (m.op === "delete") {
      checkAllowed(m, member, current);
      if (!current) {
        result = { ...base, status: "gone" };
      } else {
        const row: EntityRow = { ...current, deleted: 1, data: "{}", version: ++nextVersion, updated_by: member.id, updated_at: at };
        rows.set(key, row);
        changed.set(key, row);
        result = { ...base, status: "applied", version: row.version };
      }
    } else {
      checkAllowed(m, member, current);
      const merged = mergeEntity(m.entity as EntityName, current ? JSON.parse(current.data) : null, m.fields ?? {});
      if (!merged.ok) {
        throw new ApiError(400, "invalid_mutation", `Mutation ${m.id} (${m.entity} ${m.entityId}): ${merged.message}`, {
          mutationId: m.id,
        });
      }
      const authorId = current?.created_by ?? member.id;
      const row: EntityRow = {
        entity: m.entity,
        id: m.entityId,
        version: ++nextVersion,
        deleted: 0,
        data: JSON.stringify(merged.data),
        created_by: authorId,
        created_at: current?.created_at ?? at,
        updated_by: member.id,
        updated_at: at,
        private_to: privateTo(m, merged.data as Record<string, unknown>, current, authorId),
      };
      rows.set(key, row);
      changed.set(key, row);
      result = { ...base, status: "applied", version: row.version };
    }
    results.push(result);
    fresh.push(result);
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
    );
  }
  return { results, statements, seq, newSeq };
}
