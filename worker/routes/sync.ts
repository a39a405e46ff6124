import { Hono } from "hono";
import { type PullResponse, pullQuery, pushRequest } from "../../shared/sync";
import { changeJson, readChanges } from "../db/entities";
import type { AppEnv } from "../env";
import { announceCursor } from "../live/workspace-room";
import { requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";
import { applyPush } from "../sync/push";

export const sync = new Hono<AppEnv>()
  .use(requireMember)
  .post("/push", validate("json", pushRequest), async (c) => {
    const body = c.req.valid("json");
    const workspaceId = c.get("workspace").id;
    const response = await applyPush(c.get("db"), workspaceId, c.get("member"), body.mutations);
    // Connected members hear of the new cursor and pull; a push that changed nothing is no news.
    if (response.results.some((result) => result.status === "applied")) {
      c.executionCtx.waitUntil(announceCursor(c.env, workspaceId, response.cursor));
    }
    return c.json(response);
  })
  .get("/pull", validate("query", pullQuery), async (c) => {
    const { since, limit } = c.req.valid("query");
    const workspace = c.get("workspace");
    // A cursor from before purged tombstones, or from a database this one is not, cannot be continued.
    if (since > workspace.seq || (since > 0 && since < workspace.horizon)) {
      return c.json({ changes: [], cursor: 0, more: true, reset: true } satisfies PullResponse);
    }
    const started = Date.now();
    const { rows, rowsRead } = await readChanges(
      c.get("db"),
      { workspaceId: workspace.id, memberId: c.get("member").id },
      since,
      workspace.seq,
      limit,
    );
    // How much the database read for this page: benchmarks and operators watch it stay close to the page size.
    c.header("Server-Timing", `pull;dur=${Date.now() - started};desc="rows_read=${rowsRead ?? "?"}"`);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const cursor = more ? (page.at(-1)?.version ?? since) : workspace.seq;
    c.header("Content-Type", "application/json");
    return c.body(`{"changes":[${page.map(changeJson).join(",")}],"cursor":${cursor},"more":${more}}`);
  });
