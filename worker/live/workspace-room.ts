// The live room of a workspace (a Durable Object): it holds members' WebSockets, applies pushes one at a time and sends new cursors.
import { DurableObject } from "cloudflare:workers";
import { type LiveMessage, liveCloseCodes, livePing, livePong, liveProtocol } from "../../shared/live";
import type { Mutation } from "../../shared/sync";
import type { Member } from "../../shared/workspace";
import { enqueueChannelEvents } from "../channels/queue";
import { changedSomething, type PushOutcome, pushOutcome } from "../sync/push";

/** Set by the Worker on the handshake it forwards, once it has authenticated the member. */
export const memberHeader = "X-Liaison-Member";
export const cursorHeader = "X-Liaison-Cursor";
/** The hash of the token the handshake was made with, so that replacing or revoking the token can close the socket. */
export const tokenHashHeader = "X-Liaison-Token-Hash";

/**
 * Sent when the token a socket was opened with was replaced or revoked: the socket goes like any
 * drop (a policy close, not `removed`); a client that holds a new token connects again with it,
 * and a revoked browser's next request meets its 401.
 */
const tokenReplacedCloseCode = 1008;

const tokenTag = (tokenHash: string) => `token:${tokenHash}`;

interface Attachment {
  memberId: string;
  connectedAt: string;
}

/** Close codes a peer may report but nobody may send. */
const reservedCloseCodes = new Set([1005, 1006, 1015]);

/**
 * The live connections of one workspace (one object per workspace, named by its id). Sockets are
 * accepted with the hibernation API: between pushes the object leaves memory and the sockets
 * stay open, and keepalive pings are answered without waking it. Each socket is tagged with its
 * member's id, so that removing a member closes exactly their sockets.
 *
 * The room only ever sends cursor numbers; what changed is read by pulling, where every rule
 * about who may see what applies.
 */
export class WorkspaceRoom extends DurableObject<Env> {
  /** The newest cursor this instance announced; forgotten when it hibernates, which costs one extra message at most. */
  private latest = 0;
  /** The push being applied, which the next one waits for. */
  private pushing: Promise<unknown> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(livePing, livePong));
  }

  /** Accepts a handshake the Worker has authenticated; says the current cursor at once. */
  async fetch(request: Request): Promise<Response> {
    const memberId = request.headers.get(memberHeader);
    if (!memberId || request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Expected an authenticated WebSocket handshake", { status: 400 });
    }
    const cursor = Math.max(this.latest, Number(request.headers.get(cursorHeader)) || 0);
    const tokenHash = request.headers.get(tokenHashHeader);
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, tokenHash ? [memberId, tokenTag(tokenHash)] : [memberId]);
    server.serializeAttachment({ memberId, connectedAt: new Date().toISOString() } satisfies Attachment);
    server.send(JSON.stringify({ type: "cursor", cursor } satisfies LiveMessage));
    return new Response(null, { status: 101, webSocket: client, headers: { "Sec-WebSocket-Protocol": liveProtocol } });
  }

  /**
   * Applies a push to this workspace after the ones before it, then tells the connected members.
   * One at a time, every push finds the change counter as the previous one left it: none is
   * refused busy however many members push at once.
   */
  async push(workspaceId: string, member: Member, mutations: Mutation[]): Promise<PushOutcome> {
    const turn = this.pushing.then(() => pushOutcome(this.env.DB, workspaceId, member, mutations));
    this.pushing = turn.catch(() => {});
    const outcome = await turn;
    if (!outcome.ok) return outcome;
    const { events, ...answer } = outcome;
    // Chat channels hear of it through the queue, after the push has answered: never on its way.
    if (events && events.length > 0) this.ctx.waitUntil(enqueueChannelEvents(this.env, workspaceId, events));
    if (changedSomething(answer.response)) await this.announce(answer.response.cursor);
    return answer;
  }

  /** Tells every connected member that the workspace's changes now reach `cursor`. */
  async announce(cursor: number): Promise<void> {
    // Pushes finish in any order; an older cursor than one already announced is no news.
    if (cursor <= this.latest) return;
    this.latest = cursor;
    const message = JSON.stringify({ type: "cursor", cursor } satisfies LiveMessage);
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
      } catch {
        // Closing already; its client reconnects and pulls.
      }
    }
  }

  /** Tells one member's sockets (only theirs) that their read marks changed: no marks go over the socket. */
  async tellRead(memberId: string): Promise<number> {
    const sockets = this.ctx.getWebSockets(memberId);
    const message = JSON.stringify({ type: "read" } satisfies LiveMessage);
    for (const socket of sockets) {
      try {
        socket.send(message);
      } catch {}
    }
    return sockets.length;
  }

  /** Closes a removed member's sockets, saying why; their client stops instead of reconnecting. */
  async disconnect(memberId: string): Promise<number> {
    const sockets = this.ctx.getWebSockets(memberId);
    for (const socket of sockets) {
      try {
        socket.close(liveCloseCodes.removed, "removed from the workspace");
      } catch {}
    }
    return sockets.length;
  }

  /**
   * Closes the sockets opened with a token that was replaced or revoked: it stops reading the
   * workspace's news at once, as it stops working for every other request. The member's other
   * browsers, with tokens of their own, stay connected.
   */
  async closeToken(tokenHash: string, reason: "token replaced" | "browser signed out"): Promise<number> {
    const stale = this.ctx.getWebSockets(tokenTag(tokenHash));
    for (const socket of stale) {
      try {
        socket.close(tokenReplacedCloseCode, reason);
      } catch {}
    }
    return stale.length;
  }

  /** The members with an open socket (one entry per socket). */
  async connectedMembers(): Promise<string[]> {
    return this.ctx.getWebSockets().map((socket) => (socket.deserializeAttachment() as Attachment | null)?.memberId ?? "");
  }

  /** Clients only send keepalive pings, which the auto-response answers; anything else is ignored. */
  async webSocketMessage(): Promise<void> {}

  /** Completes the closing handshake the client started. */
  async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    try {
      socket.close(reservedCloseCodes.has(code) ? 1000 : code, reason);
    } catch {}
  }

  async webSocketError(socket: WebSocket): Promise<void> {
    try {
      socket.close(1011, "connection error");
    } catch {}
  }
}
