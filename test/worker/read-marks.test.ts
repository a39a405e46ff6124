// "For me" read marks (GET and POST /v1/me/read): each member's own, shared by their browsers, told to those browsers live, and checked.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createWorkspace, expectError, joinWorkspace, rows } from "./helpers";

const read = (token: string) => call("/v1/me/read", { token });
const mark = (token: string, keys: unknown, query = "") => call(`/v1/me/read${query}`, { token, body: { keys } });
const readSince = (token: string, since: string) => call(`/v1/me/read?since=${encodeURIComponent(since)}`, { token });
const old = "2026-01-01T00:00:00.000Z";

/** A live socket of the member whose token this is, collecting what it is told. */
async function listen(token: string) {
  const response = await exports.default.fetch("http://liaison.test/v1/live", {
    headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `liaison.v1, bearer.${token}` },
  });
  expect(response.status).toBe(101);
  const socket = response.webSocket as WebSocket;
  const messages: unknown[] = [];
  socket.addEventListener("message", (event) => {
    messages.push(JSON.parse(event.data as string));
  });
  socket.accept();
  return {
    messages,
    async saw(type: string, ms = 2000) {
      const deadline = Date.now() + ms;
      while (!messages.some((m) => (m as { type: string }).type === type) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      return messages.some((m) => (m as { type: string }).type === type);
    },
    close: () => socket.close(1000, "test over"),
  };
}

describe("/v1/me/read", () => {
  it("keeps each member's marks to themselves: another member neither reads nor changes them", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const key = `action_item:item0001abc:assigned:${sam.member.id}`;

    expect((await read(sam.token)).json).toEqual({ keys: [] });
    const marked = await mark(sam.token, [key, key]);
    expect(marked.status, JSON.stringify(marked.json)).toBe(200);
    expect(marked.json).toEqual({ keys: [key] });
    expect((await read(sam.token)).json).toEqual({ keys: [key] });

    // The admin has marks of their own and sees none of Sam's; marking the same key is theirs alone.
    expect((await read(admin.token)).json).toEqual({ keys: [] });
    await mark(admin.token, ["annotation:note0001abc:note"]);
    expect((await read(admin.token)).json).toEqual({ keys: ["annotation:note0001abc:note"] });
    expect((await read(sam.token)).json).toEqual({ keys: [key] });

    // Another workspace's member with the same key touches nothing here.
    const outsider = await createWorkspace("Other Co");
    await mark(outsider.token, [key]);
    expect((await read(sam.token)).json).toEqual({ keys: [key] });
    expect((await read(outsider.token)).json).toEqual({ keys: [key] });
  });

  it("is shared by the member's browsers, and tells only that member's live sockets", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const code = (await call("/v1/me/browser-code", { method: "POST", token: sam.token })).json.code;
    const laptop = (await call("/v1/browsers", { body: { code } })).json.token as string;

    const samLaptop = await listen(laptop);
    const adminLive = await listen(admin.token);
    await mark(sam.token, ["escalation:esc00001abc:opened"]);
    expect((await read(laptop)).json).toEqual({ keys: ["escalation:esc00001abc:opened"] });
    expect(await samLaptop.saw("read")).toBe(true);
    expect(await adminLive.saw("read", 300)).toBe(false);
    samLaptop.close();
    adminLive.close();
  });

  it("keeps every mark just sent past the limit, one already there too, and drops only older ones", async () => {
    const admin = await createWorkspace();
    const me = admin.member.id;
    const workspace = admin.workspace.id;
    // 5,000 marks made long ago, at one time.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999)
       INSERT INTO read_marks (workspace_id, member_id, entry_key, read_at)
       SELECT ?1, ?2, 'risk:k' || substr('0000' || i, -5) || ':occurred', ?3 FROM n`,
    )
      .bind(workspace, me, old)
      .run();
    // "Mark all read": 490 new entries and 10 marked long ago, those the trim would take first.
    const again = Array.from({ length: 10 }, (_, k) => `risk:k${String(4990 + k).padStart(5, "0")}:occurred`);
    const fresh = Array.from({ length: 490 }, (_, k) => `risk:n${String(k).padStart(5, "0")}:occurred`);
    const marked = await mark(admin.token, [...again, ...fresh]);
    expect(marked.status, JSON.stringify(marked.json)).toBe(200);
    const answered = new Set(marked.json.keys as string[]);
    expect([...again, ...fresh].filter((key) => !answered.has(key))).toEqual([]);
    expect(answered.size).toBe(5000);
    const [{ count }] = await rows<{ count: number }>(
      "SELECT COUNT(*) AS count FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2",
      workspace,
      me,
    );
    expect(count).toBe(5000);
    const kept = await rows<{ entry_key: string }>(
      "SELECT entry_key FROM read_marks WHERE workspace_id = ?1 AND member_id = ?2 AND entry_key IN (?3, ?4)",
      workspace,
      me,
      again[0],
      again[9],
    );
    expect(kept).toHaveLength(2);
  });

  it("answers only the marks since a cursor when asked so, with the cursor to ask with next", async () => {
    const admin = await createWorkspace();
    const first = "annotation:note0001abc:note";
    const second = "risk:risk0001abc:occurred";
    await mark(admin.token, [first]);
    await env.DB.prepare("UPDATE read_marks SET read_at = ?1 WHERE member_id = ?2").bind(old, admin.member.id).run();
    const marked = await mark(admin.token, [second], "?since=2026-06-01T00:00:00.000Z");
    expect(marked.json.keys).toEqual([second]);
    const cursor = marked.json.cursor as string;
    expect(Date.parse(cursor)).toBeGreaterThan(Date.parse(old));

    // Nothing new since: only what the slack for lagging clocks takes in, and the same cursor.
    expect((await readSince(admin.token, cursor)).json).toEqual({ keys: [second], cursor });
    expect((await readSince(admin.token, new Date(Date.parse(cursor) + 10 * 60_000).toISOString())).json).toEqual({
      keys: [],
      cursor: new Date(Date.parse(cursor) + 10 * 60_000).toISOString(),
    });
    // From the start (a browser's first sync), and without a cursor at all, as before.
    expect((await readSince(admin.token, "")).json).toEqual({ keys: [second, first], cursor });
    expect((await read(admin.token)).json).toEqual({ keys: [second, first] });
    expectError(await readSince(admin.token, "yesterday"), 400, "invalid_request");
  });

  it("answers 400 to keys that are not entry keys, too many or none, and 401 without a token", async () => {
    const admin = await createWorkspace();
    for (const keys of [
      [],
      ["not a key"],
      ["action_item:x:<script>"],
      "action_item:abc12345:assigned",
      [42],
      Array(501).fill("risk:abc12345:occurred"),
    ]) {
      expectError(await mark(admin.token, keys), 400, "invalid_request");
    }
    expectError(
      await call("/v1/me/read", { token: admin.token, body: { keys: ["risk:abc12345:occurred"], other: 1 } }),
      400,
      "invalid_request",
    );
    expectError(await call("/v1/me/read"), 401, "unauthorized");
    expectError(await call("/v1/me/read", { body: { keys: ["risk:abc12345:occurred"] } }), 401, "unauthorized");
    expect((await read(admin.token)).json).toEqual({ keys: [] });
  });
});
