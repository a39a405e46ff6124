/** What queries need of D1: the database itself or a session on it (read replication, bookmarks). */
export type Db = Pick<D1Database, "prepare" | "batch">;
