import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiFailure, type SyncApi } from "../../extension/background/sync/api";
import { SyncEngine } from "../../extension/background/sync/engine";
import { type Holder, LiveConnection, liveUrl } from "../../extension/background/sync/live";
import type { StoredSession } from "../../extension/common/session";
import { type Db, getKv, openStore, setKv } from "../../extension/store/db";
import type { SyncStatus } from "../../extension/store/status";
import { clearStore, mutateLocal, outboxSize } from "../../extension/store/store";

class FakeSocket {
  static opened: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.opened.push(this);
  }

  send(data: string) {
    this.sent.push(data);
  }

  close(code?: number, reason?: string) {
    this.closedWith = { code, reason };
    this.readyState = 3;
    this.onclose?.({ code: code ?? 1005, reason: reason ?? "" });
  }

  // The server's side.
  accept(cursor: number) {
    this.readyState = 1;
    this.onopen?.();
    this.onmessage?.({ data: JSON.stringify({ type: "cursor", cursor }) });
  }

  say(data: string) {
    this.onmessage?.({ data });
  }

  drop(code = 1006, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

class FakePort implements Holder {
  private listeners: Array<() => void> = [];
  onDisconnect = { addListener: (listener: () => void) => this.listeners.push(listener) };
  disconnect() {
    for (const listener of this.listeners) listener();
  }
}

const session: StoredSession = {
  serverUrl: "https://liaison.example.com",
  token: "lsn_token_one_0000000000",
  workspace: { id: "ws-000000001", name: "Acme", createdAt: "2026-11-01T00:00:00Z" } as StoredSession["workspace"],
  member: { id: "member-pat-0001", name: "Pat Lee", department: "Product", role: "admin" } as StoredSession["member"],
};

const timing = { keepaliveMs: 20_000, syncDelayMs: 50, firstRetryMs: 1_000, maxRetryMs: 60_000 };

/** Lets IndexedDB (fake-indexeddb runs on setImmediate, which stays real) and promise chains finish. */
async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

let db: Db;
let syncs: number;
let live: LiveConnection;
let syncResult: () => Promise<SyncStatus>;

const idle: SyncStatus = { state: "idle", pending: 0, lastSyncedAt: null, message: null };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
  FakeSocket.opened = [];
  db = await openStore("live-test");
  await clearStore(db);
  await setKv(db, "session", session);
  syncs = 0;
  syncResult = async () => idle;
  live = new LiveConnection(
    db,
    async () => {
      syncs++;
      return syncResult();
    },
    { WebSocket: FakeSocket as unknown as typeof WebSocket, random: () => 1, timing },
  );
  await settle();
});

afterEach(() => {
  vi.useRealTimers();
});

const last = () => FakeSocket.opened.at(-1) as FakeSocket;

describe("the live connection", () => {
  it("maps the server URL to its WebSocket endpoint", () => {
    expect(liveUrl("https://liaison.example.com")).toBe("wss://liaison.example.com/v1/live");
    expect(liveUrl("http://127.0.0.1:8787/")).toBe("ws://127.0.0.1:8787/v1/live");
  });

  it("is open only while something holds it, with the token as a subprotocol", async () => {
    expect(FakeSocket.opened).toHaveLength(0);
    const panel = new FakePort();
    const overlay = new FakePort();
    live.hold(panel);
    live.hold(overlay);
    await settle();
    expect(FakeSocket.opened).toHaveLength(1);
    expect(last().url).toBe("wss://liaison.example.com/v1/live");
    expect(last().protocols).toEqual(["liaison.v1", `bearer.${session.token}`]);
    expect(last().url).not.toContain(session.token);

    panel.disconnect();
    await settle();
    expect(last().closedWith).toBeNull();
    overlay.disconnect();
    await settle();
    expect(last().closedWith).toEqual({ code: 1000, reason: "not in use" });
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it("syncs once on connect, then when a cursor is ahead of the local store's, a burst of them at once", async () => {
    live.hold(new FakePort());
    await settle();
    last().accept(0);
    await vi.advanceTimersByTimeAsync(timing.syncDelayMs);
    expect(syncs).toBe(1);
    expect(await getKv(db, "liveConnected")).toBe(true);

    await setKv(db, "cursor", 5);
    last().say(JSON.stringify({ type: "cursor", cursor: 5 }));
    await settle();
    await vi.advanceTimersByTimeAsync(timing.syncDelayMs);
    expect(syncs).toBe(1);

    for (const cursor of [6, 7, 8]) last().say(JSON.stringify({ type: "cursor", cursor }));
    await settle();
    await vi.advanceTimersByTimeAsync(timing.syncDelayMs);
    expect(syncs).toBe(2);

    last().say("pong");
    last().say("{not json");
    await settle();
    await vi.advanceTimersByTimeAsync(timing.syncDelayMs);
    expect(syncs).toBe(2);
  });

  it("pings to keep the connection and the service worker alive", async () => {
    live.hold(new FakePort());
    await settle();
    last().accept(0);
    await vi.advanceTimersByTimeAsync(timing.keepaliveMs * 2);
    expect(last().sent).toEqual(["ping", "ping"]);
  });

  it("reconnects after a drop with growing delays, capped at a minute, and starts over once greeted", async () => {
    live.hold(new FakePort());
    await settle();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = FakeSocket.opened.length;
      last().drop();
      let waited = 0;
      while (FakeSocket.opened.length === before) {
        await vi.advanceTimersByTimeAsync(250);
        waited += 250;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);

    last().accept(3);
    await settle();
    expect(await getKv(db, "liveConnected")).toBe(true);
    last().drop();
    await settle();
    expect(await getKv(db, "liveConnected")).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.opened).toHaveLength(10);
  });

  it("does not connect when live updates are turned off, and connects when turned on again", async () => {
    await setKv(db, "live", false);
    live.hold(new FakePort());
    await settle();
    expect(FakeSocket.opened).toHaveLength(0);
    await setKv(db, "live", true);
    await live.update();
    expect(FakeSocket.opened).toHaveLength(1);
    await setKv(db, "live", false);
    await live.update();
    expect(last().closedWith?.code).toBe(1000);
  });

  it("reconnects with the new token after signing in again, and not at all when signed out", async () => {
    live.hold(new FakePort());
    await settle();
    const first = last();
    await setKv(db, "session", { ...session, token: "lsn_token_two_0000000000" });
    await live.update();
    expect(first.closedWith?.code).toBe(1000);
    expect(last().protocols).toEqual(["liaison.v1", "bearer.lsn_token_two_0000000000"]);
    await clearStore(db);
    await live.update();
    expect(last().closedWith?.code).toBe(1000);
    expect(FakeSocket.opened).toHaveLength(2);
  });

  it("stops for good when the server says the member was removed", async () => {
    // The sync that follows meets the 401 and marks the session revoked.
    syncResult = async () => {
      await setKv(db, "session", { ...session, revokedAt: "2026-11-26T10:00:00Z" });
      return { ...idle, state: "removed" };
    };
    live.hold(new FakePort());
    await settle();
    last().accept(0);
    last().drop(4001, "removed from the workspace");
    await settle();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.opened).toHaveLength(1);
    expect(syncs).toBeGreaterThanOrEqual(1);
    await live.update();
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it("tries again after a removal notice whose sync could not reach the server", async () => {
    syncResult = async () => ({ ...idle, state: "offline" });
    live.hold(new FakePort());
    await settle();
    last().accept(0);
    last().drop(4001, "removed from the workspace");
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.opened).toHaveLength(2);
  });
});

describe("a removed member's sync", () => {
  function server(overrides: Partial<SyncApi>): SyncApi {
    return {
      push: async () => ({ results: [], cursor: 0 }),
      pull: async () => ({ changes: [], cursor: 0, more: false }),
      members: async () => ({ members: [] }),
      ...overrides,
    };
  }

  it("marks the session revoked on the API's 401, then sends nothing more and keeps unsent work", async () => {
    vi.useRealTimers();
    await mutateLocal(
      db,
      { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "Call Legal" } },
      {
        memberId: session.member.id,
      },
    );
    let calls = 0;
    const refused = server({
      push: async () => {
        calls++;
        throw new ApiFailure(401, "unauthorized", "This token is not valid (or the member was removed)");
      },
    });
    const engine = new SyncEngine(db, refused);
    expect((await engine.run()).state).toBe("removed");
    expect((await getKv(db, "session"))?.revokedAt).toEqual(expect.any(String));
    expect((await engine.run()).state).toBe("removed");
    expect(calls).toBe(1);
    expect(await outboxSize(db)).toBe(1);
  });

  it("does not take a 401 from something other than the API as a removal", async () => {
    vi.useRealTimers();
    const portal = server({
      pull: async () => {
        throw new ApiFailure(401, "http_error", "The server answered 401");
      },
    });
    expect((await new SyncEngine(db, portal).run()).state).toBe("removed");
    expect((await getKv(db, "session"))?.revokedAt).toBeUndefined();
  });
});
