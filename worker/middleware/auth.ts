import { createMiddleware } from "hono/factory";
import { findMemberByTokenHash } from "../db/members";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { sha256 } from "../lib/tokens";
import { limitPerMember } from "./rate-limit";

/**
 * Resolves the bearer token to a member of a workspace (every later query is scoped to it),
 * then counts the request against that token's rate limit.
 */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S{10,200})$/i.exec(header);
  if (!match) throw new ApiError(401, "unauthorized", "Send Authorization: Bearer <token>");
  const tokenHash = await sha256(match[1]);
  const found = await findMemberByTokenHash(c.get("db"), tokenHash);
  if (!found) throw new ApiError(401, "unauthorized", "This token is not valid (or the member was removed)");
  c.set("member", found.member);
  c.set("workspace", found.workspace);
  c.set("tokenHash", tokenHash);
  await limitPerMember(c, next);
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("member").role !== "admin") throw new ApiError(403, "forbidden", "Only a workspace admin can do this");
  await next();
});
