// Signing another browser in as a member with the one-time code they made (POST /v1/me/browser-code).
import { Hono } from "hono";
import { browserSignInRequest } from "../../shared/browsers";
import { normalizeInviteCode } from "../../shared/workspace";
import { findBrowserCode, signInBrowserStatements } from "../db/browsers";
import { isGuardFailure, now, toMember, toWorkspace } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { newId, newToken, sha256 } from "../lib/tokens";
import { limitPerAddress } from "../middleware/rate-limit";
import { validate } from "../middleware/validate";

const codeUsed = () =>
  new ApiError(400, "browser_code_used", "This sign-in code was already used; make a new one in a browser where you are signed in");

export const browsers = new Hono<AppEnv>().post("/", limitPerAddress, validate("json", browserSignInRequest), async (c) => {
  const body = c.req.valid("json");
  const db = c.get("db");
  const codeHash = await sha256(normalizeInviteCode(body.code));
  const at = now();
  const code = await findBrowserCode(db, codeHash);
  if (!code) throw new ApiError(404, "browser_code_not_found", "This sign-in code is unknown; check it, or make a new one");
  if (code.removed_at !== null) {
    throw new ApiError(400, "member_removed", "The member this sign-in code was made for was removed from the workspace");
  }
  if (code.used_at !== null) throw codeUsed();
  if (code.expires_at <= at) {
    throw new ApiError(400, "browser_code_expired", "This sign-in code expired (codes work for 10 minutes); make a new one");
  }
  const token = newToken();
  try {
    await db.batch(
      signInBrowserStatements(db, codeHash, {
        id: newId(),
        workspace_id: code.workspace_id,
        member_id: code.member_id,
        token_hash: await sha256(token),
        label: body.label || null,
        created_at: at,
      }),
    );
  } catch (error) {
    if (!isGuardFailure(error)) throw error;
    // Another browser used the code a moment ago, or the member was removed meanwhile.
    throw codeUsed();
  }
  const workspace = toWorkspace({ id: code.workspace_id, name: code.workspace_name, seq: 0, created_at: code.workspace_created_at });
  const member = toMember({
    id: code.member_id,
    workspace_id: code.workspace_id,
    name: code.name,
    department: code.department,
    role: code.role,
    joined_at: code.joined_at,
  });
  return c.json({ workspace, member, token }, 201);
});
