import { Hono } from "hono";
import { pullQuery, pushRequest } from "../../shared/sync";
import { readChanges, toChange } from "../db/entities";
import type { AppEnv } from "../env";
import { requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";
import { applyPush } from "../sync/push";

export const sync = new Hono<AppEnv>()
  .use(requireMember)
  .post("/push", validate("json", pushRequest), async (c) => {
    const body = c.req.valid("json");
    return c.json(await applyPush(c.env.DB, c.get("workspace").id, c.get("member").id, body.mutations));
  })
  .get("/pull", validate("query", pullQuery), async (c) => {
    const { since, limit } = c.req.valid("query");
    const rows = await readChanges(c.env.DB, c.get("workspace").id, since, limit);
    const more = rows.length > limit;
    const changes = rows.slice(0, limit).map(toChange);
    return c.json({ changes, cursor: changes.at(-1)?.version ?? since, more });
  });
