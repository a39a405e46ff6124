// A member's "For me" read marks: listed, added, and trimmed to the newest few thousand; always by workspace and member.
import { maxReadMarks } from "../../shared/read-marks";
import type { Db } from "./db";

/** The member's read marks, newest first. */
export async function listReadMarks(db: Db, workspaceId: string, memberId: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT entry_key FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 ORDER BY read_at DESC, entry_key LIMIT ?3")
    .bind(workspaceId, memberId, maxReadMarks)
    .all<{ entry_key: string }>();
  return results.map((row) => row.entry_key);
}

/** Adds marks (a mark already there keeps its time) and drops the member's oldest past the limit, in one batch. */
export async function addReadMarks(db: Db, workspaceId: string, memberId: string, keys: string[], at: string): Promise<void> {
  const insert = db.prepare(
    "INSERT INTO read_marks (workspace_id, member_id, entry_key, read_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
  );
  await db.batch([
    ...[...new Set(keys)].map((key) => insert.bind(workspaceId, memberId, key, at)),
    db
      .prepare(
        `DELETE FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 AND entry_key NOT IN (
           SELECT entry_key FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 ORDER BY read_at DESC, entry_key LIMIT ?3)`,
      )
      .bind(workspaceId, memberId, maxReadMarks),
  ]);
}
