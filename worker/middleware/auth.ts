import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { liveProtocol, liveTokenPrefix } from "../../shared/live";
import { findMemberByTokenHash } from "../db/members";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { sha256 } from "../lib/tokens";
import { limitPerMember } from "./rate-limit";

const tokenPattern = /^\S{10,200}$/;

/**
 * Resolves a bearer token to a member of a workspace (every later query is scoped to it),
 * then counts the request against that token's rate limit.
 */
async function authenticate(c: Context<AppEnv>, token: string | undefined, next: Next, missing: string) {
  if (!token || !tokenPattern.test(token)) throw new ApiError(401, "unauthorized", missing);
  const tokenHash = await sha256(token);
  const found = await findMemberByTokenHash(c.get("db"), tokenHash);
  if (!found) throw new ApiError(401, "unauthorized", "This token is not valid (or the member was removed)");
  c.set("member", found.member);
  c.set("workspace", found.workspace);
  c.set("tokenHash", tokenHash);
  await limitPerMember(c, next);
}

export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  await authenticate(c, match?.[1], next, "Send Authorization: Bearer <token>");
});

/**
 * The same for a WebSocket handshake, whose headers a browser cannot set: the token comes as
 * the subprotocol `bearer.<token>`, offered next to `liaison.v1` (never in the URL, which is logged).
 */
export const requireMemberByProtocol = createMiddleware<AppEnv>(async (c, next) => {
  const offered = (c.req.header("Sec-WebSocket-Protocol") ?? "").split(",").map((value) => value.trim());
  const token = offered.includes(liveProtocol) ? offered.find((value) => value.startsWith(liveTokenPrefix)) : undefined;
  await authenticate(c, token?.slice(liveTokenPrefix.length), next, `Offer the subprotocols ${liveProtocol} and ${liveTokenPrefix}<token>`);
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("member").role !== "admin") throw new ApiError(403, "forbidden", "Only a workspace admin can do this");
  await next();
});
