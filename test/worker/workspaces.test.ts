import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { normalizeInviteCode } from "../../shared/workspace";
import { useInviteStatements } from "../../worker/db/invites";
import { insertMember } from "../../worker/db/members";
import { isGuardFailure } from "../../worker/db/rows";
import { call, createInvite, createWorkspace, expectError, joinWorkspace, rows, sha256Hex, snapshot } from "./helpers";

const day = 24 * 60 * 60 * 1000;
const inviteCodeShape = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

async function memberCount(workspaceId: string) {
  const [row] = await rows<{ n: number }>("SELECT COUNT(*) AS n FROM members WHERE workspace_id = ?1", workspaceId);
  return row.n;
}

describe("POST /v1/workspaces", () => {
  it("creates the workspace with its creator as its only member, an admin", async () => {
    const response = await call("/v1/workspaces", { body: { name: "  Acme  ", member: { name: "Pat Lee", department: "Product" } } });
    expect(response.status).toBe(201);
    const { workspace, member, token } = response.json;
    expect(workspace).toEqual({ id: expect.any(String), name: "Acme", createdAt: expect.any(String) });
    expect(member).toEqual({ id: expect.any(String), name: "Pat Lee", department: "Product", role: "admin", joinedAt: expect.any(String) });
    expect(token).toMatch(/^lsn_[A-Za-z0-9_-]{43}$/);

    expect(await rows("SELECT id, name, seq FROM workspaces WHERE id = ?1", workspace.id)).toEqual([
      { id: workspace.id, name: "Acme", seq: 0 },
    ]);
    expect(await rows("SELECT id, name, department, role FROM members WHERE workspace_id = ?1", workspace.id)).toEqual([
      { id: member.id, name: "Pat Lee", department: "Product", role: "admin" },
    ]);
  });

  it("gives every workspace and every token its own id", async () => {
    const a = await createWorkspace("One");
    const b = await createWorkspace("Two");
    expect(a.workspace.id).not.toBe(b.workspace.id);
    expect(a.member.id).not.toBe(b.member.id);
    expect(a.token).not.toBe(b.token);
  });
});

describe("GET /v1/me", () => {
  it("answers the workspace and member the token belongs to", async () => {
    const admin = await createWorkspace("Me Co", { name: "Ada", department: "Design" });
    const member = await joinWorkspace(admin, { name: "Bo", department: "QA" });

    const asAdmin = await call("/v1/me", { token: admin.token });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.json).toEqual({ workspace: admin.workspace, member: admin.member });

    const asMember = await call("/v1/me", { token: member.token });
    expect(asMember.status).toBe(200);
    expect(asMember.json).toEqual({ workspace: admin.workspace, member: member.member });
    expect(asMember.json.member).toMatchObject({ name: "Bo", department: "QA", role: "member" });
  });
});

describe("POST /v1/invites", () => {
  it("gives an admin a code, stored only as its hash, valid for 25 uses and 7 days by default", async () => {
    const admin = await createWorkspace();
    const before = Date.now();
    const response = await call("/v1/invites", { token: admin.token, body: {} });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      code: expect.stringMatching(inviteCodeShape),
      expiresAt: expect.any(String),
      maxUses: 25,
    });
    const expiresAt = Date.parse(response.json.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * day);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * day);

    const stored = await rows(
      "SELECT code_hash, created_by, max_uses, uses, expires_at FROM invites WHERE workspace_id = ?1",
      admin.workspace.id,
    );
    expect(stored).toEqual([
      {
        code_hash: await sha256Hex(normalizeInviteCode(response.json.code)),
        created_by: admin.member.id,
        max_uses: 25,
        uses: 0,
        expires_at: response.json.expiresAt,
      },
    ]);
  });

  it("honours maxUses and expiresInDays", async () => {
    const admin = await createWorkspace();
    const response = await call("/v1/invites", { token: admin.token, body: { maxUses: 3, expiresInDays: 1 } });
    expect(response.status).toBe(201);
    expect(response.json.maxUses).toBe(3);
    const expiresIn = Date.parse(response.json.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(day - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(day);
    expect(await rows("SELECT max_uses FROM invites WHERE workspace_id = ?1", admin.workspace.id)).toEqual([{ max_uses: 3 }]);
  });

  it("refuses a member who is not an admin with 403, writing nothing", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const before = await snapshot();

    const response = await call("/v1/invites", { token: member.token, body: {} });
    expectError(response, 403, "forbidden");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses out-of-range and unknown options with 400, writing nothing", async () => {
    const admin = await createWorkspace();
    const before = await snapshot();
    for (const body of [
      { maxUses: 0 },
      { maxUses: 1001 },
      { maxUses: 2.5 },
      { maxUses: "5" },
      { expiresInDays: 0 },
      { expiresInDays: 91 },
      { workspaceId: admin.workspace.id },
    ]) {
      expectError(await call("/v1/invites", { token: admin.token, body }), 400, "invalid_request");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("POST /v1/join", () => {
  it("joins as a member; the code may be typed in lower case with spaces; both members are listed", async () => {
    const admin = await createWorkspace("Join Co", { name: "Ada", department: "Design" });
    const code = await createInvite(admin);
    const typed = ` ${code.toLowerCase().replace(/-/g, " ")} `;

    const response = await call("/v1/join", { body: { code: typed, name: "Bo", department: "QA" } });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      workspace: admin.workspace,
      member: { id: expect.any(String), name: "Bo", department: "QA", role: "member", joinedAt: expect.any(String) },
      token: expect.stringMatching(/^lsn_/),
    });
    expect(response.json.token).not.toBe(admin.token);
    expect(await rows("SELECT uses FROM invites WHERE workspace_id = ?1", admin.workspace.id)).toEqual([{ uses: 1 }]);

    for (const token of [admin.token, response.json.token]) {
      const members = await call("/v1/members", { token });
      expect(members.status).toBe(200);
      expect(byId(members.json.members)).toEqual(byId([admin.member, response.json.member]));
    }
  });

  it("answers 404 with the error envelope for an unknown code, writing nothing", async () => {
    const admin = await createWorkspace();
    await createInvite(admin);
    const before = await snapshot();

    const response = await call("/v1/join", { body: { code: "ABCD-EFGH-JKMN", name: "Eve", department: "Sales" } });
    expectError(response, 404, "invite_not_found");
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 for a code that cannot be an invite code", async () => {
    const before = await snapshot();
    for (const code of ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS", "ABCD-EFGH-JKM!", "x".repeat(41)]) {
      expectError(await call("/v1/join", { body: { code, name: "Eve", department: "Sales" } }), 400, "invalid_request");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for an expired code", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin);
    await rows("UPDATE invites SET expires_at = ?1 WHERE workspace_id = ?2", new Date(Date.now() - 1000).toISOString(), admin.workspace.id);
    const before = await snapshot();

    expectError(await call("/v1/join", { body: { code, name: "Late", department: "Ops" } }), 404, "invite_not_found");
    expect(await snapshot()).toEqual(before);
    expect(await memberCount(admin.workspace.id)).toBe(1);
  });

  it("answers 404 for a revoked code", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin);
    await rows("UPDATE invites SET revoked_at = ?1 WHERE workspace_id = ?2", new Date().toISOString(), admin.workspace.id);

    expectError(await call("/v1/join", { body: { code, name: "Late", department: "Ops" } }), 404, "invite_not_found");
    expect(await memberCount(admin.workspace.id)).toBe(1);
  });

  it("enforces maxUses: the code stops working once used up", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin, { maxUses: 2 });

    for (const name of ["First", "Second"]) {
      expect((await call("/v1/join", { body: { code, name, department: "Eng" } })).status).toBe(201);
    }
    const before = await snapshot();
    expectError(await call("/v1/join", { body: { code, name: "Third", department: "Eng" } }), 404, "invite_not_found");
    expect(await snapshot()).toEqual(before);
    expect(await rows("SELECT uses, max_uses FROM invites WHERE workspace_id = ?1", admin.workspace.id)).toEqual([
      { uses: 2, max_uses: 2 },
    ]);
    expect(await memberCount(admin.workspace.id)).toBe(3);
  });

  it("lets exactly one of several simultaneous joins take a single-use code", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin, { maxUses: 1 });

    const answers = await Promise.all(
      ["A", "B", "C", "D"].map((name) => call("/v1/join", { body: { code, name: `Racer ${name}`, department: "Eng" } })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 404, 404, 404]);
    for (const lost of answers.filter((a) => a.status !== 201)) expectError(lost, 404, "invite_not_found");
    expect(await memberCount(admin.workspace.id)).toBe(2);
    expect(await rows("SELECT uses FROM invites WHERE workspace_id = ?1", admin.workspace.id)).toEqual([{ uses: 1 }]);
  });

  it("rolls back a join whose invite ran out between its check and its write", async () => {
    // The state a join that lost the race finds when its batch runs: the code was usable when read, and is used up now.
    const admin = await createWorkspace();
    const code = await createInvite(admin, { maxUses: 1 });
    expect((await call("/v1/join", { body: { code, name: "Winner", department: "Eng" } })).status).toBe(201);
    const before = await snapshot();

    const codeHash = await sha256Hex(normalizeInviteCode(code));
    const at = new Date().toISOString();
    const late = {
      id: "late-joiner-01",
      workspace_id: admin.workspace.id,
      name: "Late",
      department: "Eng",
      role: "member" as const,
      joined_at: at,
    };
    const failure = await env.DB.batch([
      ...useInviteStatements(env.DB, codeHash, at),
      insertMember(env.DB, { ...late, token_hash: "0".repeat(64) }),
    ]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isGuardFailure(failure)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a bad profile with 400 without using up the code", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin, { maxUses: 1 });
    const before = await snapshot();
    for (const body of [
      { code, name: "", department: "Eng" },
      { code, name: "   ", department: "Eng" },
      { code, name: "N".repeat(81), department: "Eng" },
      { code, name: "Bo", department: "D".repeat(61) },
      { code, name: "Bo" },
      { code, name: "Bo", department: "Eng", role: "admin" },
    ]) {
      expectError(await call("/v1/join", { body }), 400, "invalid_request");
    }
    expect(await snapshot()).toEqual(before);
    expect((await call("/v1/join", { body: { code, name: "Bo", department: "Eng" } })).status).toBe(201);
  });
});

describe("GET /v1/members", () => {
  it("lists every member of the workspace, with nothing secret in them", async () => {
    const admin = await createWorkspace("List Co", { name: "Ada", department: "Design" });
    const member = await joinWorkspace(admin, { name: "Bo", department: "QA" });

    const response = await call("/v1/members", { token: member.token });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(["members"]);
    expect(byId(response.json.members)).toEqual(
      byId([
        { id: admin.member.id, name: "Ada", department: "Design", role: "admin", joinedAt: admin.member.joinedAt },
        { id: member.member.id, name: "Bo", department: "QA", role: "member", joinedAt: member.member.joinedAt },
      ]),
    );
    const text = JSON.stringify(response.json);
    expect(text).not.toContain(admin.token);
    expect(text).not.toContain(member.token);
    expect(text).not.toMatch(/token|hash/i);
  });
});
