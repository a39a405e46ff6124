// The D1 queries of synced records: reading, writing and recording applied mutations, and the page of changes a pull sends.
import type { Change, MutationResult } from "../../shared/sync";
import { changePageSql } from "./change-page";
import type { Db } from "./db";

export interface EntityRow {
  entity: string;
  id: string;
  version: number;
  deleted: number;
  data: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  /** The only member who may read the row (private annotations); null when the whole workspace may. */
  private_to: string | null;
  /** A deleted row's last data, which a restore brings back; null once purged from the trash (and for live rows). */
  restorable_data?: string | null;
}

// D1 binds at most 100 parameters per statement.
const maxParams = 100;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const placeholders = (count: number, from: number) => Array.from({ length: count }, (_, i) => `?${from + i}`).join(", ");

export async function readEntities(db: Db, workspaceId: string, entity: string, ids: string[]) {
  const rows: EntityRow[] = [];
  for (const part of chunk(ids, maxParams - 2)) {
    const { results } = await db
      .prepare(
        `SELECT entity, id, version, deleted, data, created_by, created_at, updated_by, updated_at, private_to, restorable_data
         FROM entities WHERE workspace_id = ?1 AND entity = ?2 AND id IN (${placeholders(part.length, 3)})`,
      )
      .bind(workspaceId, entity, ...part)
      .all<EntityRow>();
    rows.push(...results);
  }
  return rows;
}

/** A mutation id the member already used: its first result, and the digest of what it said (null when recorded before digests). */
interface AppliedMutation {
  result: MutationResult;
  digest: string | null;
}

/** The member's own mutation ids among `ids`: ids are the sender's, so another member's same id is another mutation. */
export async function readAppliedMutations(db: Db, workspaceId: string, memberId: string, ids: string[]) {
  const applied = new Map<string, AppliedMutation>();
  for (const part of chunk(ids, maxParams - 2)) {
    const { results } = await db
      .prepare(
        `SELECT id, result, digest FROM mutations WHERE workspace_id = ?1 AND member_id = ?2 AND id IN (${placeholders(part.length, 3)})`,
      )
      .bind(workspaceId, memberId, ...part)
      .all<{ id: string; result: string; digest: string | null }>();
    for (const row of results) applied.set(row.id, { result: JSON.parse(row.result) as MutationResult, digest: row.digest });
  }
  return applied;
}

const entityColumns = 12;

/** Upserts whole rows, several to a statement, within the parameter limit. */
export function writeEntitiesStatements(db: Db, workspaceId: string, rows: EntityRow[]) {
  return chunk(rows, Math.floor(maxParams / entityColumns)).map((part) => {
    const values = part.map((_, i) => `(${placeholders(entityColumns, i * entityColumns + 1)})`).join(", ");
    return db
      .prepare(
        `INSERT INTO entities (workspace_id, entity, id, version, deleted, data, created_by, created_at, updated_by, updated_at, private_to,
           restorable_data)
         VALUES ${values}
         ON CONFLICT (workspace_id, entity, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
           data = excluded.data, updated_by = excluded.updated_by, updated_at = excluded.updated_at, private_to = excluded.private_to,
           restorable_data = excluded.restorable_data`,
      )
      .bind(
        ...part.flatMap((row) => [
          workspaceId,
          row.entity,
          row.id,
          row.version,
          row.deleted,
          row.data,
          row.created_by,
          row.created_at,
          row.updated_by,
          row.updated_at,
          row.private_to,
          row.restorable_data ?? null,
        ]),
      );
  });
}

const mutationColumns = 6;

/** Records the results of newly applied mutations, each with the digest of what it said. */
export function recordMutationsStatements(
  db: Db,
  workspaceId: string,
  memberId: string,
  results: { result: MutationResult; digest: string }[],
  at: string,
) {
  return chunk(results, Math.floor(maxParams / mutationColumns)).map((part) => {
    const values = part.map((_, i) => `(${placeholders(mutationColumns, i * mutationColumns + 1)})`).join(", ");
    return db
      .prepare(`INSERT INTO mutations (workspace_id, member_id, id, digest, result, created_at) VALUES ${values}`)
      .bind(...part.flatMap(({ result, digest }) => [workspaceId, memberId, result.id, digest, JSON.stringify(result), at]));
  });
}

export function toChange(row: EntityRow): Change {
  const deleted = row.deleted === 1;
  return {
    entity: row.entity,
    id: row.id,
    version: row.version,
    deleted,
    data: deleted ? null : (JSON.parse(row.data) as Record<string, unknown>),
    meta: { createdBy: row.created_by, createdAt: row.created_at, updatedBy: row.updated_by, updatedAt: row.updated_at },
  };
}

/** A page of changes for a pull, found from the caller's token hash (see change-page.ts). */
export function changePageForTokenStatement(db: Db, tokenHash: string, since: number, limit: number) {
  return db.prepare(changePageSql).bind(tokenHash, since, limit);
}
