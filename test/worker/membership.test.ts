// Removal that sticks (the invites a removed member knows stop working) and display names nobody can share.
import { describe, expect, it } from "vitest";
import { call, createInvite, createWorkspace, expectError, joinWorkspace, rows, snapshot } from "./helpers";

const remove = (admin: { token: string }, memberId: string) => call(`/v1/members/${memberId}`, { method: "DELETE", token: admin.token });

describe("removing a member", () => {
  it("revokes the invite they joined with, so the same code cannot bring them back", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin);
    const joined = await call("/v1/join", { body: { code, name: "Sam Wu", department: "Eng" } });
    expect(joined.status).toBe(201);
    const sam = joined.json;

    expect((await remove(admin, sam.member.id)).status).toBe(204);
    const before = await snapshot();
    expectError(await call("/v1/join", { body: { code, name: "Sam Wu", department: "Eng" } }), 404, "invite_not_found");
    expectError(await call("/v1/join", { body: { code, name: "Someone Else", department: "Eng" } }), 404, "invite_not_found");
    expect(await snapshot()).toEqual(before);

    const [invite] = (await call("/v1/invites", { token: admin.token })).json.invites;
    expect(invite).toMatchObject({ revokedAt: expect.any(String), revokedReason: "member_removed", revokedFor: sam.member.id });
  });

  it("revokes the invites a removed admin created, and leaves other invites alone", async () => {
    const admin = await createWorkspace();
    const second = await joinWorkspace(admin, { name: "Second Admin", department: "Ops" });
    expect((await call(`/v1/members/${second.member.id}`, { method: "PATCH", token: admin.token, body: { role: "admin" } })).status).toBe(
      200,
    );
    const theirs = await createInvite(second);
    const mine = await createInvite(admin);

    expect((await remove(admin, second.member.id)).status).toBe(204);
    expectError(await call("/v1/join", { body: { code: theirs, name: "Via Theirs", department: "Eng" } }), 404, "invite_not_found");
    expect((await call("/v1/join", { body: { code: mine, name: "Via Mine", department: "Eng" } })).status).toBe(201);

    const listed = (await call("/v1/invites", { token: admin.token })).json.invites as Array<Record<string, unknown>>;
    const revoked = listed.filter((invite) => invite.revokedAt !== null);
    // The invite Second joined with, and the one they created.
    expect(revoked).toHaveLength(2);
    for (const invite of revoked) expect(invite).toMatchObject({ revokedReason: "member_removed", revokedFor: second.member.id });
    expect(listed.filter((invite) => invite.revokedAt === null)).toEqual([
      expect.objectContaining({ createdBy: admin.member.id, revokedReason: null, revokedFor: null }),
    ]);
  });

  it("says an admin revoked an invite revoked by hand", async () => {
    const admin = await createWorkspace();
    await createInvite(admin);
    const [invite] = (await call("/v1/invites", { token: admin.token })).json.invites;
    expect((await call(`/v1/invites/${invite.id}`, { method: "DELETE", token: admin.token })).status).toBe(204);
    const [listed] = (await call("/v1/invites", { token: admin.token })).json.invites;
    expect(listed).toMatchObject({ revokedReason: "revoked_by_admin", revokedFor: null });
  });

  it("records the invite each member joined with, none for the creator", async () => {
    const admin = await createWorkspace();
    const sam = await joinWorkspace(admin);
    const [invite] = (await call("/v1/invites", { token: admin.token })).json.invites;
    expect(await rows("SELECT id, invite_id FROM members WHERE workspace_id = ?1 ORDER BY joined_at, id", admin.workspace.id)).toEqual([
      { id: admin.member.id, invite_id: null },
      { id: sam.member.id, invite_id: invite.id },
    ]);
  });
});

describe("display names", () => {
  it("are unique in a workspace regardless of case and spaces, on join", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const code = await createInvite(admin);
    const before = await snapshot();
    for (const name of ["Pat Lee", "pat lee", "PAT  LEE", "PatLee", " p a t l e e "]) {
      expectError(await call("/v1/join", { body: { code, name, department: "Eng" } }), 409, "name_taken");
    }
    // The code was not used up by the refusals.
    expect(await snapshot()).toEqual(before);
    expect((await call("/v1/join", { body: { code, name: "Pat Leeds", department: "Eng" } })).status).toBe(201);
  });

  it("are unique on a rename; a member may change the case of their own name", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const sam = await joinWorkspace(admin, { name: "Sam Wu", department: "Eng" });
    const before = await snapshot();
    expectError(await call("/v1/me", { method: "PATCH", token: sam.token, body: { name: "PAT LEE" } }), 409, "name_taken");
    expectError(await call("/v1/me", { method: "PATCH", token: sam.token, body: { name: "Pat Lee", department: "X" } }), 409, "name_taken");
    expect(await snapshot()).toEqual(before);

    const recased = await call("/v1/me", { method: "PATCH", token: sam.token, body: { name: "sam wu" } });
    expect(recased.status).toBe(200);
    expect(recased.json.member.name).toBe("sam wu");
    // Department alone never meets the check.
    expect((await call("/v1/me", { method: "PATCH", token: sam.token, body: { department: "QA" } })).status).toBe(200);
  });

  it("free up when their member is removed, and are per workspace", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const sam = await joinWorkspace(admin, { name: "Sam Wu", department: "Eng" });
    expect((await remove(admin, sam.member.id)).status).toBe(204);
    expect((await joinWorkspace(admin, { name: "Sam Wu", department: "Eng" })).member.name).toBe("Sam Wu");

    const other = await createWorkspace("Other", { name: "Pat Lee", department: "Product" });
    expect((await joinWorkspace(other, { name: "Sam Wu", department: "Eng" })).member.name).toBe("Sam Wu");
  });

  it("let exactly one of several simultaneous joins with the same name in", async () => {
    const admin = await createWorkspace();
    const code = await createInvite(admin);
    const answers = await Promise.all(
      ["Kim Doe", "kim doe", "KIM DOE", "Kim  Doe"].map((name) => call("/v1/join", { body: { code, name, department: "Eng" } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    for (const lost of answers.filter((a) => a.status !== 201)) expectError(lost, 409, "name_taken");
    expect(await rows("SELECT uses FROM invites WHERE workspace_id = ?1", admin.workspace.id)).toEqual([{ uses: 1 }]);
  });
});
