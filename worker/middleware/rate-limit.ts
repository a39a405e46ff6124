// The Worker's rate limits: per member when signed in, per client address otherwise, with a 429 beyond them.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";

const periodSeconds = 60;

function tooMany(): never {
  // The limiter counts in fixed windows of a minute: the rest of this one is the wait.
  const retryAfter = periodSeconds - (Math.floor(Date.now() / 1000) % periodSeconds);
  throw new ApiError(429, "rate_limited", `Too many requests; try again in ${retryAfter} s`, { retryAfter });
}

/**
 * Counts a signed-in request against its member (MEMBER_LIMIT in wrangler.toml), a 429 beyond the
 * limit. Keyed by the member, not the token: rotating the token starts no new count.
 */
export async function countForMember(c: Context<AppEnv>): Promise<void> {
  const { success } = await c.env.MEMBER_LIMIT.limit({ key: c.get("member").id });
  if (!success) tooMany();
}

/**
 * Counts a request nobody signed in for (creating a workspace, joining, a missing or refused
 * token) against the client's address (PUBLIC_LIMIT), a 429 beyond the limit.
 */
export async function countForAddress(c: Context<AppEnv>): Promise<void> {
  const address = c.req.header("CF-Connecting-IP") ?? "local";
  const { success } = await c.env.PUBLIC_LIMIT.limit({ key: address });
  if (!success) tooMany();
}

/** Limits unauthenticated routes (creating a workspace, joining) per client address, before any work. */
export const limitPerAddress = createMiddleware<AppEnv>(async (c, next) => {
  await countForAddress(c);
  await next();
});
