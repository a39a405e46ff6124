// Signs a request in by its bearer token (or the WebSocket protocol's), and allows admin routes to admins only.
import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { liveProtocol, liveTokenPrefix } from "../../shared/live";
import { findMemberByTokenHash } from "../db/members";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { sha256 } from "../lib/tokens";
import { countForAddress, countForMember } from "./rate-limit";

const tokenPattern = /^\S{10,200}$/;

const bearerMissing = "Send Authorization: Bearer <token>";

/**
 * A 401, counted first against the client's address: guessing tokens is limited like any
 * request nobody signed in for (a 429 once over that limit).
 */
async function refuse(c: Context<AppEnv>, message: string): Promise<never> {
  await countForAddress(c);
  throw new ApiError(401, "unauthorized", message);
}

/**
 * Finds the member a token belongs to (every later query is scoped to them), then counts the
 * request against that member's rate limit, all before the route does any work.
 */
async function authenticate(c: Context<AppEnv>, token: string | undefined, next: Next, missing: string) {
  if (!token || !tokenPattern.test(token)) return refuse(c, missing);
  const tokenHash = await sha256(token);
  const found = await findMemberByTokenHash(c.get("db"), tokenHash);
  if (!found) return refuse(c, "This token is not valid (or the member was removed)");
  c.set("member", found.member);
  c.set("workspace", found.workspace);
  c.set("counters", found.counters);
  c.set("tokenHash", tokenHash);
  c.set("browserId", found.browserId);
  await countForMember(c);
  await next();
}

export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  await authenticate(c, match?.[1], next, bearerMissing);
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
