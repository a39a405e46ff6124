// The D1 queries of workspaces and members: who a token belongs to, profiles, unique names, roles, removal and tokens.
import type { Role } from "../../shared/workspace";
import type { Db } from "./db";
import { clearGuardStatement, guardStatement, type MemberRow, toMember, toWorkspace, type WorkspaceRow } from "./rows";

const memberColumns = "m.id, m.workspace_id, m.name, m.department, m.role, m.joined_at";

type MemberByTokenRow = MemberRow & {
  workspace_name: string;
  workspace_created_at: string;
  workspace_seq: number;
  workspace_horizon: number;
  /** The extra browser whose token this is; null for the token the member joined with. */
  browser_id: string | null;
};

const workspaceColumns =
  "w.name AS workspace_name, w.created_at AS workspace_created_at, w.seq AS workspace_seq, w.horizon AS workspace_horizon";

/**
 * The member a token hash belongs to, with their workspace's counter and horizon: the token they
 * joined with, or one of their other browsers' (worker/db/browsers.ts). Each half is found through
 * its table's unique index on the hash.
 */
export function memberByTokenStatement(db: Db, tokenHash: string) {
  return db
    .prepare(
      `SELECT ${memberColumns}, ${workspaceColumns}, NULL AS browser_id
       FROM members m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.token_hash = ?1 AND m.removed_at IS NULL
       UNION ALL
       SELECT ${memberColumns}, ${workspaceColumns}, b.id AS browser_id
       FROM member_browsers b JOIN members m ON m.id = b.member_id AND m.workspace_id = b.workspace_id
         JOIN workspaces w ON w.id = m.workspace_id
       WHERE b.token_hash = ?1 AND m.removed_at IS NULL`,
    )
    .bind(tokenHash);
}

export function toAuthenticated(row: MemberByTokenRow | undefined | null) {
  if (!row) return null;
  return {
    member: toMember(row),
    workspace: toWorkspace({
      id: row.workspace_id,
      name: row.workspace_name,
      seq: row.workspace_seq,
      created_at: row.workspace_created_at,
    }),
    counters: { seq: row.workspace_seq, horizon: row.workspace_horizon },
    browserId: row.browser_id,
  };
}

export type MemberByToken = MemberByTokenRow;

export async function findMemberByTokenHash(db: Db, tokenHash: string) {
  return toAuthenticated(await memberByTokenStatement(db, tokenHash).first<MemberByTokenRow>());
}

export async function listMembers(db: Db, workspaceId: string) {
  const { results } = await db
    .prepare(`SELECT ${memberColumns} FROM members m WHERE m.workspace_id = ?1 AND m.removed_at IS NULL ORDER BY m.joined_at, m.id`)
    .bind(workspaceId)
    .all<MemberRow>();
  return results.map(toMember);
}

export async function findMember(db: Db, workspaceId: string, memberId: string) {
  const row = await db
    .prepare(`SELECT ${memberColumns} FROM members m WHERE m.workspace_id = ?1 AND m.id = ?2 AND m.removed_at IS NULL`)
    .bind(workspaceId, memberId)
    .first<MemberRow>();
  return row ? toMember(row) : null;
}

/**
 * What makes two display names the same person to a reader: case and spaces do not count, so
 * "pat lee" cannot pass for "Pat Lee" (nor "PatLee"), and letters written two ways in Unicode are one.
 */
function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** True when a current member of the workspace other than `exceptId` goes by this name (see nameKey). */
export async function isNameTaken(db: Db, workspaceId: string, name: string, exceptId = ""): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS taken FROM members WHERE workspace_id = ?1 AND name_key = ?2 AND removed_at IS NULL AND id != ?3 LIMIT 1")
    .bind(workspaceId, nameKey(name), exceptId)
    .first<{ taken: number }>();
  return row !== null;
}

/**
 * Guard statements that fail the batch they end when two current members of the workspace go by
 * the same name (a join or rename racing another).
 */
export function uniqueNameStatements(db: Db, workspaceId: string, name: string) {
  return [
    db
      .prepare(
        "INSERT INTO write_guard (ok) SELECT count(*) <= 1 FROM members WHERE workspace_id = ?1 AND name_key = ?2 AND removed_at IS NULL",
      )
      .bind(workspaceId, nameKey(name)),
    clearGuardStatement(db),
  ];
}

/** A new member; `invite_id` is the invite they joined with (none for a workspace's creator). */
export function insertMember(db: Db, row: MemberRow & { token_hash: string; invite_id?: string }) {
  return db
    .prepare(
      `INSERT INTO members (id, workspace_id, name, name_key, department, role, token_hash, joined_at, invite_id)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(
      row.id,
      row.workspace_id,
      row.name,
      nameKey(row.name),
      row.department,
      row.role,
      row.token_hash,
      row.joined_at,
      row.invite_id ?? null,
    );
}

export function insertWorkspace(db: Db, row: WorkspaceRow) {
  return db
    .prepare("INSERT INTO workspaces (id, name, seq, created_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(row.id, row.name, row.seq, row.created_at);
}

export function renameWorkspace(db: Db, workspaceId: string, name: string) {
  return db.prepare("UPDATE workspaces SET name = ?2 WHERE id = ?1").bind(workspaceId, name).run();
}

/** Changes a member's name or department; the batch fails (guard) when the new name is taken meanwhile. */
export async function updateProfile(db: Db, workspaceId: string, memberId: string, profile: { name?: string; department?: string }) {
  const update = db
    .prepare(
      `UPDATE members SET name = coalesce(?3, name), name_key = coalesce(?4, name_key), department = coalesce(?5, department)
       WHERE workspace_id = ?1 AND id = ?2`,
    )
    .bind(
      workspaceId,
      memberId,
      profile.name ?? null,
      profile.name === undefined ? null : nameKey(profile.name),
      profile.department ?? null,
    );
  await db.batch(profile.name === undefined ? [update] : [update, ...uniqueNameStatements(db, workspaceId, profile.name)]);
}

export function replaceTokenHash(db: Db, workspaceId: string, memberId: string, tokenHash: string) {
  return db
    .prepare("UPDATE members SET token_hash = ?3 WHERE workspace_id = ?1 AND id = ?2 AND removed_at IS NULL")
    .bind(workspaceId, memberId, tokenHash)
    .run();
}

/**
 * Changes a member's role or removes them, in one transaction that fails (guard) if it would
 * leave the workspace without an admin. Removing a member also revokes the invites they joined
 * with or created: the removed person has no identity besides those codes, so a code they know
 * must stop working, or they could simply join again.
 */
export async function changeMembership(
  db: Db,
  workspaceId: string,
  memberId: string,
  change: { role: Role } | { remove: true; at: string },
) {
  const revokeTheirInvites =
    "remove" in change
      ? [
          db
            .prepare(
              `UPDATE invites SET revoked_at = ?3, revoked_reason = 'member_removed', revoked_for = ?2
               WHERE workspace_id = ?1 AND revoked_at IS NULL
                 AND (created_by = ?2 OR id = (SELECT invite_id FROM members WHERE workspace_id = ?1 AND id = ?2))`,
            )
            .bind(workspaceId, memberId, change.at),
        ]
      : [];
  const update =
    "remove" in change
      ? db
          .prepare("UPDATE members SET removed_at = ?3 WHERE workspace_id = ?1 AND id = ?2 AND removed_at IS NULL")
          .bind(workspaceId, memberId, change.at)
      : db
          .prepare("UPDATE members SET role = ?3 WHERE workspace_id = ?1 AND id = ?2 AND removed_at IS NULL")
          .bind(workspaceId, memberId, change.role);
  const adminsLeft = db
    .prepare(
      "INSERT INTO write_guard (ok) SELECT count(*) > 0 FROM members WHERE workspace_id = ?1 AND role = 'admin' AND removed_at IS NULL",
    )
    .bind(workspaceId);
  await db.batch([update, guardStatement(db), clearGuardStatement(db), adminsLeft, clearGuardStatement(db), ...revokeTheirInvites]);
}
