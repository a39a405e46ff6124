// The member routes: my profile and a new token for me; the workspace's members, whose roles and membership admins change.
import { Hono } from "hono";
import { type Browser, browserCodeMinutes, firstBrowserId } from "../../shared/browsers";
import { idPattern } from "../../shared/text";
import { changeRoleRequest, normalizeInviteCode, updateProfileRequest } from "../../shared/workspace";
import { insertBrowserCode, listBrowsers, replaceBrowserTokenHash, revokeBrowser } from "../db/browsers";
import { changeMembership, findMember, isNameTaken, listMembers, replaceTokenHash, updateProfile } from "../db/members";
import { isGuardFailure, now } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError, nameTaken, notFound } from "../lib/errors";
import { newBrowserCode, newToken, sha256 } from "../lib/tokens";
import { closeTokenSockets, disconnectMember } from "../live/room-client";
import { requireAdmin, requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";
import { readMarks } from "./read-marks";

/**
 * Who am I; my own profile; a new token for the browser asking (its old one stops working at
 * once, the member's other browsers stay signed in); a code that signs another browser in as me,
 * my browsers, and signing one of them out.
 */
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
    const [db, workspaceId, memberId, browserId] = [c.get("db"), c.get("workspace").id, c.get("member").id, c.get("browserId")];
    if (browserId === null) await replaceTokenHash(db, workspaceId, memberId, tokenHash);
    else await replaceBrowserTokenHash(db, workspaceId, memberId, browserId, tokenHash);
    // Live sockets opened with the old token close too: whoever held it hears nothing more.
    await closeTokenSockets(c.env, workspaceId, c.get("tokenHash"), "token replaced");
    return c.json({ token }, 201);
  })
  // A one-time code, typed into another browser's options page (POST /v1/browsers).
  .post("/browser-code", async (c) => {
    const code = newBrowserCode();
    const at = new Date();
    const expiresAt = new Date(at.getTime() + browserCodeMinutes * 60_000).toISOString();
    await insertBrowserCode(c.get("db"), {
      code_hash: await sha256(normalizeInviteCode(code)),
      workspace_id: c.get("workspace").id,
      member_id: c.get("member").id,
      created_at: at.toISOString(),
      expires_at: expiresAt,
    });
    return c.json({ code, expiresAt }, 201);
  })
  .get("/browsers", async (c) => {
    const member = c.get("member");
    const current = c.get("browserId") ?? firstBrowserId;
    const others = await listBrowsers(c.get("db"), c.get("workspace").id, member.id);
    const browsers: Browser[] = [
      { id: firstBrowserId, label: null, createdAt: member.joinedAt, first: true, current: current === firstBrowserId },
      ...others.map((browser) => ({ ...browser, first: false, current: current === browser.id })),
    ];
    return c.json({ browsers });
  })
  // Signing the browser asking out is allowed: its own token stops working like any other.
  .delete("/browsers/:id", async (c) => {
    const id = c.req.param("id");
    if (id === firstBrowserId) {
      throw new ApiError(
        409,
        "first_browser",
        "The browser you joined with stays signed in: leave the workspace there, or ask an admin to remove you",
      );
    }
    const workspaceId = c.get("workspace").id;
    const tokenHash = idPattern.test(id) ? await revokeBrowser(c.get("db"), workspaceId, c.get("member").id, id) : null;
    if (!tokenHash) throw notFound("Browser");
    await closeTokenSockets(c.env, workspaceId, tokenHash, "browser signed out");
    return c.body(null, 204);
  })
  // My "For me" read marks (routes/read-marks.ts).
  .route("/read", readMarks);

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
