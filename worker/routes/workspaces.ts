// The workspace routes: create a workspace (its creator becomes the first admin), read it, rename it and set its language.
import { Hono } from "hono";
import { workspaceLanguageRequest } from "../../shared/channels";
import { createWorkspaceRequest, renameWorkspaceRequest } from "../../shared/workspace";
import { setWorkspaceLanguage, workspaceLanguage } from "../db/channels";
import { insertMember, insertWorkspace, renameWorkspace } from "../db/members";
import { now, toMember, toWorkspace } from "../db/rows";
import type { AppEnv } from "../env";
import { newId, newToken, sha256 } from "../lib/tokens";
import { requireAdmin, requireMember } from "../middleware/auth";
import { limitPerAddress } from "../middleware/rate-limit";
import { validate } from "../middleware/validate";

const changeWorkspaceRequest = renameWorkspaceRequest
  .partial()
  .extend({ language: workspaceLanguageRequest.optional() })
  .strict()
  .refine((value) => value.name !== undefined || value.language !== undefined, "send a name or a language");

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
  .get("/", async (c) => {
    return c.json({ workspace: { ...c.get("workspace"), language: await workspaceLanguage(c.get("db"), c.get("workspace").id) } });
  })
  // Renames it, or sets the language its chat channels are written in (`language`: en or zh-CN).
  .patch("/", requireAdmin, validate("json", changeWorkspaceRequest), async (c) => {
    const { name, language } = c.req.valid("json");
    const [db, workspace] = [c.get("db"), c.get("workspace")];
    if (name !== undefined) await renameWorkspace(db, workspace.id, name);
    if (language !== undefined) await setWorkspaceLanguage(db, workspace.id, language);
    return c.json({ workspace: { ...workspace, name: name ?? workspace.name, language: await workspaceLanguage(db, workspace.id) } });
  });
