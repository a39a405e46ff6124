// Live updates in the background: one WebSocket to the Worker while a side panel or overlay is open; a newer cursor there starts a sync.
import { liveCloseCodes, livePing, liveProtocol, liveTokenPrefix, parseLiveMessage } from "../../../shared/live";
import { type Db, getKv, setKv } from "../../store/db";
import type { SyncStatus } from "../../store/status";
import { announceChange } from "../../store/store";

/** What keeps the connection wanted: a port from an open side panel or a page with overlays. */
export interface Holder {
  onDisconnect: { addListener(listener: () => void): void };
}

const liveTiming = {
  /** Traffic at least this often keeps idle connections open and, from Chrome 116, the service worker running. */
  keepaliveMs: 20_000,
  /** Cursor messages arriving together lead to one sync. */
  syncDelayMs: 50,
  firstRetryMs: 1_000,
  maxRetryMs: 60_000,
};

/** The live endpoint of a server: ws(s)://host/v1/live. */
export function liveUrl(serverUrl: string): string {
  const url = new URL("/v1/live", serverUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

interface Target {
  url: string;
  token: string;
}

/**
 * Live updates while Liaison is in use. The background hands it the ports of open side panels
 * and overlays; while at least one is open, the workspace is signed in, its token not revoked
 * and the `live` setting not false, one WebSocket to the server is kept. The server says the
 * workspace's cursor on connect and after every push; a cursor ahead of the local store's
 * leads to a sync (which pulls as always: no data comes over the socket). A dropped socket is
 * opened again after a growing, jittered delay (1 s doubling to 60 s); the pull alarm and the
 * side panel's poll keep working in the meantime.
 */
export class LiveConnection {
  private readonly holders = new Set<Holder>();
  private target: Target | null = null;
  private socket: WebSocket | null = null;
  /** The server has spoken on the current socket: the token was accepted. */
  private greeted = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private keepaliveTimer: ReturnType<typeof setInterval> | undefined;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private updating: Promise<void> = Promise.resolve();
  private recording: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Promise<Db> | Db,
    private readonly sync: () => Promise<SyncStatus>,
    private readonly options: { WebSocket?: typeof WebSocket; random?: () => number; timing?: typeof liveTiming } = {},
  ) {
    // Back online: no need to sit out the rest of a long retry delay.
    globalThis.addEventListener?.("online", () => this.retryNow());
    // A socket does not outlive the service worker that opened it.
    void this.setConnected(false);
  }

  /** Keeps the connection while `holder` is open. */
  hold(holder: Holder): void {
    this.holders.add(holder);
    holder.onDisconnect.addListener(() => {
      this.holders.delete(holder);
      void this.update();
    });
    void this.update();
  }

  /** Looks again at whether a connection is wanted, and with which token: call it when the store changes. */
  update(): Promise<void> {
    this.updating = this.updating.then(() => this.reconcile()).catch(() => {});
    return this.updating;
  }

  /** Connects now if a connection is wanted and waiting to retry. */
  retryNow(): void {
    if (!this.target || this.socket || this.retryTimer === undefined) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.open(this.target);
  }

  private get timing() {
    return this.options.timing ?? liveTiming;
  }

  private async reconcile(): Promise<void> {
    const next = await this.wanted();
    if (next?.url === this.target?.url && next?.token === this.target?.token) return;
    this.stop();
    this.target = next;
    this.retries = 0;
    if (next) this.open(next);
  }

  private async wanted(): Promise<Target | null> {
    if (this.holders.size === 0) return null;
    const db = await this.db;
    const [session, live] = await Promise.all([getKv(db, "session"), getKv(db, "live")]);
    if (!session || session.revokedAt || live === false) return null;
    return { url: liveUrl(session.serverUrl), token: session.token };
  }

  private open(target: Target): void {
    let socket: WebSocket;
    try {
      socket = new (this.options.WebSocket ?? WebSocket)(target.url, [liveProtocol, `${liveTokenPrefix}${target.token}`]);
    } catch {
      this.retryLater(target);
      return;
    }
    this.socket = socket;
    this.greeted = false;
    socket.onopen = () => {
      this.keepaliveTimer = setInterval(() => socket.send(livePing), this.timing.keepaliveMs);
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      const message = parseLiveMessage(event.data);
      if (!message) return;
      if (!this.greeted) {
        // The first message proves the token was accepted. Whatever happened while no socket was
        // open (or the socket was being set up) is caught up by one sync.
        this.greeted = true;
        this.retries = 0;
        void this.setConnected(true);
        this.syncSoon();
        return;
      }
      // Another of this member's browsers read something: the sync that follows fetches the marks.
      if (message.type === "read") this.syncSoon();
      else void this.onCursor(message.cursor);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      clearInterval(this.keepaliveTimer);
      if (this.greeted) void this.setConnected(false);
      if (event.code === liveCloseCodes.removed) {
        // The server closed it because this member was removed: the sync that follows meets the
        // 401 that marks the session revoked, and then no connection is wanted. Should that sync
        // fail on the way (offline), this is retried like any drop.
        void this.sync()
          .catch(() => {})
          .then(() => this.update())
          .then(() => {
            if (this.target === target && !this.socket) this.retryLater(target);
          });
        return;
      }
      this.retryLater(target);
    };
  }

  private async onCursor(cursor: number): Promise<void> {
    const local = (await getKv(await this.db, "cursor")) ?? 0;
    if (cursor > local) this.syncSoon();
  }

  private syncSoon(): void {
    if (this.syncTimer !== undefined) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      void this.sync().catch(() => {});
    }, this.timing.syncDelayMs);
  }

  private retryLater(target: Target): void {
    if (this.target !== target) return;
    const ceiling = Math.min(this.timing.maxRetryMs, this.timing.firstRetryMs * 2 ** this.retries);
    const delay = ceiling / 2 + (this.options.random ?? Math.random)() * (ceiling / 2);
    this.retries++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.target === target && !this.socket) this.open(target);
    }, delay);
  }

  private stop(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    clearInterval(this.keepaliveTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= 1) socket.close(1000, "not in use");
    if (this.greeted) void this.setConnected(false);
    this.greeted = false;
  }

  /** Recorded for the pages: the side panel says when updates arrive live. */
  private setConnected(connected: boolean): Promise<void> {
    this.recording = this.recording
      .then(async () => {
        const db = await this.db;
        if (((await getKv(db, "liveConnected")) ?? false) === connected) return;
        await setKv(db, "liveConnected", connected);
        announceChange("state");
      })
      .catch(() => {});
    return this.recording;
  }
}
