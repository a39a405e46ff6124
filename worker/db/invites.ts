// The D1 queries of invites: creating, listing, revoking and using them (only a hash of each code is stored).
import type { Invite } from "../../shared/workspace";
import type { Db } from "./db";
import { clearGuardStatement, guardStatement } from "./rows";

interface InviteRow {
  id: string;
  code_hash: string;
  workspace_id: string;
  created_by: string;
  max_uses: number;
  expires_at: string;
  created_at: string;
}

export function insertInvite(db: Db, row: InviteRow) {
  return db
    .prepare(
      "INSERT INTO invites (id, code_hash, workspace_id, created_by, max_uses, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(row.id, row.code_hash, row.workspace_id, row.created_by, row.max_uses, row.expires_at, row.created_at)
    .run();
}

/**
 * Why an invite stopped working before its time: an admin revoked it, or it was revoked when the
 * member who joined with it or created it was removed (`revokedFor` names that member).
 */
type RevokedReason = "revoked_by_admin" | "member_removed";

/** An invite as listed to admins, with why it was revoked. */
interface ListedInvite extends Invite {
  revokedReason: RevokedReason | null;
  revokedFor: string | null;
}

/** The workspace's invites still usable or recently ended (the codes themselves are not stored). */
export async function listInvites(db: Db, workspaceId: string): Promise<ListedInvite[]> {
  const { results } = await db
    .prepare(
      `SELECT id, created_by, max_uses, uses, expires_at, created_at, revoked_at, revoked_reason, revoked_for FROM invites
       WHERE workspace_id = ?1 ORDER BY created_at DESC LIMIT 200`,
    )
    .bind(workspaceId)
    .all<{
      id: string;
      created_by: string;
      max_uses: number;
      uses: number;
      expires_at: string;
      created_at: string;
      revoked_at: string | null;
      revoked_reason: RevokedReason | null;
      revoked_for: string | null;
    }>();
  return results.map((row) => ({
    id: row.id,
    createdBy: row.created_by,
    maxUses: row.max_uses,
    uses: row.uses,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    // Invites revoked before reasons were kept were revoked by an admin.
    revokedReason: row.revoked_at === null ? null : (row.revoked_reason ?? "revoked_by_admin"),
    revokedFor: row.revoked_for,
  }));
}

export async function revokeInvite(db: Db, workspaceId: string, inviteId: string, at: string): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE invites SET revoked_reason = CASE WHEN revoked_at IS NULL THEN 'revoked_by_admin' ELSE revoked_reason END,
         revoked_at = coalesce(revoked_at, ?3)
       WHERE workspace_id = ?1 AND id = ?2`,
    )
    .bind(workspaceId, inviteId, at)
    .run();
  return result.meta.changes > 0;
}

export async function findUsableInvite(db: Db, codeHash: string, at: string) {
  return db
    .prepare(
      `SELECT i.id, i.workspace_id, w.name AS workspace_name, w.created_at AS workspace_created_at
       FROM invites i JOIN workspaces w ON w.id = i.workspace_id
       WHERE i.code_hash = ?1 AND i.revoked_at IS NULL AND i.uses < i.max_uses AND i.expires_at > ?2`,
    )
    .bind(codeHash, at)
    .first<{ id: string; workspace_id: string; workspace_name: string; workspace_created_at: string }>();
}

/** Takes one use of the invite, failing the batch it is part of if the invite ran out meanwhile. */
export function useInviteStatements(db: Db, codeHash: string, at: string) {
  return [
    db
      .prepare("UPDATE invites SET uses = uses + 1 WHERE code_hash = ?1 AND revoked_at IS NULL AND uses < max_uses AND expires_at > ?2")
      .bind(codeHash, at),
    guardStatement(db),
    clearGuardStatement(db),
  ];
}
