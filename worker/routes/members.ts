// The member routes: my profile and a new token for me; the workspace's members, whose roles and membership admins change.
import { Hono } from "hono";
import { idPattern } from "../../shared/text";
import { changeRoleRequest, updateProfileRequest } from "../../shared/workspace";
import { changeMembership, findMember, isNameTaken, listMembers, replaceTokenHash, updateProfile } from "../db/members";
import { isGuardFailure, now } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError, nameTaken, notFound } from "../lib/errors";
import { newToken, sha256 } from "../lib/tokens";
import { closeReplacedTokens, disconnectMember } from "../live/room-client";
import { requireAdmin, requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";

/** Who am I; my own profile; a new token for me (the old one stops working at once). */
export const me = new Hono<AppEnv>()
  .use(requireMember)
  .get("/", (c) => {
    return c.json({ workspace: c.get("workspace"), member: c.get("member") });
  })
  .patch("/", validate("json", updateProfileRequest), async (c) => {
    const member = c.get("member");
    const profile = c.req.valid("json");
    const db = c.get("db");
    const workspaceId = c.get("workspace").id;
    if (profile.name !== undefined && (await isNameTaken(db, workspaceId, profile.name, member.id))) throw nameTaken();
    try {
      await updateProfile(db, workspaceId, member.id, profile);
    } catch (error) {
      if (isGuardFailure(error)) throw nameTaken();
      throw error;
    }
    return c.json({ member: await findMember(db, workspaceId, member.id) });
  })
  .post("/token", async (c) => {
    const token = newToken();
    const tokenHash = await sha256(token);
    await replaceTokenHash(c.get("db"), c.get("workspace").id, c.get("member").id, tokenHash);
    // Live sockets opened with the old token close too: whoever held it hears nothing more.
    await closeReplacedTokens(c.env, c.get("workspace").id, c.get("member").id, tokenHash);
    return c.json({ token }, 201);
  });

/** The workspace's members; admins change roles and remove members. */
export const members = new Hono<AppEnv>()
  .use(requireMember)
  .get("/", async (c) => c.json({ members: await listMembers(c.get("db"), c.get("workspace").id) }))
  .patch("/:id", requireAdmin, validate("json", changeRoleRequest), async (c) => {
    const { role } = c.req.valid("json");
    const target = await memberOf(c.get("db"), c.get("workspace").id, c.req.param("id"));
    await changeOrExplain(() => changeMembership(c.get("db"), c.get("workspace").id, target.id, { role }));
    return c.json({ member: { ...target, role } });
  })
  // Answers 204 as before. The invites the member joined with or created are revoked with them;
  // GET /v1/invites lists those with revokedReason "member_removed" and revokedFor the member's id.
  .delete("/:id", requireAdmin, async (c) => {
    const target = await memberOf(c.get("db"), c.get("workspace").id, c.req.param("id"));
    await changeOrExplain(() => changeMembership(c.get("db"), c.get("workspace").id, target.id, { remove: true, at: now() }));
    // Their token stopped working just now; their open live sockets close too, saying why.
    await disconnectMember(c.env, c.get("workspace").id, target.id);
    return c.body(null, 204);
  });

async function memberOf(db: AppEnv["Variables"]["db"], workspaceId: string, id: string) {
  const member = idPattern.test(id) ? await findMember(db, workspaceId, id) : null;
  if (!member) throw notFound("Member");
  return member;
}

async function changeOrExplain(change: () => Promise<void>) {
  try {
    await change();
  } catch (error) {
    if (isGuardFailure(error)) throw new ApiError(409, "last_admin", "A workspace keeps at least one admin: make someone else admin first");
    throw error;
  }
}
