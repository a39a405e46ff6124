// A member's "For me" read marks: listed (all, or those marked since a time), added, and trimmed to the newest few thousand; always by workspace and member.
import { maxReadMarks } from "../../shared/for-me";
import { readMarksSlackMs } from "../../shared/read-marks";
import type { Db } from "./db";

/**
 * The member's read marks, newest first: all of them, or (with `since`) those marked at or after
 * that time less a little slack, so that a mark made through a Worker whose clock lags a little
 * is still seen. Answers the newest mark's time as the cursor to ask with next.
 */
export async function listReadMarks(
  db: Db,
  workspaceId: string,
  memberId: string,
  since = "",
): Promise<{ keys: string[]; cursor: string }> {
  const from = since ? new Date(Date.parse(since) - readMarksSlackMs).toISOString() : "";
  const { results } = await db
    .prepare(
      `SELECT entry_key, read_at FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 AND read_at >= ?3
       ORDER BY read_at DESC, entry_key LIMIT ?4`,
    )
    .bind(workspaceId, memberId, from, maxReadMarks)
    .all<{ entry_key: string; read_at: string }>();
  return { keys: results.map((row) => row.entry_key), cursor: results[0]?.read_at ?? since };
}

/**
 * Adds marks at `at` (a mark already there is marked again, then), and drops the member's oldest
 * past the limit, in one batch. Only marks older than this request's are ever dropped: what was
 * just sent is kept whatever the limit, so the browser that sent it never loses it.
 */
export async function addReadMarks(db: Db, workspaceId: string, memberId: string, keys: string[], at: string): Promise<void> {
  const insert = db.prepare(
    `INSERT INTO read_marks (workspace_id, member_id, entry_key, read_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (workspace_id, member_id, entry_key) DO UPDATE SET read_at = MAX(read_at, excluded.read_at)`,
  );
  await db.batch([
    ...[...new Set(keys)].map((key) => insert.bind(workspaceId, memberId, key, at)),
    db
      .prepare(
        `DELETE FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 AND read_at < ?4 AND entry_key NOT IN (
           SELECT entry_key FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 ORDER BY read_at DESC, entry_key LIMIT ?3)`,
      )
      .bind(workspaceId, memberId, maxReadMarks, at),
  ]);
}
