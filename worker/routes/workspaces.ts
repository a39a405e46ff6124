import { Hono } from "hono";
import { createWorkspaceRequest } from "../../shared/workspace";
import { insertMember, insertWorkspace } from "../db/members";
import { now, toMember, toWorkspace } from "../db/rows";
import type { AppEnv } from "../env";
import { newId, newToken, sha256 } from "../lib/tokens";
import { validate } from "../middleware/validate";

/** Creating a workspace makes its creator the first member, an admin. */
export const workspaces = new Hono<AppEnv>().post("/", validate("json", createWorkspaceRequest), async (c) => {
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
  await c.env.DB.batch([insertWorkspace(c.env.DB, workspace), insertMember(c.env.DB, { ...member, token_hash: await sha256(token) })]);
  return c.json({ workspace: toWorkspace(workspace), member: toMember(member), token }, 201);
});
