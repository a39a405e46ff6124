import { Hono } from "hono";
import { describeIssues } from "../../shared/entities";
import { type PullResponse, pullQuery, pushRequest } from "../../shared/sync";
import { type ChangePageRow, pageOfChanges } from "../db/change-page";
import { changePageForTokenStatement } from "../db/entities";
import { type MemberByToken, memberByTokenStatement, toAuthenticated } from "../db/members";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { bearerTokenHash, requireMember, signIn } from "../middleware/auth";
import { validate } from "../middleware/validate";
import { pushAsMember } from "../sync/push";

export const sync = new Hono<AppEnv>()
  .post("/push", requireMember, validate("json", pushRequest), async (c) => {
    return c.json(await pushAsMember(c, c.req.valid("json").mutations));
  })
  // The hot path: authentication and the page of changes are read in one D1 batch (one round trip).
  .get("/pull", async (c) => {
    const tokenHash = await bearerTokenHash(c);
    // A repeated parameter stays a list (and is refused), as the validator of other routes has it.
    const query = pullQuery.safeParse(
      Object.fromEntries(Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values])),
    );
    const db = c.get("db");
    const started = Date.now();
    const [auth, page] = await db.batch<MemberByToken | ChangePageRow>([
      memberByTokenStatement(db, tokenHash),
      changePageForTokenStatement(db, tokenHash, query.data?.since ?? 0, query.data?.limit ?? 1),
    ]);
    const elapsed = Date.now() - started;
    await signIn(c, tokenHash, toAuthenticated(auth.results[0] as MemberByToken | undefined), async () => {});
    if (!query.success)
      throw new ApiError(400, "invalid_request", describeIssues(query.error), { issues: query.error.issues.slice(0, 20) });
    const { since, limit } = query.data;
    const { seq, horizon } = c.get("counters");
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
