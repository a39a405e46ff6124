import { describe, expect, it } from "vitest";
import { call, createWorkspace, joinWorkspace, snapshot } from "./helpers";

const deep = (depth: number) => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** Bodies no route should take: wrong types, huge strings, deep nesting, prototype keys, broken text, SQL. */
const corpus: Array<[string, string]> = [
  ["null", "null"],
  ["a number", "42"],
  ["an array", "[]"],
  ["a string", '"hello"'],
  ["broken JSON", '{"name": '],
  ["wrong types", JSON.stringify({ name: 7, member: "me", code: [], role: 1, department: {} })],
  ["huge strings", JSON.stringify({ name: "x".repeat(100_000), member: { name: "y".repeat(100_000), department: "z" } })],
  ["deep nesting", JSON.stringify(deep(5000))],
  ["__proto__", '{"__proto__": {"role": "admin"}, "name": "x"}'],
  ["constructor", '{"constructor": {"prototype": {"role": "admin"}}}'],
  ["lone surrogate", JSON.stringify({ name: "bad \ud800 text", member: { name: "\udc00", department: "x" } })],
  ["SQL", JSON.stringify({ name: "'); DROP TABLE members; --", department: "x' OR '1'='1", code: "AAAA-BBBB-CCCC'; --" })],
  ["unknown fields", JSON.stringify({ name: "x", member: { name: "y", department: "z" }, isAdmin: true })],
];

describe("hostile input on every write route", () => {
  it("answers 4xx with the error envelope and writes nothing", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const routes: Array<{ method: string; path: string; token?: string; contentType?: string }> = [
      { method: "POST", path: "/v1/workspaces" },
      { method: "POST", path: "/v1/join" },
      { method: "POST", path: "/v1/invites", token: admin.token },
      { method: "PATCH", path: "/v1/me", token: member.token },
      { method: "PATCH", path: "/v1/workspace", token: admin.token },
      { method: "PATCH", path: `/v1/members/${member.member.id}`, token: admin.token },
      { method: "POST", path: "/v1/sync/push", token: member.token },
      { method: "POST", path: "/w3c/annotations/", token: member.token, contentType: "application/ld+json" },
    ];
    const before = await snapshot();
    for (const route of routes) {
      for (const [label, body] of corpus) {
        // An empty invite request ({}-like) is valid; only the bodies that are not are judged here.
        if (route.path === "/v1/invites" && label === "unknown fields") continue;
        const response = await call(route.path, {
          method: route.method,
          token: route.token,
          rawBody: body,
          headers: { "Content-Type": route.contentType ?? "application/json" },
        });
        const where = `${route.method} ${route.path} with ${label}`;
        expect(response.status, `${where}: ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, where).toBeLessThan(500);
        expect(response.json?.error?.code, where).toEqual(expect.any(String));
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
