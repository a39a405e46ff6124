// "For me" read marks (GET and POST /v1/me/read): each member's own, shared by their browsers, told to those browsers live, and checked.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createWorkspace, expectError, joinWorkspace } from "./helpers";

const read = (token: string) => call("/v1/me/read", { token });
const mark = (token: string, keys: unknown) => call("/v1/me/read", { token, body: { keys } });

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
