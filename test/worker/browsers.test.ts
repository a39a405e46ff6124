// "Add another browser": a one-time code signs another browser in as the same member, with a token of its own.
import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { changePageSql } from "../../worker/db/change-page";
import {
  actionItemUpsert,
  call,
  createWorkspace,
  expectError,
  joinWorkspace,
  newId,
  pull,
  pushOk,
  rows,
  sha256Hex,
  snapshot,
  tableNames,
} from "./helpers";

const makeCode = async (token: string): Promise<{ code: string; expiresAt: string }> => {
  const made = await call("/v1/me/browser-code", { method: "POST", token });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  return made.json;
};

const signIn = (code: string, label?: string) => call("/v1/browsers", { body: label === undefined ? { code } : { code, label } });

/** Another browser of the member whose token this is: its token, from a fresh code. */
async function anotherBrowser(token: string, label = "Laptop"): Promise<string> {
  const signedIn = await signIn((await makeCode(token)).code, label);
  expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(201);
  return signedIn.json.token;
}

const browsersOf = async (token: string) => {
  const listed = await call("/v1/me/browsers", { token });
  expect(listed.status, JSON.stringify(listed.json)).toBe(200);
  return listed.json.browsers as Array<{ id: string; label: string | null; createdAt: string; first: boolean; current: boolean }>;
};

const revoke = (token: string, id: string) => call(`/v1/me/browsers/${id}`, { method: "DELETE", token });

describe("a sign-in code for another browser", () => {
  it("signs another browser in as the same member, with a token of its own that reads and writes as them", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const note = {
      url: "https://acme.atlassian.net/wiki/spaces/LEG/pages/1/DPA",
      quote: "stored in the EU",
      body: "Only mine",
      selectors: [{ type: "TextQuoteSelector", exact: "stored in the EU" }],
      visibility: "private",
    };
    await pushOk(sam.token, [{ id: newId(), entity: "annotation", entityId: newId("a"), op: "upsert", fields: note }]);
    await pushOk(admin.token, [actionItemUpsert(newId("e"), { text: "Everyone's" })]);

    const before = Date.now();
    const { code, expiresAt } = await makeCode(sam.token);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const lifetime = new Date(expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(9 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 5_000);

    // Typed by a person: case, spaces and dashes do not matter.
    const signedIn = await signIn(` ${code.toLowerCase().replace("-", " ")} `, "Work laptop");
    expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(201);
    expect(signedIn.json).toEqual({ workspace: sam.workspace, member: sam.member, token: expect.stringMatching(/^lsn_/) });
    const second = signedIn.json.token as string;
    expect(second).not.toBe(sam.token);

    expect((await call("/v1/me", { token: second })).json).toEqual({ workspace: sam.workspace, member: sam.member });
    // The pull finds the member by this token too: it reads the workspace's rows and the member's private ones.
    const pulled = await pull(second);
    const said = pulled.changes.map((change) => change.data as { text?: string; body?: string });
    expect(said.map((data) => data.text ?? data.body).sort()).toEqual(["Everyone's", "Only mine"]);
    const pushed = await pushOk(second, [actionItemUpsert(newId("e"), { text: "From the laptop" })]);
    const [written] = (await pull(admin.token, pushed.cursor - 1)).changes;
    expect(written.meta.createdBy).toBe(sam.member.id);
  });

  it("works once: a second use is refused and writes nothing", async () => {
    const admin = await createWorkspace();
    const { code } = await makeCode(admin.token);
    expect((await signIn(code)).status).toBe(201);
    const before = await snapshot();
    const again = await signIn(code);
    expectError(again, 400, "browser_code_used");
    expect(again.json.error.message).toMatch(/already used/);
    expect(await snapshot()).toEqual(before);
  });

  it("is refused once expired, unknown, or not a sign-in code", async () => {
    const admin = await createWorkspace();
    const { code } = await makeCode(admin.token);
    await env.DB.prepare("UPDATE browser_codes SET expires_at = ?1")
      .bind(new Date(Date.now() - 1000).toISOString())
      .run();
    const expired = await signIn(code);
    expectError(expired, 400, "browser_code_expired");
    expect(expired.json.error.message).toMatch(/expired/);

    expectError(await signIn("ABCD-EFGH"), 404, "browser_code_not_found");
    // An invite code is not a sign-in code; nor is anything but a code.
    expectError(await signIn("ABCD-EFGH-JKLM"), 400, "invalid_request");
    expectError(await call("/v1/browsers", { body: { code: "ABCD-EFGH", label: "x".repeat(81) } }), 400, "invalid_request");
    expectError(await call("/v1/browsers", { body: { code: "ABCD-EFGH", token: admin.token } }), 400, "invalid_request");
    expect(await rows("SELECT * FROM member_browsers WHERE workspace_id = ?1", admin.workspace.id)).toEqual([]);
  });

  it("of a removed member signs nothing in, and the browsers they added stop working with them", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const laptop = await anotherBrowser(sam.token);
    const { code } = await makeCode(sam.token);

    expect((await call(`/v1/members/${sam.member.id}`, { method: "DELETE", token: admin.token })).status).toBe(204);
    const refused = await signIn(code);
    expectError(refused, 400, "member_removed");
    expect(refused.json.error.message).toMatch(/removed/);
    expectError(await call("/v1/me", { token: laptop }), 401, "unauthorized");
    expectError(await call("/v1/sync/pull?since=0", { token: laptop }), 401, "unauthorized");
  });

  it("is counted against the per-address limit, like joining", { timeout: 30_000 }, async () => {
    const into = Date.now() % 60_000;
    if (into > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 250));
    const from = { "CF-Connecting-IP": "203.0.113.77" };
    for (let i = 0; i < 300 - 2; i++) await env.PUBLIC_LIMIT.limit({ key: from["CF-Connecting-IP"] });
    expectError(await call("/v1/browsers", { body: { code: "ABCD-EFGH" }, headers: from }), 404, "browser_code_not_found");
    expectError(await call("/v1/browsers", { body: { code: "ABCD-EFGH" }, headers: from }), 404, "browser_code_not_found");
    expectError(await call("/v1/browsers", { body: { code: "ABCD-EFGH" }, headers: from }), 429, "rate_limited");
  });

  it("and the other browser's token are stored only as hashes", async () => {
    const admin = await createWorkspace();
    const { code } = await makeCode(admin.token);
    const laptop = (await signIn(code, "Laptop")).json.token as string;
    await makeCode(laptop);
    const workspaceId = admin.workspace.id;
    expect(await rows("SELECT token_hash FROM member_browsers WHERE workspace_id = ?1", workspaceId)).toEqual([
      { token_hash: await sha256Hex(laptop) },
    ]);
    expect(await rows("SELECT code_hash FROM browser_codes WHERE workspace_id = ?1 AND used_at IS NOT NULL", workspaceId)).toEqual([
      { code_hash: await sha256Hex(code.replace("-", "")) },
    ]);
    const secrets = [laptop, laptop.slice(-16), code, code.replace("-", "")];
    for (const table of await tableNames()) {
      for (const row of await rows(`SELECT * FROM "${table}"`)) {
        for (const value of Object.values(row)) {
          for (const secret of secrets) expect(typeof value === "string" && value.includes(secret), `${table} holds ${secret}`).toBe(false);
        }
      }
    }
  });
});

describe("a member's browsers", () => {
  it("are listed to the member only: the first one and each other one, the caller's marked current", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const laptop = await anotherBrowser(sam.token, "Laptop");
    const phone = await anotherBrowser(laptop, "Phone");
    await anotherBrowser(admin.token, "Admin's laptop");

    const fromFirst = await browsersOf(sam.token);
    expect(fromFirst).toEqual([
      { id: "first", label: null, createdAt: sam.member.joinedAt, first: true, current: true },
      { id: expect.any(String), label: "Laptop", createdAt: expect.any(String), first: false, current: false },
      { id: expect.any(String), label: "Phone", createdAt: expect.any(String), first: false, current: false },
    ]);
    const fromPhone = await browsersOf(phone);
    expect(fromPhone.map((browser) => [browser.label, browser.current])).toEqual([
      [null, false],
      ["Laptop", false],
      ["Phone", true],
    ]);
    expect(fromPhone.map((browser) => browser.id)).toEqual(fromFirst.map((browser) => browser.id));
  });

  it("are revoked one at a time: the revoked token gets 401 at once, the others go on", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const laptop = await anotherBrowser(sam.token, "Laptop");
    const phone = await anotherBrowser(sam.token, "Phone");
    const laptopId = (await browsersOf(laptop)).find((browser) => browser.current)?.id as string;

    expect((await revoke(sam.token, laptopId)).status).toBe(204);
    expectError(await call("/v1/me", { token: laptop }), 401, "unauthorized");
    expectError(await call("/v1/sync/pull?since=0", { token: laptop }), 401, "unauthorized");
    expect((await call("/v1/me", { token: sam.token })).status).toBe(200);
    expect((await call("/v1/sync/pull?since=0", { token: phone })).status).toBe(200);
    expect((await browsersOf(sam.token)).map((browser) => browser.label)).toEqual([null, "Phone"]);
    expectError(await revoke(sam.token, laptopId), 404, "not_found");

    // The browser asking may sign itself out.
    const phoneId = (await browsersOf(phone)).find((browser) => browser.current)?.id as string;
    expect((await revoke(phone, phoneId)).status).toBe(204);
    expectError(await call("/v1/me", { token: phone }), 401, "unauthorized");
    expect((await browsersOf(sam.token)).map((browser) => browser.label)).toEqual([null]);
  });

  it("cannot be revoked by another member, and the first one not at all", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const laptop = await anotherBrowser(sam.token);
    const laptopId = (await browsersOf(laptop)).find((browser) => browser.current)?.id as string;

    expectError(await revoke(admin.token, laptopId), 404, "not_found");
    const other = await createWorkspace("Other Co");
    expectError(await revoke(other.token, laptopId), 404, "not_found");
    expectError(await revoke(sam.token, "no such browser"), 404, "not_found");
    const first = await revoke(laptop, "first");
    expectError(first, 409, "first_browser");
    expect((await call("/v1/me", { token: laptop })).status).toBe(200);
    expect((await call("/v1/me", { token: sam.token })).status).toBe(200);
  });

  it("rotate their own tokens: the caller's token is replaced, the member's other browsers stay signed in", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const laptop = await anotherBrowser(sam.token);
    const idsBefore = (await browsersOf(sam.token)).map((browser) => browser.id);

    const fromLaptop = await call("/v1/me/token", { method: "POST", token: laptop });
    expect(fromLaptop.status).toBe(201);
    const newLaptop = fromLaptop.json.token as string;
    expectError(await call("/v1/me", { token: laptop }), 401, "unauthorized");
    expect((await call("/v1/me", { token: newLaptop })).json.member).toEqual(sam.member);
    expect((await call("/v1/me", { token: sam.token })).status).toBe(200);
    expect((await browsersOf(newLaptop)).map((browser) => [browser.id, browser.current])).toEqual([
      [idsBefore[0], false],
      [idsBefore[1], true],
    ]);

    const fromFirst = await call("/v1/me/token", { method: "POST", token: sam.token });
    expect(fromFirst.status).toBe(201);
    expectError(await call("/v1/me", { token: sam.token }), 401, "unauthorized");
    expect((await call("/v1/me", { token: fromFirst.json.token })).status).toBe(200);
    expect((await call("/v1/sync/pull?since=0", { token: newLaptop })).status).toBe(200);
  });
});

describe("the pull's query", () => {
  it("finds the member through indexes, by either kind of token, and scans no table", async () => {
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${changePageSql}`).bind("a-token-hash", 0, 500).all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SEARCH p USING .*INDEX .*\(token_hash=\?\)/),
        expect.stringMatching(/^SEARCH b USING .*INDEX .*\(token_hash=\?\)/),
        expect.stringMatching(/^SEARCH m USING .*INDEX .*\(id=\?\)/),
        expect.stringMatching(/^SEARCH e USING INDEX entities_by_version/),
      ]),
    );
    // The one SCAN reads the page's own rows back, from the subquery over entities_by_version.
    expect(details.filter((detail) => detail.startsWith("SCAN") && !detail.startsWith("SCAN (subquery"))).toEqual([]);
  });
});

interface Live {
  closed: Promise<CloseEvent>;
  socket: WebSocket;
}

const open: Live[] = [];
afterEach(() => {
  for (const live of open.splice(0)) {
    try {
      live.socket.close(1000, "test over");
    } catch {}
  }
});

async function connect(token: string): Promise<Live> {
  const response = await exports.default.fetch("http://liaison.test/v1/live", {
    headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `liaison.v1, bearer.${token}` },
  });
  expect(response.status).toBe(101);
  const socket = response.webSocket as WebSocket;
  const first = new Promise((resolve) => socket.addEventListener("message", resolve, { once: true }));
  const closed = new Promise<CloseEvent>((resolve) => socket.addEventListener("close", resolve));
  socket.accept();
  await first;
  const live = { socket, closed };
  open.push(live);
  return live;
}

const stillOpen = (live: Live) =>
  Promise.race([live.closed.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 300))]);

describe("a member's browsers, live", () => {
  it("revoking one closes its sockets only; rotating one's token leaves the others connected", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const laptop = await anotherBrowser(sam.token, "Laptop");
    const phone = await anotherBrowser(sam.token, "Phone");
    const [samLive, laptopLive, phoneLive] = [await connect(sam.token), await connect(laptop), await connect(phone)];

    const laptopId = (await browsersOf(laptop)).find((browser) => browser.current)?.id as string;
    expect((await revoke(sam.token, laptopId)).status).toBe(204);
    const closed = await laptopLive.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/signed out/);

    expect((await call("/v1/me/token", { method: "POST", token: phone })).status).toBe(201);
    expect((await phoneLive.closed).reason).toMatch(/token replaced/);
    expect(await stillOpen(samLive)).toBe(true);
  });
});
