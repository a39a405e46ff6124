import { Hono } from "hono";
import { listMembers } from "../db/members";
import type { AppEnv } from "../env";
import { requireMember } from "../middleware/auth";

export const me = new Hono<AppEnv>().use(requireMember).get("/", (c) => c.json({ workspace: c.get("workspace"), member: c.get("member") }));

export const members = new Hono<AppEnv>()
  .use(requireMember)
  .get("/", async (c) => c.json({ members: await listMembers(c.env.DB, c.get("workspace").id) }));
