import { clearGuardStatement, guardStatement } from "./rows";

export interface InviteRow {
  code_hash: string;
  workspace_id: string;
  created_by: string;
  max_uses: number;
  expires_at: string;
  created_at: string;
}

export function insertInvite(db: D1Database, row: InviteRow) {
  return db
    .prepare("INSERT INTO invites (code_hash, workspace_id, created_by, max_uses, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    .bind(row.code_hash, row.workspace_id, row.created_by, row.max_uses, row.expires_at, row.created_at)
    .run();
}

export async function findUsableInvite(db: D1Database, codeHash: string, at: string) {
  return db
    .prepare(
      `SELECT i.workspace_id, w.name AS workspace_name, w.created_at AS workspace_created_at
       FROM invites i JOIN workspaces w ON w.id = i.workspace_id
       WHERE i.code_hash = ?1 AND i.revoked_at IS NULL AND i.uses < i.max_uses AND i.expires_at > ?2`,
    )
    .bind(codeHash, at)
    .first<{ workspace_id: string; workspace_name: string; workspace_created_at: string }>();
}

/** Takes one use of the invite, failing the batch it is part of if the invite ran out meanwhile. */
export function useInviteStatements(db: D1Database, codeHash: string, at: string) {
  return [
    db
      .prepare("UPDATE invites SET uses = uses + 1 WHERE code_hash = ?1 AND revoked_at IS NULL AND uses < max_uses AND expires_at > ?2")
      .bind(codeHash, at),
    guardStatement(db),
    clearGuardStatement(db),
  ];
}
