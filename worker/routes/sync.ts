// The sync routes the extension calls: push its changes, pull the workspace's changes since a cursor.
import { Hono } from "hono";
import { describeIssues } from "../../shared/entities";
import { type PullResponse, pullQuery, pushRequest } from "../../shared/sync";
import { type ChangePageRow, pageOfChanges } from "../db/change-page";
import { changePageForTokenStatement } from "../db/entities";
import { type MemberByToken, memberByTokenStatement, toAuthenticated } from "../db/members";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";
import { pushAsMember } from "../sync/push";

export const sync = new Hono<AppEnv>()
  .post("/push", requireMember, validate("json", pushRequest), async (c) => {
    return c.json(await pushAsMember(c, c.req.valid("json").mutations));
  })
  // The hot path. The member is authenticated and counted against their rate limit first; then
  // the page of changes is read in one D1 batch with the member row again, so that the counters
  // (cursor, horizon) and the page come from one snapshot.
  .get("/pull", requireMember, async (c) => {
    // A repeated parameter stays a list (and is refused), as the validator of other routes has it.
    const query = pullQuery.safeParse(
      Object.fromEntries(Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values])),
    );
    if (!query.success)
      throw new ApiError(400, "invalid_request", describeIssues(query.error), { issues: query.error.issues.slice(0, 20) });
    const { since, limit } = query.data;
    const db = c.get("db");
    const tokenHash = c.get("tokenHash");
    const started = Date.now();
    const [auth, page] = await db.batch<MemberByToken | ChangePageRow>([
      memberByTokenStatement(db, tokenHash),
      changePageForTokenStatement(db, tokenHash, since, limit),
    ]);
    const elapsed = Date.now() - started;
    // Removed (or the token replaced) since it was checked a moment ago: the page read nothing.
    const current = toAuthenticated(auth.results[0] as MemberByToken | undefined);
    if (!current) throw new ApiError(401, "unauthorized", "This token is not valid (or the member was removed)");
    const { seq, horizon } = current.counters;
    // A cursor from before purged tombstones, or from a database this one is not, cannot be continued.
    if (since > seq || (since > 0 && since < horizon)) {
      return c.json({ changes: [], cursor: 0, more: true, reset: true } satisfies PullResponse);
    }
    const { json, more, last } = pageOfChanges(page.results[0] as ChangePageRow, limit);
    // How much the database read for this page: benchmarks and operators watch it stay close to the page size.
    c.header("Server-Timing", `pull;dur=${elapsed};desc="rows_read=${page.meta.rows_read ?? "?"}"`);
    const cursor = more ? (last ?? since) : seq;
    c.header("Content-Type", "application/json");
    return c.body(`{"changes":[${json}],"cursor":${cursor},"more":${more}}`);
  });
