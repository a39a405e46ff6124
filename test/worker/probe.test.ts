import { env } from "cloudflare:workers";
import { it } from "vitest";
import { actionItemUpsert, call, createWorkspace, newId } from "./helpers";

it("probe", async () => {
  const ws = await createWorkspace();
  const id = newId("e");
  const m = actionItemUpsert(id, { text: "hi" });
  const raw = JSON.stringify({ clientId: "client0001", mutations: [m] }).replace('"text":"hi"', '"text":"hi","__proto__":{"status":"done"}');
  console.log(raw);
  let r = await call("/v1/sync/push", { token: ws.token, rawBody: raw, headers: { "Content-Type": "application/json" } });
  console.log("proto in fields", r.status, JSON.stringify(r.json));
  const raw2 = JSON.stringify({ clientId: "client0001", mutations: [actionItemUpsert(newId("e"), { text: "hi" })] }).replace('"clientId"', '"__proto__":{"x":1},"clientId"');
  r = await call("/v1/sync/push", { token: ws.token, rawBody: raw2, headers: { "Content-Type": "application/json" } });
  console.log("proto top", r.status, JSON.stringify(r.json));
  r = await call("/v1/invites", { token: ws.token, rawBody: JSON.stringify({ maxUses: 1 }), headers: { "Content-Type": "text/plain" } });
  console.log("invite text/plain", r.status, JSON.stringify(r.json));
  r = await call("/v1/invites", { token: ws.token, method: "POST" });
  console.log("invite nobody", r.status, JSON.stringify(r.json));
  const big = "x".repeat(300 * 1024);
  const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
  const res = await (await import("cloudflare:workers")).exports.default.fetch("http://liaison.test/v1/workspaces", { method: "POST", body: stream, headers: { "Content-Type": "application/json" } });
  console.log("stream", res.status, [...res.headers], await res.text());
  console.log(JSON.stringify((await env.DB.prepare("SELECT name FROM sqlite_master WHERE type='table'").all()).results));
});
