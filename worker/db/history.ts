// The D1 queries of records' history and the trash: recording each accepted change, reading a record's changes, the restorable deletes.
import type { FieldChange, HistoryEntry, HistoryOp, TrashItem } from "../../shared/sync";
import type { Member } from "../../shared/workspace";
import type { Db } from "./db";

/** One accepted change as a push plans it, before it is written. */
export interface PlannedChange {
  entity: string;
  id: string;
  version: number;
  op: HistoryOp;
  changes: FieldChange[];
}

// Statements stay well below D1's limit on the size of a bound value.
const maxJsonChars = 400_000;

/**
 * Records a push's changes, by one member at one time: one statement per few hundred
 * kilobytes, the changes going in as one JSON parameter that SQLite takes apart.
 */
export function recordHistoryStatements(db: Db, workspaceId: string, member: Member, planned: PlannedChange[], at: string) {
  const parts: string[][] = [];
  let size = 0;
  for (const change of planned) {
    const json = JSON.stringify(change);
    if (parts.length === 0 || size + json.length > maxJsonChars) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1].push(json);
    size += json.length + 1;
  }
  return parts.map((part) =>
    db
      .prepare(
        `INSERT INTO history (workspace_id, entity, entity_id, version, member_id, member_name, op, changes, at)
         SELECT ?1, c.value ->> '$.entity', c.value ->> '$.id', c.value ->> '$.version', ?2, ?3, c.value ->> '$.op',
           c.value -> '$.changes', ?4
         FROM json_each(?5) c`,
      )
      .bind(workspaceId, member.id, member.name, at, `[${part.join(",")}]`),
  );
}

/** The fields each change after `since` changed, and who changed them, for rows a push edits from an older version. */
export function changedFieldsStatement(db: Db, workspaceId: string, entity: string, id: string, since: number) {
  return db
    .prepare(
      `SELECT h.version, h.member_id, (SELECT json_group_array(f.value ->> '$.field') FROM json_each(h.changes) f) AS fields
       FROM history h WHERE h.workspace_id = ?1 AND h.entity = ?2 AND h.entity_id = ?3 AND h.version > ?4`,
    )
    .bind(workspaceId, entity, id, since);
}

export interface ChangedFieldsRow {
  version: number;
  member_id: string;
  /** JSON: the names of the fields the change changed. */
  fields: string;
}

/** A row's visibility, or null when the workspace has no such row. */
export async function findRowAccess(db: Db, workspaceId: string, entity: string, id: string) {
  return db
    .prepare("SELECT private_to FROM entities WHERE workspace_id = ?1 AND entity = ?2 AND id = ?3")
    .bind(workspaceId, entity, id)
    .first<{ private_to: string | null }>();
}

/** A record's changes, newest first. */
export async function readHistory(db: Db, workspaceId: string, entity: string, id: string): Promise<HistoryEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT version, at, member_id, member_name, op, changes FROM history
       WHERE workspace_id = ?1 AND entity = ?2 AND entity_id = ?3 ORDER BY version DESC`,
    )
    .bind(workspaceId, entity, id)
    .all<{ version: number; at: string; member_id: string; member_name: string; op: HistoryOp; changes: string }>();
  return results.map((row) => ({
    version: row.version,
    at: row.at,
    memberId: row.member_id,
    memberName: row.member_name,
    op: row.op,
    changes: JSON.parse(row.changes) as FieldChange[],
  }));
}

/**
 * The deletes of a workspace since `after` that `member` may restore, newest first: those of
 * records they created, or all for an admin; never another member's private annotation. The
 * name is the deleter's at the time of the delete (their current one for older deletes).
 */
export async function readTrash(db: Db, workspaceId: string, member: Member, after: string): Promise<TrashItem[]> {
  const { results } = await db
    .prepare(
      `SELECT e.entity, e.id, e.restorable_data AS data, e.updated_at AS deleted_at, e.updated_by AS deleted_by,
         coalesce(h.member_name, m.name) AS deleted_by_name
       FROM entities e
       LEFT JOIN history h ON h.workspace_id = e.workspace_id AND h.entity = e.entity AND h.entity_id = e.id AND h.version = e.version
       LEFT JOIN members m ON m.id = e.updated_by AND m.workspace_id = e.workspace_id
       WHERE e.workspace_id = ?1 AND e.deleted = 1 AND e.restorable_data IS NOT NULL AND e.updated_at > ?2
         AND (e.private_to IS NULL OR e.private_to = ?3) AND (?4 = 1 OR e.created_by = ?3)
       ORDER BY e.updated_at DESC, e.version DESC`,
    )
    .bind(workspaceId, after, member.id, member.role === "admin" ? 1 : 0)
    .all<{ entity: string; id: string; data: string; deleted_at: string; deleted_by: string | null; deleted_by_name: string | null }>();
  return results.map((row) => ({
    entity: row.entity,
    id: row.id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    deletedByName: row.deleted_by_name,
  }));
}
