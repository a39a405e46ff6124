// A member's calendar feeds: made, listed, revoked, and found by the hash of their secret.
import type { CalendarFeed } from "../../shared/calendar-feeds";
import type { WorkspaceLanguage } from "../../shared/channels";
import type { Db } from "./db";
import { type MemberRow, toMember, toWorkspace } from "./rows";

export function insertCalendarFeed(
  db: Db,
  row: { id: string; workspace_id: string; member_id: string; secret_hash: string; created_at: string },
) {
  return db
    .prepare("INSERT INTO calendar_feeds (id, workspace_id, member_id, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(row.id, row.workspace_id, row.member_id, row.secret_hash, row.created_at)
    .run();
}

/** The member's feeds, oldest first. */
export async function listCalendarFeeds(db: Db, workspaceId: string, memberId: string): Promise<CalendarFeed[]> {
  const { results } = await db
    .prepare("SELECT id, created_at FROM calendar_feeds WHERE workspace_id = ?1 AND member_id = ?2 ORDER BY created_at, id")
    .bind(workspaceId, memberId)
    .all<{ id: string; created_at: string }>();
  return results.map((row) => ({ id: row.id, createdAt: row.created_at }));
}

/** Revokes one of the member's feeds for good; false when they have no such feed. */
export async function deleteCalendarFeed(db: Db, workspaceId: string, memberId: string, feedId: string): Promise<boolean> {
  const result = await db
    .prepare("DELETE FROM calendar_feeds WHERE workspace_id = ?1 AND member_id = ?2 AND id = ?3")
    .bind(workspaceId, memberId, feedId)
    .run();
  return result.meta.changes > 0;
}

/** The member (still in the workspace) and workspace a feed's secret belongs to, or null. */
export async function findCalendarFeed(db: Db, secretHash: string) {
  const row = await db
    .prepare(
      `SELECT m.id, m.workspace_id, m.name, m.department, m.role, m.joined_at, w.name AS workspace_name, w.created_at AS workspace_created_at,
         w.language
       FROM calendar_feeds f JOIN members m ON m.id = f.member_id AND m.workspace_id = f.workspace_id
         JOIN workspaces w ON w.id = f.workspace_id
       WHERE f.secret_hash = ?1 AND m.removed_at IS NULL`,
    )
    .bind(secretHash)
    .first<MemberRow & { workspace_name: string; workspace_created_at: string; language: WorkspaceLanguage }>();
  if (!row) return null;
  return {
    member: toMember(row),
    workspace: toWorkspace({ id: row.workspace_id, name: row.workspace_name, seq: 0, created_at: row.workspace_created_at }),
    /** The workspace's language, which its calendar events are written in. */
    language: row.language,
  };
}
