import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { WorkspaceRoom } from "../../worker/live/workspace-room";
import { actionItemUpsert, call, createWorkspace, expectError, joinWorkspace, newId, pushOk, workspaceSeq } from "./helpers";

interface Live {
  socket: WebSocket;
  messages: unknown[];
  closed: Promise<CloseEvent>;
  /** The next message not yet taken, waiting for it up to `ms`. */
  next(ms?: number): Promise<unknown>;
}

const open: Live[] = [];

afterEach(async () => {
  const closing = open.splice(0).map((live) => {
    try {
      live.socket.close(1000, "test over");
    } catch {}
    return Promise.race([live.closed, sleep(500)]);
  });
  await Promise.all(closing);
});

function handshake(protocols: string | null, headers: Record<string, string> = {}) {
  return exports.default.fetch("http://liaison.test/v1/live", {
    headers: { Upgrade: "websocket", ...(protocols === null ? {} : { "Sec-WebSocket-Protocol": protocols }), ...headers },
  });
}

async function connect(token: string): Promise<Live> {
  const response = await handshake(`liaison.v1, bearer.${token}`);
  expect(response.status).toBe(101);
  expect(response.headers.get("Sec-WebSocket-Protocol")).toBe("liaison.v1");
  const socket = response.webSocket;
  if (!socket) throw new Error("no WebSocket in the 101 answer");
  const messages: unknown[] = [];
  const waiting: Array<() => void> = [];
  socket.addEventListener("message", (event) => {
    messages.push(event.data === "pong" ? "pong" : JSON.parse(event.data as string));
    for (const wake of waiting.splice(0)) wake();
  });
  const closed = new Promise<CloseEvent>((resolve) => socket.addEventListener("close", resolve));
  socket.accept();
  let taken = 0;
  const live: Live = {
    socket,
    messages,
    closed,
    async next(ms = 2000) {
      const deadline = Date.now() + ms;
      while (messages.length <= taken) {
        if (Date.now() > deadline) throw new Error(`no message within ${ms} ms (got ${JSON.stringify(messages)})`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages[taken++];
    },
  };
  open.push(live);
  return live;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function room(workspaceId: string): DurableObjectStub<WorkspaceRoom> {
  return env.WORKSPACE_ROOMS.get(env.WORKSPACE_ROOMS.idFromName(workspaceId));
}

describe("GET /v1/live", () => {
  it("answers 426 with the error envelope to a request that is not a WebSocket handshake", async () => {
    const admin = await createWorkspace();
    const response = await call("/v1/live", { token: admin.token });
    expectError(response, 426, "upgrade_required");
    expect(response.headers.get("Upgrade")).toBe("websocket");
  });

  it("checks the token offered as a subprotocol, answering 401 with the error envelope", async () => {
    const admin = await createWorkspace();
    const offers = [
      null,
      "liaison.v1",
      `bearer.${admin.token}`,
      `liaison.v1, bearer.${admin.token}x`,
      `liaison.v1, bearer.${admin.token.slice(0, -1)}`,
      "liaison.v1, bearer.lsn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ];
    for (const offer of offers) {
      const response = await handshake(offer);
      expect(response.webSocket, offer ?? "no subprotocol").toBeNull();
      const body = await response.json();
      expect(response.status, offer ?? "no subprotocol").toBe(401);
      expect(body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    // A bearer header is not how a browser can connect, and is not accepted in place of the subprotocol.
    expect((await handshake(null, { Authorization: `Bearer ${admin.token}` })).status).toBe(401);
  });

  it("refuses a browser origin the API does not serve", async () => {
    const admin = await createWorkspace();
    const response = await handshake(`liaison.v1, bearer.${admin.token}`, { Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(response.webSocket).toBeNull();
    const fromExtension = await handshake(`liaison.v1, bearer.${admin.token}`, { Origin: "chrome-extension://abcdefghijklmnop" });
    expect(fromExtension.status).toBe(101);
    const socket = fromExtension.webSocket;
    socket?.accept();
    const closed = new Promise((resolve) => socket?.addEventListener("close", resolve));
    socket?.close(1000);
    await closed;
  });

  it("says the workspace's current cursor on connect and answers keepalive pings", async () => {
    const admin = await createWorkspace();
    await pushOk(admin.token, [actionItemUpsert(newId("e"), { text: "Before connecting" })]);
    const live = await connect(admin.token);
    expect(await live.next()).toEqual({ type: "cursor", cursor: await workspaceSeq(admin.workspace.id) });
    live.socket.send("ping");
    expect(await live.next()).toBe("pong");
  });

  it("tells connected members the new cursor after a teammate's push, and nothing to other workspaces", async () => {
    const admin = await createWorkspace("Acme");
    const sam = await joinWorkspace(admin);
    const outsider = await createWorkspace("Elsewhere");

    const samLive = await connect(sam.token);
    const adminLive = await connect(admin.token);
    const outsiderLive = await connect(outsider.token);
    expect(await samLive.next()).toEqual({ type: "cursor", cursor: 0 });
    expect(await adminLive.next()).toEqual({ type: "cursor", cursor: 0 });
    expect(await outsiderLive.next()).toEqual({ type: "cursor", cursor: 0 });

    const mutation = actionItemUpsert(newId("e"), { text: "Confirm the DPA" });
    const pushed = await pushOk(admin.token, [mutation]);
    expect(pushed.cursor).toBe(1);
    expect(await samLive.next()).toEqual({ type: "cursor", cursor: 1 });
    expect(await adminLive.next()).toEqual({ type: "cursor", cursor: 1 });

    // The same mutation again changes nothing: no message. Nor does anything reach the other workspace.
    expect((await pushOk(admin.token, [mutation])).results[0].status).toBe("duplicate");
    await sleep(300);
    expect(samLive.messages).toHaveLength(2);
    expect(outsiderLive.messages).toHaveLength(1);

    await pushOk(sam.token, [actionItemUpsert(newId("e"), { text: "Second" }), actionItemUpsert(newId("e"), { text: "Third" })]);
    expect(await adminLive.next()).toEqual({ type: "cursor", cursor: 3 });
    expect(outsiderLive.messages).toHaveLength(1);
  });

  it("tells connected members of annotations written through the W3C protocol too", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const samLive = await connect(sam.token);
    expect(await samLive.next()).toEqual({ type: "cursor", cursor: 0 });
    const created = await call("/w3c/annotations/", {
      method: "POST",
      token: admin.token,
      headers: { "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
      body: {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        body: { type: "TextualBody", value: "Still failing on Safari?", format: "text/plain" },
        target: "https://github.com/acme/app/issues/7",
      },
    });
    expect(created.status).toBe(201);
    expect(await samLive.next()).toEqual({ type: "cursor", cursor: 1 });
  });

  it("never sends entity data: private annotations stay behind the pull", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const samLive = await connect(sam.token);
    await samLive.next();
    const secret = "Only Pat may read this note";
    await pushOk(admin.token, [
      {
        id: newId(),
        entity: "annotation",
        entityId: newId("e"),
        op: "upsert",
        fields: { url: "https://github.com/acme/app/issues/7", targets: ["github:acme/app#7"], body: secret, visibility: "private" },
      },
    ]);
    const message = await samLive.next();
    expect(message).toEqual({ type: "cursor", cursor: expect.any(Number) });
    expect(JSON.stringify(message)).not.toContain(secret);
  });

  it("closes a removed member's sockets with 4001 and a reason; their token no longer connects", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const samLive = await connect(sam.token);
    const samOtherLive = await connect(sam.token);
    const adminLive = await connect(admin.token);
    await samLive.next();
    await adminLive.next();
    expect((await room(admin.workspace.id).connectedMembers()).sort()).toEqual([admin.member.id, sam.member.id, sam.member.id].sort());

    expect((await call(`/v1/members/${sam.member.id}`, { method: "DELETE", token: admin.token })).status).toBe(204);
    for (const live of [samLive, samOtherLive]) {
      const closed = await live.closed;
      expect(closed.code).toBe(4001);
      expect(closed.reason).toMatch(/removed/);
    }
    expect(await room(admin.workspace.id).connectedMembers()).toEqual([admin.member.id]);

    // The admin's socket stays and keeps hearing of pushes.
    await pushOk(admin.token, [actionItemUpsert(newId("e"), { text: "After Sam left" })]);
    expect(await adminLive.next()).toEqual({ type: "cursor", cursor: 1 });
    expect((await handshake(`liaison.v1, bearer.${sam.token}`)).status).toBe(401);
  });

  it("closes the sockets opened with a token once it is replaced; the new token connects and stays", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const samOld = await connect(sam.token);
    const samOldToo = await connect(sam.token);
    const adminLive = await connect(admin.token);
    await samOld.next();
    await adminLive.next();

    const rotated = await call("/v1/me/token", { method: "POST", token: sam.token });
    expect(rotated.status).toBe(201);
    for (const live of [samOld, samOldToo]) {
      const closed = await live.closed;
      expect(closed.code).toBe(1008);
      expect(closed.reason).toMatch(/token replaced/);
    }
    expect((await handshake(`liaison.v1, bearer.${sam.token}`)).status).toBe(401);

    const samNew = await connect(rotated.json.token);
    await samNew.next();
    expect((await room(admin.workspace.id).connectedMembers()).sort()).toEqual([admin.member.id, sam.member.id].sort());
    // Rotating again closes only what the replaced token opened, and the admin hears on.
    const again = await call("/v1/me/token", { method: "POST", token: rotated.json.token });
    expect((await samNew.closed).code).toBe(1008);
    const samNewest = await connect(again.json.token);
    await samNewest.next();
    await pushOk(admin.token, [actionItemUpsert(newId("e"), { text: "Still live" })]);
    expect(await adminLive.next()).toEqual({ type: "cursor", cursor: 1 });
    expect(await samNewest.next()).toEqual({ type: "cursor", cursor: 1 });
  });
});
