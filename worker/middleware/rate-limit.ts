import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";

const periodSeconds = 60;

function tooMany(): never {
  // The limiter counts in fixed windows of a minute: the rest of this one is the wait.
  const retryAfter = periodSeconds - (Math.floor(Date.now() / 1000) % periodSeconds);
  throw new ApiError(429, "rate_limited", `Too many requests; try again in ${retryAfter} s`, { retryAfter });
}

/** Limits each member's token (MEMBER_LIMIT in wrangler.toml); runs after authentication. */
export const limitPerMember = createMiddleware<AppEnv>(async (c, next) => {
  const { success } = await c.env.MEMBER_LIMIT.limit({ key: c.get("tokenHash") });
  if (!success) tooMany();
  await next();
});

/** Limits unauthenticated routes (creating a workspace, joining) per client address. */
export const limitPerAddress = createMiddleware<AppEnv>(async (c, next) => {
  const address = c.req.header("CF-Connecting-IP") ?? "local";
  const { success } = await c.env.PUBLIC_LIMIT.limit({ key: address });
  if (!success) tooMany();
  await next();
});
