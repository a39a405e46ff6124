import { type MemberRow, toMember, toWorkspace, type WorkspaceRow } from "./rows";

const memberColumns = "m.id, m.workspace_id, m.name, m.department, m.role, m.joined_at";

export async function findMemberByTokenHash(db: D1Database, tokenHash: string) {
  const row = await db
    .prepare(
      `SELECT ${memberColumns}, w.name AS workspace_name, w.created_at AS workspace_created_at, w.seq AS workspace_seq
       FROM members m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.token_hash = ?1 AND m.removed_at IS NULL`,
    )
    .bind(tokenHash)
    .first<MemberRow & { workspace_name: string; workspace_created_at: string; workspace_seq: number }>();
  if (!row) return null;
  return {
    member: toMember(row),
    workspace: toWorkspace({
      id: row.workspace_id,
      name: row.workspace_name,
      seq: row.workspace_seq,
      created_at: row.workspace_created_at,
    }),
  };
}

export async function listMembers(db: D1Database, workspaceId: string) {
  const { results } = await db
    .prepare(`SELECT ${memberColumns} FROM members m WHERE m.workspace_id = ?1 AND m.removed_at IS NULL ORDER BY m.joined_at, m.id`)
    .bind(workspaceId)
    .all<MemberRow>();
  return results.map(toMember);
}

export function insertMember(db: D1Database, row: MemberRow & { token_hash: string }) {
  return db
    .prepare("INSERT INTO members (id, workspace_id, name, department, role, token_hash, joined_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    .bind(row.id, row.workspace_id, row.name, row.department, row.role, row.token_hash, row.joined_at);
}

export function insertWorkspace(db: D1Database, row: WorkspaceRow) {
  return db
    .prepare("INSERT INTO workspaces (id, name, seq, created_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(row.id, row.name, row.seq, row.created_at);
}
