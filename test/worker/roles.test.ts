import { describe, expect, it } from "vitest";
import { call, createInvite, createWorkspace, expectError, joinWorkspace, rows, snapshot } from "./helpers";

describe("members and roles", () => {
  it("lets an admin remove a member, whose token then fails on its next request", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    expect((await call("/v1/me", { token: sam.token })).status).toBe(200);

    expectError(await call(`/v1/members/${admin.member.id}`, { method: "DELETE", token: sam.token }), 403, "forbidden");
    const removed = await call(`/v1/members/${sam.member.id}`, { method: "DELETE", token: admin.token });
    expect(removed.status).toBe(204);

    expectError(await call("/v1/me", { token: sam.token }), 401, "unauthorized");
    expectError(await call("/v1/sync/pull", { token: sam.token }), 401, "unauthorized");
    const members = await call("/v1/members", { token: admin.token });
    expect(members.json.members.map((m: { id: string }) => m.id)).toEqual([admin.member.id]);
  });

  it("keeps at least one admin", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const before = await snapshot();
    expectError(await call(`/v1/members/${admin.member.id}`, { method: "DELETE", token: admin.token }), 409, "last_admin");
    expectError(
      await call(`/v1/members/${admin.member.id}`, { method: "PATCH", token: admin.token, body: { role: "member" } }),
      409,
      "last_admin",
    );
    expect(await snapshot()).toEqual(before);

    const promoted = await call(`/v1/members/${sam.member.id}`, { method: "PATCH", token: admin.token, body: { role: "admin" } });
    expect(promoted.json.member.role).toBe("admin");
    // Now Sam can make invites, and the first admin may step down.
    expect((await call("/v1/invites", { token: sam.token, body: {} })).status).toBe(201);
    expect((await call(`/v1/members/${admin.member.id}`, { method: "PATCH", token: admin.token, body: { role: "member" } })).status).toBe(
      200,
    );
    expectError(await call("/v1/invites", { token: admin.token, body: {} }), 403, "forbidden");
  });

  it("answers 404 for members of another workspace and for unknown ids", async () => {
    const x = await createWorkspace("X");
    const y = await createWorkspace("Y");
    const yMember = await joinWorkspace(y);
    const before = await snapshot();
    expectError(await call(`/v1/members/${yMember.member.id}`, { method: "DELETE", token: x.token }), 404, "not_found");
    expectError(
      await call(`/v1/members/${yMember.member.id}`, { method: "PATCH", token: x.token, body: { role: "admin" } }),
      404,
      "not_found",
    );
    expectError(await call("/v1/members/nope", { method: "DELETE", token: x.token }), 404, "not_found");
    expect(await snapshot()).toEqual(before);
    expect((await call("/v1/me", { token: yMember.token })).status).toBe(200);
  });

  it("lets admins list and revoke invites; a revoked code no longer joins", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin);
    const listed = await call("/v1/invites", { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.json.invites).toEqual([expect.objectContaining({ createdBy: admin.member.id, uses: 0, maxUses: 25, revokedAt: null })]);
    expect(JSON.stringify(listed.json)).not.toContain(code);

    const member = await joinWorkspace(admin);
    expectError(await call("/v1/invites", { token: member.token }), 403, "forbidden");
    expectError(await call(`/v1/invites/${listed.json.invites[0].id}`, { method: "DELETE", token: member.token }), 403, "forbidden");

    expect((await call(`/v1/invites/${listed.json.invites[0].id}`, { method: "DELETE", token: admin.token })).status).toBe(204);
    expectError(await call("/v1/join", { body: { code, name: "Late", department: "QA" } }), 404, "invite_not_found");

    const other = await createWorkspace("Other");
    expectError(await call(`/v1/invites/${listed.json.invites[0].id}`, { method: "DELETE", token: other.token }), 404, "not_found");
  });

  it("lets an admin rename the workspace, and no one else", async () => {
    const admin = await createWorkspace("Acme");
    const member = await joinWorkspace(admin);
    expectError(await call("/v1/workspace", { method: "PATCH", token: member.token, body: { name: "Mine now" } }), 403, "forbidden");
    expectError(await call("/v1/workspace", { method: "PATCH", token: admin.token, body: { name: "" } }), 400, "invalid_request");
    const renamed = await call("/v1/workspace", { method: "PATCH", token: admin.token, body: { name: "Acme Payments" } });
    expect(renamed.json.workspace.name).toBe("Acme Payments");
    expect((await call("/v1/me", { token: member.token })).json.workspace.name).toBe("Acme Payments");
  });

  it("lets every member rotate their own token: the old one stops working, the new one is stored hashed", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const rotated = await call("/v1/me/token", { method: "POST", token: member.token });
    expect(rotated.status).toBe(201);
    expect(rotated.json.token).toMatch(/^lsn_[A-Za-z0-9_-]{43}$/);
    expectError(await call("/v1/me", { token: member.token }), 401);
    expect((await call("/v1/me", { token: rotated.json.token })).json.member.id).toBe(member.member.id);
    const stored = await rows<{ token_hash: string }>("SELECT token_hash FROM members WHERE id = ?1", member.member.id);
    expect(JSON.stringify(stored)).not.toContain(rotated.json.token);
  });

  it("lets members change their own name and department", async () => {
    const admin = await createWorkspace();
    const updated = await call("/v1/me", { method: "PATCH", token: admin.token, body: { department: "Operations" } });
    expect(updated.json.member).toMatchObject({ name: "Pat Lee", department: "Operations" });
    expectError(await call("/v1/me", { method: "PATCH", token: admin.token, body: {} }), 400);
  });
});
