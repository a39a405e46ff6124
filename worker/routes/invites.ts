import { Hono } from "hono";
import { createInviteRequest, joinRequest, normalizeInviteCode } from "../../shared/workspace";
import { findUsableInvite, insertInvite, useInviteStatements } from "../db/invites";
import { insertMember } from "../db/members";
import { isGuardFailure, now, toMember, toWorkspace } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { newId, newInviteCode, newToken, sha256 } from "../lib/tokens";
import { requireAdmin, requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";

const day = 24 * 60 * 60 * 1000;

export const invites = new Hono<AppEnv>().post("/", requireMember, requireAdmin, validate("json", createInviteRequest), async (c) => {
  const body = c.req.valid("json");
  const code = newInviteCode();
  const at = new Date();
  const expiresAt = new Date(at.getTime() + (body.expiresInDays ?? 7) * day).toISOString();
  await insertInvite(c.env.DB, {
    code_hash: await sha256(normalizeInviteCode(code)),
    workspace_id: c.get("workspace").id,
    created_by: c.get("member").id,
    max_uses: body.maxUses ?? 25,
    expires_at: expiresAt,
    created_at: at.toISOString(),
  });
  return c.json({ code, expiresAt, maxUses: body.maxUses ?? 25 }, 201);
});

export const join = new Hono<AppEnv>().post("/", validate("json", joinRequest), async (c) => {
  const body = c.req.valid("json");
  const codeHash = await sha256(normalizeInviteCode(body.code));
  const at = now();
  const invite = await findUsableInvite(c.env.DB, codeHash, at);
  if (!invite) throw new ApiError(404, "invite_not_found", "This invite code is unknown, used up or expired");
  const token = newToken();
  const member = {
    id: newId(),
    workspace_id: invite.workspace_id,
    name: body.name,
    department: body.department,
    role: "member" as const,
    joined_at: at,
  };
  try {
    await c.env.DB.batch([
      ...useInviteStatements(c.env.DB, codeHash, at),
      insertMember(c.env.DB, { ...member, token_hash: await sha256(token) }),
    ]);
  } catch (error) {
    if (isGuardFailure(error)) throw new ApiError(404, "invite_not_found", "This invite code was used up a moment ago");
    throw error;
  }
  const workspace = toWorkspace({ id: invite.workspace_id, name: invite.workspace_name, seq: 0, created_at: invite.workspace_created_at });
  return c.json({ workspace, member: toMember(member), token }, 201);
});
