import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../shared/workspace";
import {
  actionItemDelete,
  actionItemUpsert,
  type CallResult,
  call,
  clientId,
  createInvite,
  createWorkspace,
  expectError,
  newId,
  pull,
  push,
  pushOk,
  snapshot,
  workspaceSeq,
} from "./helpers";

let admin: Session;
let existingId: string;

beforeAll(async () => {
  admin = await createWorkspace("Validation Co");
  existingId = newId("e");
  await pushOk(admin.token, [actionItemUpsert(existingId, { text: "Already here" })]);
});

/** Runs the request and checks it was refused with the envelope and that no table changed. */
async function expectRefused(send: () => Promise<CallResult>, status: number, code?: string) {
  const before = await snapshot();
  const response = await send();
  expectError(response, status, code);
  expect(await snapshot()).toEqual(before);
  return response;
}

const pushRaw = (rawBody: BodyInit, contentType = "application/json") =>
  call("/v1/sync/push", { token: admin.token, rawBody, method: "POST", headers: { "Content-Type": contentType } });

/** A push body as text, with `"__MARK__":0` replaced by raw JSON that JSON.stringify cannot produce. */
const withRaw = (body: unknown, raw: string) => JSON.stringify(body).replace('"__MARK__":0', raw);

describe("push bodies that are not a push", () => {
  it.each([
    ["truncated JSON", `{"clientId":"${clientId}","mutations":[`],
    ["a trailing comma", `{"clientId":"${clientId}","mutations":[],}`],
    ["single quotes", `{'clientId':'${clientId}'}`],
    ["an empty body", ""],
    ["not JSON at all", "text=Buy milk"],
  ])("refuses %s with 400", async (_, rawBody) => {
    await expectRefused(() => pushRaw(rawBody), 400, "invalid_request");
  });

  it.each([["null"], ["[]"], ['"push"'], ["42"], ["true"], ["{}"]])("refuses the JSON value %s with 400", async (rawBody) => {
    await expectRefused(() => pushRaw(rawBody), 400, "invalid_request");
  });

  it.each([
    ["a whole body", (nested: string) => nested],
    [
      "a field value",
      (nested: string) =>
        withRaw({ clientId, mutations: [{ ...actionItemUpsert(newId("e"), {}), __MARK__: 0 }] }, `"fields":{"text":${nested}}`),
    ],
    [
      "an unknown field",
      (nested: string) =>
        withRaw({ clientId, mutations: [{ ...actionItemUpsert(newId("e"), { text: "Hi" }), __MARK__: 0 }] }, `"x":${nested}`),
    ],
  ])("refuses JSON nested 100 000 deep in %s with 400", async (_, build) => {
    const depth = 100_000;
    const arrays = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const objects = `${'{"a":'.repeat(depth / 4)}1${"}".repeat(depth / 4)}`;
    for (const nested of [arrays, objects]) {
      await expectRefused(() => pushRaw(build(nested)), 400, "invalid_request");
    }
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"], ["application/jsonp"]])(
    "refuses a valid push sent as %s with 415",
    async (contentType) => {
      const body = JSON.stringify({ clientId, mutations: [actionItemUpsert(newId("e"), { text: "Wrong type" })] });
      await expectRefused(() => pushRaw(body, contentType), 415, "unsupported_media_type");
    },
  );

  it("refuses a valid push sent without a Content-Type with 415", async () => {
    const body = JSON.stringify({ clientId, mutations: [actionItemUpsert(newId("e"), { text: "No type" })] });
    await expectRefused(() => call("/v1/sync/push", { token: admin.token, rawBody: body, method: "POST" }), 415, "unsupported_media_type");
  });

  it("takes JSON with a charset parameter", async () => {
    const body = JSON.stringify({ clientId, mutations: [actionItemUpsert(newId("e"), { text: "With charset" })] });
    const response = await pushRaw(body, "application/json; charset=utf-8");
    expect(response.status).toBe(200);
    expect(response.json.results[0].status).toBe("applied");
  });
});

describe("push mutations that are invalid", () => {
  const upsert = (fields: Record<string, unknown>) => actionItemUpsert(newId("e"), { text: "Valid text", ...fields });
  const cases: Array<[string, unknown]> = [
    ["priority soon", upsert({ priority: "soon" })],
    ["status closed", upsert({ status: "closed" })],
    ["due on a day that does not exist", upsert({ due: "2026-02-30" })],
    ["due not zero-padded", upsert({ due: "2026-2-3" })],
    ["due with a time", upsert({ due: "2026-02-03T10:00:00Z" })],
    ["text as a number", actionItemUpsert(newId("e"), { text: 42 })],
    ["text empty", actionItemUpsert(newId("e"), { text: "" })],
    ["text only spaces", actionItemUpsert(newId("e"), { text: "   " })],
    ["text over 2000 characters", actionItemUpsert(newId("e"), { text: "x".repeat(2001) })],
    ["owner over 80 characters", upsert({ owner: "o".repeat(81) })],
    ["department over 60 characters", upsert({ department: "d".repeat(61) })],
    ["targets as a string", upsert({ targets: "github:acme/app#7" })],
    ["a target that is not a target key", upsert({ targets: ["acme/app#7"] })],
    ["more than 20 targets", upsert({ targets: Array.from({ length: 21 }, (_, i) => `github:acme/app#${i}`) })],
    ["a source that is not http(s)", upsert({ source: { url: "javascript:alert(1)" } })],
    ["a source title over 300 characters", upsert({ source: { url: "https://example.com", title: "t".repeat(301) } })],
    ["a selector of another type", upsert({ source: { url: "https://example.com", selector: { type: "CssSelector", exact: "x" } } })],
    [
      "a selector prefix over 64 characters",
      upsert({ source: { url: "https://a.example", selector: { type: "TextQuoteSelector", exact: "x", prefix: "p".repeat(65) } } }),
    ],
    ["an unknown field", upsert({ colour: "red" })],
    ["an unknown key in source", upsert({ source: { url: "https://example.com", extra: true } })],
    ["an unknown entity", { id: newId(), entity: "invoice", entityId: newId("e"), op: "upsert", fields: { text: "Hi" } }],
    ["an unknown op", { id: newId(), entity: "action_item", entityId: newId("e"), op: "patch", fields: { text: "Hi" } }],
    ["an unknown key on the mutation", { ...upsert({}), force: true }],
    ["baseVersion negative", { ...upsert({}), baseVersion: -1 }],
    ["an entity id too short", actionItemUpsert("short", { text: "Hi" })],
    ["an entity id too long", actionItemUpsert("e".repeat(65), { text: "Hi" })],
    ["an entity id with a slash", actionItemUpsert("item/../../x", { text: "Hi" })],
    ["a mutation id too long", actionItemUpsert(newId("e"), { text: "Hi" }, "m".repeat(65))],
    ["no mutation id", { entity: "action_item", entityId: newId("e"), op: "upsert", fields: { text: "Hi" } }],
    ["an upsert without fields", { id: newId(), entity: "action_item", entityId: newId("e"), op: "upsert" }],
    ["an upsert with empty fields", actionItemUpsert(newId("e"), {})],
    ["an upsert with fields as an array", { id: newId(), entity: "action_item", entityId: newId("e"), op: "upsert", fields: ["text"] }],
    ["a delete with fields", { ...actionItemDelete("__EXISTING__"), fields: { text: "x" } }],
    ["a delete with empty fields", { ...actionItemDelete("__EXISTING__"), fields: {} }],
  ];

  it.each(cases)("refuses %s with 400, writing nothing", async (_, mutation) => {
    const fixed = JSON.parse(JSON.stringify(mutation).replace("__EXISTING__", existingId));
    await expectRefused(() => push(admin.token, [fixed]), 400, "invalid_request");
  });

  it.each([
    ["in fields", '"fields":{"text":"Valid","__proto__":{"status":"done"}}'],
    ["in fields, alone", '"fields":{"__proto__":{"text":"Sneaky"}}'],
    ["in fields, as a plain value", '"fields":{"text":"Valid","__proto__":"x"}'],
    ["in a nested source", '"fields":{"text":"Valid","source":{"url":"https://a.example","__proto__":{"title":"t"}}}'],
    ["on the mutation", '"fields":{"text":"Valid"},"__proto__":{"op":"delete"}'],
  ])("refuses a __proto__ key %s with 400", async (_, raw) => {
    const mutation = { id: newId(), entity: "action_item", entityId: newId("e"), op: "upsert", __MARK__: 0 };
    await expectRefused(() => pushRaw(withRaw({ clientId, mutations: [mutation] }, raw)), 400, "invalid_request");
  });

  it("refuses a __proto__ key on the push itself with 400", async () => {
    const body = withRaw({ __MARK__: 0, clientId, mutations: [actionItemUpsert(newId("e"), { text: "Valid" })] }, '"__proto__":{"x":1}');
    await expectRefused(() => pushRaw(body), 400, "invalid_request");
  });

  it("keeps the key constructor and the text __proto__ as ordinary data", async () => {
    await expectRefused(() => push(admin.token, [actionItemUpsert(newId("e"), { text: "x", constructor: "y" })]), 400, "invalid_request");
    const itemId = newId("e");
    await pushOk(admin.token, [actionItemUpsert(itemId, { text: "__proto__", owner: "constructor" })]);
    const change = (await pull(admin.token)).changes.find((c) => c.id === itemId);
    expect(change?.data).toMatchObject({ text: "__proto__", owner: "constructor" });
  });

  it.each([
    ["a lone high surrogate", '"fields":{"text":"Broken \\ud800 text"}'],
    ["a lone low surrogate", '"fields":{"text":"\\udc00"}'],
    ["reversed surrogates", '"fields":{"text":"\\udc00\\ud800"}'],
    ["a lone surrogate in owner", '"fields":{"text":"Valid","owner":"Ann \\udbff"}'],
    ["a lone surrogate in a source title", '"fields":{"text":"Valid","source":{"url":"https://a.example","title":"\\ud83d"}}'],
  ])("refuses %s with 400", async (_, raw) => {
    const mutation = { id: newId(), entity: "action_item", entityId: newId("e"), op: "upsert", __MARK__: 0 };
    await expectRefused(() => pushRaw(withRaw({ clientId, mutations: [mutation] }, raw)), 400, "invalid_request");
  });

  it("takes a surrogate pair (an emoji) and text of exactly 2000 characters", async () => {
    const emoji = actionItemUpsert(newId("e"), { text: "Ship it \ud83d\ude80" });
    const long = actionItemUpsert(newId("e"), { text: ` ${"x".repeat(2000)} ` });
    const pushed = await pushOk(admin.token, [emoji, long]);
    expect(pushed.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    const changes = (await pull(admin.token)).changes;
    expect(changes.find((c) => c.id === emoji.entityId)?.data?.text).toBe("Ship it 🚀");
    expect(changes.find((c) => c.id === long.entityId)?.data?.text).toBe("x".repeat(2000));
  });

  it.each([
    ["no clientId", { mutations: [actionItemUpsert(newId("e"), { text: "Hi" })] }],
    ["a bad clientId", { clientId: "c", mutations: [actionItemUpsert(newId("e"), { text: "Hi" })] }],
    ["no mutations", { clientId }],
    ["an empty list of mutations", { clientId, mutations: [] }],
    ["mutations as an object", { clientId, mutations: actionItemUpsert(newId("e"), { text: "Hi" }) }],
    ["an unknown key on the push", { clientId, mutations: [actionItemUpsert(newId("e"), { text: "Hi" })], workspaceId: "w-000000001" }],
    ["101 mutations", { clientId, mutations: Array.from({ length: 101 }, (_, i) => actionItemUpsert(newId("e"), { text: `Item ${i}` })) }],
  ])("refuses a push with %s with 400", async (_, body) => {
    await expectRefused(() => call("/v1/sync/push", { token: admin.token, body }), 400, "invalid_request");
  });
});

describe("a push with one bad mutation among good ones", () => {
  it("writes none of them when one fails validation", async () => {
    const seq = await workspaceSeq(admin.workspace.id);
    const mutations = [
      actionItemUpsert(newId("e"), { text: "Good one" }),
      actionItemUpsert(existingId, { status: "done" }),
      actionItemDelete(existingId),
      actionItemUpsert(newId("e"), { text: "Bad one", priority: "soon" }),
      actionItemUpsert(newId("e"), { text: "Good three" }),
    ];
    await expectRefused(() => push(admin.token, mutations), 400, "invalid_request");
    expect(await workspaceSeq(admin.workspace.id)).toBe(seq);

    // The good ones, sent again without the bad one, are new to the server: nothing of the refused push was recorded.
    const retried = await pushOk(admin.token, [mutations[0], mutations[4]]);
    expect(retried.results.map((r) => r.status)).toEqual(["applied", "applied"]);
  });

  it("writes none of them when one cannot be merged into a whole item", async () => {
    const seq = await workspaceSeq(admin.workspace.id);
    const mutations = [
      actionItemUpsert(newId("e"), { text: "Good one" }),
      actionItemUpsert(existingId, { priority: "high" }),
      // A new item needs its text; this one has none, which only shows when it is merged.
      actionItemUpsert(newId("e"), { priority: "low" }),
      actionItemUpsert(newId("e"), { text: "Good three" }),
    ];
    const response = await expectRefused(() => push(admin.token, mutations), 400, "invalid_mutation");
    expect(response.json.error.message).toContain(mutations[2].id);
    expect(await workspaceSeq(admin.workspace.id)).toBe(seq);
  });
});

describe("pull queries that are invalid", () => {
  it.each([["since=-1"], ["since=abc"], ["since=1.5"], ["limit=0"], ["limit=1001"], ["limit=-5"], ["limit=ten"], ["since=1&since=2"]])(
    "refuses ?%s with 400",
    async (query) => {
      await expectRefused(() => call(`/v1/sync/pull?${query}`, { token: admin.token }), 400, "invalid_request");
    },
  );
});

describe("workspace, invite and join bodies that are invalid", () => {
  const member = { name: "Pat", department: "Product" };
  it.each<[string, unknown]>([
    ["no name", { member }],
    ["an empty name", { name: "", member }],
    ["a name over 80 characters", { name: "n".repeat(81), member }],
    ["a name as a number", { name: 7, member }],
    ["no member", { name: "Acme" }],
    ["a member without a department", { name: "Acme", member: { name: "Pat" } }],
    ["a member asking to be something else", { name: "Acme", member: { ...member, role: "owner" } }],
    ["an unknown key", { name: "Acme", member, plan: "enterprise" }],
  ])("refuses a workspace with %s with 400", async (_, body) => {
    await expectRefused(() => call("/v1/workspaces", { body }), 400, "invalid_request");
  });

  it("refuses a workspace name with a lone surrogate or a __proto__ key with 400", async () => {
    const send = (raw: string) => call("/v1/workspaces", { rawBody: raw, method: "POST", headers: { "Content-Type": "application/json" } });
    await expectRefused(() => send('{"name":"Acme \\ud800","member":{"name":"Pat","department":"Product"}}'), 400, "invalid_request");
    await expectRefused(
      () => send('{"name":"Acme","member":{"name":"Pat","department":"Product","__proto__":{"role":"x"}}}'),
      400,
      "invalid_request",
    );
  });

  it("refuses a workspace sent as text/plain with 415", async () => {
    const raw = JSON.stringify({ name: "Acme", member });
    await expectRefused(
      () => call("/v1/workspaces", { rawBody: raw, method: "POST", headers: { "Content-Type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
  });

  it("refuses invite options sent as text/plain with 415 rather than ignoring them", async () => {
    await expectRefused(
      () =>
        call("/v1/invites", {
          token: admin.token,
          rawBody: JSON.stringify({ maxUses: 1 }),
          method: "POST",
          headers: { "Content-Type": "text/plain" },
        }),
      415,
      "unsupported_media_type",
    );
    await expectRefused(() => call("/v1/invites", { token: admin.token, method: "POST" }), 415, "unsupported_media_type");
  });

  it("refuses a join sent as a form with 415", async () => {
    const code = await createInvite(admin);
    const form = new URLSearchParams({ code, name: "Bo", department: "QA" }).toString();
    await expectRefused(
      () => call("/v1/join", { rawBody: form, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      415,
      "unsupported_media_type",
    );
  });
});

describe("bodies over 256 KB", () => {
  const big = () => JSON.stringify({ clientId, mutations: [actionItemUpsert(newId("e"), { text: "x".repeat(300 * 1024) })] });

  it("are refused with 413 when the Content-Length says so", async () => {
    const body = big();
    const response = await expectRefused(
      () =>
        call("/v1/sync/push", {
          token: admin.token,
          rawBody: body,
          method: "POST",
          headers: { "Content-Type": "application/json", "Content-Length": String(body.length) },
        }),
      413,
      "payload_too_large",
    );
    expect(response.json.error.message).toContain("256 KB");
  });

  it("are refused with 413 on every route that takes a body", async () => {
    const body = JSON.stringify({ name: "n".repeat(300 * 1024), member: { name: "Pat", department: "Product" } });
    await expectRefused(
      () => call("/v1/workspaces", { rawBody: body, method: "POST", headers: { "Content-Type": "application/json" } }),
      413,
      "payload_too_large",
    );
    const joinBody = JSON.stringify({ code: "ABCD-EFGH-JKMN", name: "n".repeat(300 * 1024), department: "QA" });
    await expectRefused(
      () => call("/v1/join", { rawBody: joinBody, method: "POST", headers: { "Content-Type": "application/json" } }),
      413,
      "payload_too_large",
    );
  });

  it("are refused with 413 when streamed without a Content-Length", async () => {
    const bytes = new TextEncoder().encode(big());
    const chunkSize = 16 * 1024;
    const makeRequest = () => {
      let offset = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(offset, offset + chunkSize));
          offset += chunkSize;
        },
      });
      return new Request("http://liaison.test/v1/sync/push", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${admin.token}` },
        body: stream,
      });
    };
    expect(makeRequest().headers.has("Content-Length")).toBe(false);

    await expectRefused(
      async () => {
        const response = await exports.default.fetch(makeRequest());
        const text = await response.text();
        return { status: response.status, json: JSON.parse(text), text, headers: response.headers };
      },
      413,
      "payload_too_large",
    );
  });

  it("still takes a body under the limit that is streamed without a Content-Length", async () => {
    const itemId = newId("e");
    const bytes = new TextEncoder().encode(JSON.stringify({ clientId, mutations: [actionItemUpsert(itemId, { text: "Streamed" })] }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const response = await exports.default.fetch(
      new Request("http://liaison.test/v1/sync/push", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${admin.token}` },
        body: stream,
      }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: Array<{ status: string }> }).results[0].status).toBe("applied");
  });
});

describe("unknown routes", () => {
  it.each([
    ["GET", "/"],
    ["GET", "/nope"],
    ["GET", "/v1"],
    ["GET", "/v1/nope"],
    ["POST", "/v1/nope"],
    ["DELETE", "/v1/workspaces"],
    ["GET", "/v1/workspaces"],
    ["GET", "/v1/join"],
  ])("answer %s %s with a 404 envelope", async (method, path) => {
    const response = await expectRefused(() => call(path, { method }), 404, "not_found");
    expect(response.json.error.message).toContain(path);
  });

  it("answer 404 for an unknown route under an authenticated prefix, once authenticated", async () => {
    await expectRefused(() => call("/v1/sync/nope", { token: admin.token }), 404, "not_found");
    await expectRefused(() => call("/v1/sync/push", { token: admin.token }), 404, "not_found");
    await expectRefused(() => call("/v1/sync/pull", { token: admin.token, method: "POST", body: {} }), 404, "not_found");
  });
});
