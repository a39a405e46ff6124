/**
 * Live updates: `GET /v1/live` upgrades to a WebSocket on which the server says when the
 * workspace's change counter moved. It never carries entity data: clients pull, so what each
 * member may read (private annotations) is decided by the pull as always.
 *
 * Browsers cannot set headers on a WebSocket handshake, so the client offers two subprotocols:
 * `liaison.v1` (echoed by the server) and `bearer.<token>`. The token stays out of the URL and
 * out of access logs.
 */
export const liveProtocol = "liaison.v1";
export const liveTokenPrefix = "bearer.";

/** Sent on connect and after every push that changed something. */
interface LiveCursorMessage {
  type: "cursor";
  cursor: number;
}

/** Sent to one member's sockets when their "For me" read marks changed (another of their browsers read something). */
interface LiveReadMessage {
  type: "read";
}

export type LiveMessage = LiveCursorMessage | LiveReadMessage;

/** Clients send this every so often to keep idle connections (and an extension's service worker) alive. */
export const livePing = "ping";
export const livePong = "pong";

/** Close codes of the application range (4000-4999). */
export const liveCloseCodes = {
  /** The member was removed from the workspace: do not reconnect with this token. */
  removed: 4001,
} as const;

export function parseLiveMessage(data: unknown): LiveMessage | null {
  if (typeof data !== "string" || data === livePong) return null;
  try {
    const message = JSON.parse(data) as Partial<LiveCursorMessage> | Partial<LiveReadMessage> | null;
    if (message?.type === "read") return { type: "read" };
    if (message?.type === "cursor" && Number.isInteger(message.cursor) && (message.cursor as number) >= 0) {
      return { type: "cursor", cursor: message.cursor as number };
    }
  } catch {}
  return null;
}
