// The invite routes: admins create, list and revoke invite codes; anyone with a code joins the workspace.
import { Hono } from "hono";
import { idPattern } from "../../shared/text";
import { createInviteRequest, joinRequest, normalizeInviteCode } from "../../shared/workspace";
import { findUsableInvite, insertInvite, listInvites, revokeInvite, useInviteStatements } from "../db/invites";
import { insertMember, isNameTaken, uniqueNameStatements } from "../db/members";
import { isGuardFailure, now, toMember, toWorkspace } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError, nameTaken, notFound } from "../lib/errors";
import { newId, newInviteCode, newToken, sha256 } from "../lib/tokens";
import { requireAdmin, requireMember } from "../middleware/auth";
import { limitPerAddress } from "../middleware/rate-limit";
import { validate } from "../middleware/validate";

const day = 24 * 60 * 60 * 1000;

/** Admins create, list and revoke invites; only a hash of each code is kept. */
export const invites = new Hono<AppEnv>()
  .use(requireMember, requireAdmin)
  .post("/", validate("json", createInviteRequest), async (c) => {
    const body = c.req.valid("json");
    const code = newInviteCode();
    const at = new Date();
    const id = newId();
    const expiresAt = new Date(at.getTime() + (body.expiresInDays ?? 7) * day).toISOString();
    await insertInvite(c.get("db"), {
      id,
      code_hash: await sha256(normalizeInviteCode(code)),
      workspace_id: c.get("workspace").id,
      created_by: c.get("member").id,
      max_uses: body.maxUses ?? 25,
      expires_at: expiresAt,
      created_at: at.toISOString(),
    });
    return c.json({ id, code, expiresAt, maxUses: body.maxUses ?? 25 }, 201);
  })
  .get("/", async (c) => c.json({ invites: await listInvites(c.get("db"), c.get("workspace").id) }))
  .delete("/:id", async (c) => {
    const id = c.req.param("id");
    if (!idPattern.test(id) || !(await revokeInvite(c.get("db"), c.get("workspace").id, id, now()))) throw notFound("Invite");
    return c.body(null, 204);
  });

export const join = new Hono<AppEnv>().post("/", limitPerAddress, validate("json", joinRequest), async (c) => {
  const body = c.req.valid("json");
  const db = c.get("db");
  const codeHash = await sha256(normalizeInviteCode(body.code));
  const at = now();
  const invite = await findUsableInvite(db, codeHash, at);
  if (!invite) throw new ApiError(404, "invite_not_found", "This invite code is unknown, used up or expired");
  if (await isNameTaken(db, invite.workspace_id, body.name)) throw nameTaken();
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
    await db.batch([
      ...useInviteStatements(db, codeHash, at),
      insertMember(db, { ...member, token_hash: await sha256(token), invite_id: invite.id }),
      ...uniqueNameStatements(db, invite.workspace_id, body.name),
    ]);
  } catch (error) {
    if (!isGuardFailure(error)) throw error;
    // Someone took the name, or the last use of the invite, a moment ago.
    if (await isNameTaken(db, invite.workspace_id, body.name)) throw nameTaken();
    throw new ApiError(404, "invite_not_found", "This invite code was used up a moment ago");
  }
  const workspace = toWorkspace({ id: invite.workspace_id, name: invite.workspace_name, seq: 0, created_at: invite.workspace_created_at });
  return c.json({ workspace, member: toMember(member), token }, 201);
});
