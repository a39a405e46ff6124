// Runs each request on a D1 session, so that with read replication a client reads at least its own writes.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

const bookmarkHeader = "X-D1-Bookmark";

/**
 * Runs every request on a D1 session. With read replication, a client that sends back the
 * bookmark of its last answer reads from a replica at least as new as its own writes; writes
 * and bookmark-less reads of fresh state start at the primary.
 */
export const d1Session = createMiddleware<AppEnv>(async (c, next) => {
  const bookmark = c.req.header(bookmarkHeader);
  const usable = bookmark && /^[\w-]{1,200}$/.test(bookmark) ? bookmark : null;
  const session = c.env.DB.withSession(
    usable ?? (c.req.method === "GET" || c.req.method === "HEAD" ? "first-unconstrained" : "first-primary"),
  );
  c.set("db", session);
  c.set("session", session);
  await next();
  const latest = c.get("session").getBookmark();
  if (latest) c.header(bookmarkHeader, latest);
});

/**
 * Continues the request on a session at least as new as `bookmark`, a write made elsewhere (the
 * workspace's room applies pushes): what the request reads next, and the bookmark its client gets
 * back, include that write.
 */
export function readAfter(c: Context<AppEnv>, bookmark: string | null) {
  if (!bookmark) return;
  const session = c.env.DB.withSession(bookmark);
  c.set("db", session);
  c.set("session", session);
}
