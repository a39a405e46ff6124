import { describe, expect, it } from "vitest";
import { normalizeInviteCode } from "../../shared/workspace";
import {
  actionItemDelete,
  actionItemUpsert,
  call,
  createInvite,
  createWorkspace,
  expectError,
  joinWorkspace,
  newId,
  pull,
  push,
  pushOk,
  rows,
  sha256Hex,
  snapshot,
  workspaceSeq,
} from "./helpers";

/** Two workspaces, each with an admin and a member. */
async function twoWorkspaces() {
  const xAdmin = await createWorkspace("X Corp", { name: "Xena", department: "Product" });
  const xMember = await joinWorkspace(xAdmin, { name: "Xavier", department: "Engineering" });
  const yAdmin = await createWorkspace("Y Corp", { name: "Yuki", department: "Product" });
  const yMember = await joinWorkspace(yAdmin, { name: "Yusuf", department: "Legal" });
  return { xAdmin, xMember, yAdmin, yMember };
}

async function entityRow(workspaceId: string, id: string) {
  return rows<{ version: number; deleted: number; data: string; created_by: string; updated_by: string }>(
    "SELECT version, deleted, data, created_by, updated_by FROM entities WHERE workspace_id = ?1 AND entity = 'action_item' AND id = ?2",
    workspaceId,
    id,
  );
}

describe("workspace isolation", () => {
  it("never shows one workspace's changes in another's pull", async () => {
    const { xAdmin, xMember, yAdmin, yMember } = await twoWorkspaces();
    const yItem = newId("e");
    await pushOk(yMember.token, [actionItemUpsert(yItem, { text: "Y only: acquisition plans" })]);
    await pushOk(yAdmin.token, [actionItemUpsert(newId("e"), { text: "Y only: layoffs" }), actionItemDelete(yItem)]);

    for (const token of [xAdmin.token, xMember.token]) {
      expect(await pull(token)).toEqual({ changes: [], cursor: 0, more: false });
      // A cursor taken from the other workspace reveals nothing either: it is unknown here, so the client is told to resync.
      expect(await pull(token, 1, 1000)).toEqual({ changes: [], cursor: 0, more: true, reset: true });
    }

    const xItem = newId("e");
    await pushOk(xMember.token, [actionItemUpsert(xItem, { text: "X work" })]);
    const xPage = await pull(xAdmin.token);
    expect(xPage.changes.map((c) => c.id)).toEqual([xItem]);
    expect(JSON.stringify(xPage)).not.toContain("Y only");

    const yPage = await pull(yAdmin.token);
    expect(yPage.changes.map((c) => c.id)).not.toContain(xItem);
    expect(yPage.changes).toHaveLength(2);
  });

  it("keeps an entity id used in both workspaces as two separate rows", async () => {
    const { xAdmin, yAdmin, yMember } = await twoWorkspaces();
    const sharedId = newId("e");
    await pushOk(yAdmin.token, [actionItemUpsert(sharedId, { text: "Y's item", priority: "urgent" })]);
    await pushOk(yMember.token, [actionItemUpsert(sharedId, { owner: "Yusuf" })]);
    const [yBefore] = await entityRow(yAdmin.workspace.id, sharedId);
    const ySeq = await workspaceSeq(yAdmin.workspace.id);

    // X edits "the same" item with only some fields: that is a new X item, not a merge over Y's.
    expectError(await push(xAdmin.token, [actionItemUpsert(sharedId, { status: "done" })]), 400, "invalid_mutation");
    expect(await entityRow(xAdmin.workspace.id, sharedId)).toEqual([]);

    const created = await pushOk(xAdmin.token, [actionItemUpsert(sharedId, { text: "X's item" })]);
    expect(created.results[0]).toMatchObject({ status: "applied", version: 1 });

    const [xRow] = await entityRow(xAdmin.workspace.id, sharedId);
    expect(xRow).toMatchObject({ version: 1, deleted: 0, created_by: xAdmin.member.id });
    expect(JSON.parse(xRow.data)).toMatchObject({ text: "X's item", priority: "medium", owner: null });
    expect(await entityRow(yAdmin.workspace.id, sharedId)).toEqual([yBefore]);
    expect(await workspaceSeq(yAdmin.workspace.id)).toBe(ySeq);

    // Deleting it in X leaves Y's alive.
    await pushOk(xAdmin.token, [actionItemDelete(sharedId)]);
    expect((await entityRow(xAdmin.workspace.id, sharedId))[0].deleted).toBe(1);
    expect(await entityRow(yAdmin.workspace.id, sharedId)).toEqual([yBefore]);
    const [yChange] = (await pull(yMember.token)).changes;
    expect(yChange).toMatchObject({ id: sharedId, deleted: false, data: { text: "Y's item", priority: "urgent", owner: "Yusuf" } });
  });

  it("does not let a delete reach into another workspace", async () => {
    const { xAdmin, yAdmin } = await twoWorkspaces();
    const yItem = newId("e");
    await pushOk(yAdmin.token, [actionItemUpsert(yItem, { text: "Keep me" })]);
    const [yBefore] = await entityRow(yAdmin.workspace.id, yItem);

    const answer = await pushOk(xAdmin.token, [actionItemDelete(yItem)]);
    expect(answer.results[0]).toMatchObject({ status: "gone" });
    expect(answer.results[0].version).toBeUndefined();
    expect(await entityRow(yAdmin.workspace.id, yItem)).toEqual([yBefore]);
    expect(await entityRow(xAdmin.workspace.id, yItem)).toEqual([]);
  });

  it("keeps mutation ids per workspace: an id used in Y is applied in X, not answered from Y's result", async () => {
    const { xAdmin, yAdmin } = await twoWorkspaces();
    const yMutation = actionItemUpsert(newId("e"), { text: "Y's mutation" });
    await pushOk(yAdmin.token, [actionItemUpsert(newId("e"), { text: "padding" }), yMutation]);

    const xMutation = actionItemUpsert(newId("e"), { text: "X's mutation" }, yMutation.id);
    const answer = await pushOk(xAdmin.token, [xMutation]);
    expect(answer.results).toEqual([
      { id: yMutation.id, entity: "action_item", entityId: xMutation.entityId, status: "applied", version: 1 },
    ]);
    expect(await rows("SELECT workspace_id FROM mutations WHERE id = ?1 ORDER BY workspace_id", yMutation.id)).toEqual(
      [{ workspace_id: xAdmin.workspace.id }, { workspace_id: yAdmin.workspace.id }].sort((a, b) =>
        a.workspace_id.localeCompare(b.workspace_id),
      ),
    );
  });

  it("shows only the token's own workspace in /v1/me and /v1/members", async () => {
    const { xAdmin, xMember, yAdmin, yMember } = await twoWorkspaces();
    for (const [session, admin, member, other] of [
      [xAdmin, xAdmin, xMember, [yAdmin, yMember]],
      [xMember, xAdmin, xMember, [yAdmin, yMember]],
      [yMember, yAdmin, yMember, [xAdmin, xMember]],
    ] as const) {
      const me = await call("/v1/me", { token: session.token });
      expect(me.json.workspace).toEqual(admin.workspace);
      expect(me.json.member.id).toBe(session.member.id);

      const listed = await call("/v1/members", { token: session.token });
      const ids = listed.json.members.map((m: { id: string }) => m.id).sort();
      expect(ids).toEqual([admin.member.id, member.member.id].sort());
      const text = JSON.stringify([me.json, listed.json]);
      for (const stranger of other) {
        expect(text).not.toContain(stranger.member.id);
        expect(text).not.toContain(stranger.member.name);
        expect(text).not.toContain(stranger.workspace.id);
      }
    }
  });

  it("does not let X's admin invite anyone into Y", async () => {
    const { xAdmin, yAdmin, yMember } = await twoWorkspaces();
    const before = await snapshot();

    // Naming another workspace is refused, not quietly ignored.
    for (const body of [
      { workspaceId: yAdmin.workspace.id },
      { workspace: yAdmin.workspace.id },
      { maxUses: 1, workspaceId: yAdmin.workspace.id },
    ]) {
      expectError(await call("/v1/invites", { token: xAdmin.token, body }), 400, "invalid_request");
    }
    expect(await snapshot()).toEqual(before);

    // An invite X's admin makes is an invite to X, whoever uses it.
    const code = await createInvite(xAdmin);
    const [invite] = await rows<{ workspace_id: string }>(
      "SELECT workspace_id FROM invites WHERE code_hash = ?1",
      await sha256Hex(normalizeInviteCode(code)),
    );
    expect(invite.workspace_id).toBe(xAdmin.workspace.id);
    const joined = await call("/v1/join", { token: yAdmin.token, body: { code, name: "Mallory", department: "Sales" } });
    expect(joined.status).toBe(201);
    expect(joined.json.workspace.id).toBe(xAdmin.workspace.id);
    const [member] = await rows<{ workspace_id: string; role: string }>(
      "SELECT workspace_id, role FROM members WHERE id = ?1",
      joined.json.member.id,
    );
    expect(member).toEqual({ workspace_id: xAdmin.workspace.id, role: "member" });

    const yMembers = await call("/v1/members", { token: yMember.token });
    expect(yMembers.json.members.map((m: { id: string }) => m.id).sort()).toEqual([yAdmin.member.id, yMember.member.id].sort());
    // Y's admin is still only Y's admin.
    expect((await call("/v1/me", { token: yAdmin.token })).json.workspace.id).toBe(yAdmin.workspace.id);
  });
});
