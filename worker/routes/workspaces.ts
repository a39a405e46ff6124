// The workspace routes: create a workspace (its creator becomes the first admin), read it, and rename it.
import { Hono } from "hono";
import { createWorkspaceRequest, renameWorkspaceRequest } from "../../shared/workspace";
import { insertMember, insertWorkspace, renameWorkspace } from "../db/members";
import { now, toMember, toWorkspace } from "../db/rows";
import type { AppEnv } from "../env";
import { newId, newToken, sha256 } from "../lib/tokens";
import { requireAdmin, requireMember } from "../middleware/auth";
import { limitPerAddress } from "../middleware/rate-limit";
import { validate } from "../middleware/validate";

/** Creating a workspace makes its creator the first member, an admin. */
export const workspaces = new Hono<AppEnv>().post("/", limitPerAddress, validate("json", createWorkspaceRequest), async (c) => {
  const body = c.req.valid("json");
  const at = now();
  const workspace = { id: newId(), name: body.name, seq: 0, created_at: at };
  const token = newToken();
  const member = {
    id: newId(),
    workspace_id: workspace.id,
    name: body.member.name,
    department: body.member.department,
    role: "admin" as const,
    joined_at: at,
  };
  const db = c.get("db");
  await db.batch([insertWorkspace(db, workspace), insertMember(db, { ...member, token_hash: await sha256(token) })]);
  return c.json({ workspace: toWorkspace(workspace), member: toMember(member), token }, 201);
});

/** The caller's own workspace; admins rename it. */
export const workspace = new Hono<AppEnv>()
  .use(requireMember)
  .get("/", (c) => {
    return c.json({ workspace: c.get("workspace") });
  })
  .patch("/", requireAdmin, validate("json", renameWorkspaceRequest), async (c) => {
    const { name } = c.req.valid("json");
    await renameWorkspace(c.get("db"), c.get("workspace").id, name);
    return c.json({ workspace: { ...c.get("workspace"), name } });
  });
