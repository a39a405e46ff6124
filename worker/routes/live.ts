// The live route: a member's WebSocket handshake, handed to the workspace's room.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { isAllowedOrigin } from "../lib/origins";
import { roomOf } from "../live/room-client";
import { cursorHeader, memberHeader, tokenHashHeader } from "../live/workspace-room";
import { requireMemberByProtocol } from "../middleware/auth";

/** Only WebSocket handshakes, and from a browser only from origins the API answers anyway. */
const requireUpgrade = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    c.header("Upgrade", "websocket");
    throw new ApiError(426, "upgrade_required", "GET /v1/live is a WebSocket: send Upgrade: websocket");
  }
  const origin = c.req.header("Origin");
  if (origin && !isAllowedOrigin(origin, c.env)) throw new ApiError(403, "forbidden", `Origin ${origin} may not connect`);
  await next();
});

/**
 * Live updates: hands the authenticated handshake to the workspace's room, which keeps the
 * socket and sends `{ "type": "cursor", "cursor": n }` on connect and after every push that changed something.
 */
export const live = new Hono<AppEnv>().get("/", requireUpgrade, requireMemberByProtocol, async (c) => {
  const handshake = new Request(c.req.url, {
    headers: {
      Upgrade: "websocket",
      [memberHeader]: c.get("member").id,
      [cursorHeader]: String(c.get("counters").seq),
      [tokenHashHeader]: c.get("tokenHash"),
    },
  });
  return roomOf(c.env, c.get("workspace").id).fetch(handshake);
});
