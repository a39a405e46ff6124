// The pull's page of changes, written as JSON by SQLite. No imports: the sync benchmark reads
// the query plan of this very SQL.

/**
 * The page of changes a pull sends, found from the caller's token hash instead of their workspace, so
 * that a pull can authenticate and read in one D1 round trip (one batch, one snapshot). The
 * member is found by the token they joined with or by one of their other browsers' tokens (each
 * through its table's unique index on the hash, then the member by primary key), the rows by
 * entities_by_version.
 *
 * SQLite writes the page's JSON itself, around the stored data text (always our own
 * JSON.stringify output), and hands back one row: a page of 500 changes is then one string
 * instead of 500 row objects to build, stringify and collect. Changes are joined by `,\n`:
 * JSON text never holds a raw line break, so the separator cannot occur inside a change.
 * It reads `limit + 1` rows so that `more` is exact; `pageOfChanges` leaves the extra one out.
 * The aggregate takes the rows in the order the subquery yields them (SQLite runs it as a
 * co-routine over entities_by_version); an ORDER BY inside group_concat would sort them again in
 * a temporary b-tree and count every row as read twice.
 */
export const changePageSql = `SELECT count(*) AS read, group_concat(change, ',' || char(10)) AS changes
  FROM (
    SELECT e.version,
      '{"version":' || e.version || ',"entity":' || json_quote(e.entity) || ',"id":' || json_quote(e.id)
        || CASE WHEN e.deleted = 1 THEN ',"deleted":true,"data":null' ELSE ',"deleted":false,"data":' || e.data END
        || ',"meta":' || json_object('createdBy', e.created_by, 'createdAt', e.created_at, 'updatedBy', e.updated_by, 'updatedAt', e.updated_at)
        || '}' AS change
    FROM members m JOIN workspaces w ON w.id = m.workspace_id JOIN entities e ON e.workspace_id = m.workspace_id
    WHERE m.id = coalesce((SELECT p.id FROM members p WHERE p.token_hash = ?1), (SELECT b.member_id FROM member_browsers b WHERE b.token_hash = ?1))
      AND m.removed_at IS NULL AND e.version > ?2 AND e.version <= w.seq
      AND (e.private_to IS NULL OR e.private_to = m.id)
    ORDER BY e.version LIMIT ?3 + 1
  )`;

/** One page as `changePageSql` returns it: how many rows it read (at most limit + 1) and their changes' JSON. */
export interface ChangePageRow {
  read: number;
  changes: string | null;
}

const separator = ",\n";

/**
 * The page to send: at most `limit` changes as the inside of a JSON array, whether more
 * follow, and the version of the last change sent (null when none was).
 */
export function pageOfChanges({ read, changes }: ChangePageRow, limit: number): { json: string; more: boolean; last: number | null } {
  if (!changes) return { json: "", more: false, last: null };
  const more = read > limit;
  const json = more ? changes.slice(0, changes.lastIndexOf(separator)) : changes;
  // Each change starts with its version: {"version":123,...
  const lastStart = json.lastIndexOf(separator) + 1;
  const last = Number.parseInt(json.slice(json.indexOf(":", lastStart) + 1, json.indexOf(",", lastStart + 1)), 10);
  return { json, more, last };
}
