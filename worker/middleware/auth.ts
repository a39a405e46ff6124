import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { liveProtocol, liveTokenPrefix } from "../../shared/live";
import { findMemberByTokenHash, type toAuthenticated } from "../db/members";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { sha256 } from "../lib/tokens";
import { limitPerMember } from "./rate-limit";

const tokenPattern = /^\S{10,200}$/;

const bearerMissing = "Send Authorization: Bearer <token>";

/** The hash of a well-formed token, or a 401 for a missing or malformed one. */
async function tokenHashOf(token: string | undefined, missing: string): Promise<string> {
  if (!token || !tokenPattern.test(token)) throw new ApiError(401, "unauthorized", missing);
  return sha256(token);
}

/** The hash of the request's bearer token (a 401 when there is none). */
export function bearerTokenHash(c: Context<AppEnv>): Promise<string> {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  return tokenHashOf(match?.[1], bearerMissing);
}

/**
 * Takes the member a token hash resolved to (every later query is scoped to them; a 401 when
 * none), then counts the request against that token's rate limit.
 */
export async function signIn(c: Context<AppEnv>, tokenHash: string, found: ReturnType<typeof toAuthenticated>, next: Next) {
  if (!found) throw new ApiError(401, "unauthorized", "This token is not valid (or the member was removed)");
  c.set("member", found.member);
  c.set("workspace", found.workspace);
  c.set("counters", found.counters);
  c.set("tokenHash", tokenHash);
  await limitPerMember(c, next);
}

async function authenticate(c: Context<AppEnv>, token: string | undefined, next: Next, missing: string) {
  const tokenHash = await tokenHashOf(token, missing);
  await signIn(c, tokenHash, await findMemberByTokenHash(c.get("db"), tokenHash), next);
}

export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const tokenHash = await bearerTokenHash(c);
  await signIn(c, tokenHash, await findMemberByTokenHash(c.get("db"), tokenHash), next);
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
