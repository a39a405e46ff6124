import { describe, expect, it } from "vitest";
import {
  actionItemUpsert,
  call,
  createInvite,
  createWorkspace,
  expectError,
  joinWorkspace,
  newId,
  pushOk,
  rows,
  sha256Hex,
  snapshot,
  tableNames,
} from "./helpers";

/** Every string stored in any column of any table, with where it was found. */
async function storedStrings(): Promise<Array<{ table: string; column: string; value: string }>> {
  const found: Array<{ table: string; column: string; value: string }> = [];
  for (const table of await tableNames()) {
    for (const row of await rows(`SELECT * FROM "${table}"`)) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "string") found.push({ table, column, value });
      }
    }
  }
  return found;
}

describe("bearer tokens", () => {
  it("are never stored: no column of any table holds a token or a piece of one", async () => {
    const admin = await createWorkspace("Secret Co");
    const code = await createInvite(admin);
    const joined = await call("/v1/join", { body: { code, name: "Bo", department: "QA" } });
    expect(joined.status).toBe(201);
    const member = joined.json;
    // Give every table something to hold.
    await pushOk(member.token, [actionItemUpsert(newId("e"), { text: "Rotate keys" })]);

    const tables = await tableNames();
    expect(tables).toEqual(expect.arrayContaining(["workspaces", "members", "invites", "entities", "mutations"]));
    const strings = await storedStrings();
    expect(strings.some((s) => s.table === "entities")).toBe(true);

    const secrets = [admin.token, member.token, code, code.replace(/-/g, "")];
    const pieces = [admin.token, member.token].flatMap((token) => [token.slice(-16), token.slice(4, 20)]);
    for (const secret of [...secrets, ...pieces]) {
      const leaks = strings.filter((s) => s.value.includes(secret)).map((s) => `${s.table}.${s.column}`);
      expect(leaks, `found ${secret}`).toEqual([]);
    }
  });

  it("are stored as the hex SHA-256 of the token", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const stored = await rows<{ id: string; token_hash: string }>(
      "SELECT id, token_hash FROM members WHERE workspace_id = ?1 ORDER BY id",
      admin.workspace.id,
    );
    const expected = [
      { id: admin.member.id, token_hash: await sha256Hex(admin.token) },
      { id: member.member.id, token_hash: await sha256Hex(member.token) },
    ].sort((a, b) => a.id.localeCompare(b.id));
    expect(stored).toEqual(expected);
    for (const row of stored) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answer 401 with the error envelope when missing, malformed or wrong, on every authenticated route", async () => {
    const admin = await createWorkspace();
    const before = await snapshot();
    const routes: Array<{ path: string; body?: unknown }> = [
      { path: "/v1/me" },
      { path: "/v1/members" },
      { path: "/v1/sync/pull?since=0" },
      { path: "/v1/sync/push", body: { clientId: "client-0001", mutations: [actionItemUpsert(newId("e"), { text: "Sneak" })] } },
      { path: "/v1/invites", body: {} },
    ];
    const headerSets: Array<Record<string, string>> = [
      {},
      { Authorization: "" },
      { Authorization: "Bearer" },
      { Authorization: `Basic ${admin.token}` },
      { Authorization: admin.token },
      { Authorization: `Bearer ${admin.token}x` },
      { Authorization: `Bearer ${admin.token.slice(0, -1)}` },
      { Authorization: `Bearer ${await sha256Hex(admin.token)}` },
      { Authorization: "Bearer lsn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    ];
    for (const route of routes) {
      for (const headers of headerSets) {
        const response = await call(route.path, { headers, body: route.body, method: route.body === undefined ? "GET" : "POST" });
        expectError(response, 401, "unauthorized");
      }
    }
    expect(await snapshot()).toEqual(before);

    // The same token, sent properly, works.
    expect((await call("/v1/me", { token: admin.token })).status).toBe(200);
  });

  it("stop working once the member is removed", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    expect((await call("/v1/me", { token: member.token })).status).toBe(200);
    await rows("UPDATE members SET removed_at = ?1 WHERE id = ?2", new Date().toISOString(), member.member.id);

    expectError(await call("/v1/me", { token: member.token }), 401, "unauthorized");
    expectError(await call("/v1/sync/pull", { token: member.token }), 401, "unauthorized");
    const listed = await call("/v1/members", { token: admin.token });
    expect(listed.json.members.map((m: { id: string }) => m.id)).toEqual([admin.member.id]);
  });
});
