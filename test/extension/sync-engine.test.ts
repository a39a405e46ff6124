// The sync engine's answers to refusals: a stale edit of any kind becomes a conflict the user settles, a change the server did not take is listed, never dropped.
import { beforeEach, describe, expect, it } from "vitest";
import { ApiFailure, type SyncApi } from "../../extension/background/sync/api";
import { SyncEngine } from "../../extension/background/sync/engine";
import type { StoredSession } from "../../extension/common/session";
import { type Db, getKv, openStore, setKv } from "../../extension/store/db";
import { applyChanges, clearStore, dismissNotSaved, listRows, mutateLocal, peekOutbox, resolveConflict } from "../../extension/store/store";
import type { Change, PushRequest } from "../../shared/sync";

const session: StoredSession = {
  serverUrl: "https://liaison.example.com",
  token: "lsn_token_one_0000000000",
  workspace: { id: "ws-000000001", name: "Acme", createdAt: "2026-11-01T00:00:00Z" } as StoredSession["workspace"],
  member: { id: "member-pat-0001", name: "Pat Lee", department: "Product", role: "member" } as StoredSession["member"],
};
const actor = { memberId: session.member.id };
const meta = {
  createdBy: "member-ann-0001",
  createdAt: "2026-12-01T09:00:00Z",
  updatedBy: "member-ann-0001",
  updatedAt: "2026-12-02T09:00:00Z",
};
const risk = (version: number, fields: Record<string, unknown> = {}): Change => ({
  entity: "risk",
  id: "risk-0000001",
  version,
  deleted: false,
  data: {
    title: "Legal review slips",
    description: "",
    targets: [],
    likelihood: 3,
    impact: 4,
    status: "open",
    owner: "Bo Chen",
    ownerId: null,
    department: null,
    mitigation: "",
    contingency: "",
    reviewOn: null,
    ...fields,
  },
  meta,
});

/** A server that answers each push with `answer` (or applies it), and has nothing new to pull. */
function server(answer: (body: PushRequest) => ReturnType<SyncApi["push"]>): SyncApi & { pushes: PushRequest[] } {
  const pushes: PushRequest[] = [];
  return {
    pushes,
    push: async (_url, _token, body) => {
      pushes.push(body);
      return answer(body);
    },
    pull: async (_url, _token, since) => ({ changes: [], cursor: since, more: false }),
    members: async () => ({ members: [] }),
  };
}
const applied = (body: PushRequest) =>
  Promise.resolve({
    results: body.mutations.map((m) => ({ id: m.id, status: "applied" as const, entity: m.entity, entityId: m.entityId, version: 9 })),
    cursor: 9,
  });

let db: Db;
beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
  await setKv(db, "session", session);
});

describe("a stale edit of a risk", () => {
  /** I change the owner on version 1; Ann changed it to Cy Wang in version 2 first. */
  async function crossed() {
    await applyChanges(db, [risk(1)], 1);
    await mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "upsert", fields: { owner: "Dee Park" } }, actor);
    let first = true;
    const api = server(async (body) => {
      if (!first) return applied(body);
      first = false;
      throw new ApiFailure(409, "conflict", "Changed since", null, {
        mutationId: body.mutations[0].id,
        current: risk(2, { owner: "Cy Wang" }),
        fields: ["owner"],
      });
    });
    const status = await new SyncEngine(db, api).run();
    return { api, status };
  }

  it("names the version it was made on, so that the server can tell it is stale", async () => {
    await applyChanges(db, [risk(1)], 1);
    await mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "upsert", fields: { owner: "Dee Park" } }, actor);
    expect((await peekOutbox(db, 1))[0]).toMatchObject({ op: "upsert", baseVersion: 1 });
  });

  it("becomes a conflict with the fields changed there, and the row shows theirs meanwhile", async () => {
    const { api, status } = await crossed();
    expect(status.state).toBe("idle");
    expect(api.pushes).toHaveLength(1);
    expect(await peekOutbox(db, 10)).toEqual([]);
    const conflicts = (await getKv(db, "conflicts")) ?? [];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      entry: { entity: "risk", fields: { owner: "Dee Park" } },
      fields: ["owner"],
      current: { version: 2 },
    });
    expect((await listRows(db, "risk"))[0].data).toMatchObject({ owner: "Cy Wang" });
    expect(await getKv(db, "rejected")).toBeUndefined();
  });

  it("keep mine: sent again with their version as its base, and the row shows mine", async () => {
    await crossed();
    const [conflict] = (await getKv(db, "conflicts")) ?? [];
    await resolveConflict(db, conflict.entry.id, "mine", actor);
    expect(await getKv(db, "conflicts")).toEqual([]);
    expect(await peekOutbox(db, 10)).toEqual([expect.objectContaining({ op: "upsert", fields: { owner: "Dee Park" }, baseVersion: 2 })]);
    expect((await listRows(db, "risk"))[0].data).toMatchObject({ owner: "Dee Park" });
  });

  it("keep theirs: nothing is sent and the row takes the server's", async () => {
    await crossed();
    const [conflict] = (await getKv(db, "conflicts")) ?? [];
    await resolveConflict(db, conflict.entry.id, "theirs", actor);
    expect(await getKv(db, "conflicts")).toEqual([]);
    expect(await peekOutbox(db, 10)).toEqual([]);
    const [row] = await listRows(db, "risk");
    expect(row).toMatchObject({ version: 2, pending: 0, data: { owner: "Cy Wang" } });
  });
});

describe("a change the server does not take", () => {
  it("is listed when refused as gone (deleted elsewhere), with what it was, not dropped", async () => {
    await applyChanges(db, [risk(1)], 1);
    await mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "upsert", fields: { likelihood: 5 } }, actor);
    const api = server(async (body) => ({
      results: body.mutations.map((m) => ({ id: m.id, status: "gone" as const, entity: m.entity, entityId: m.entityId })),
      cursor: 2,
    }));
    await new SyncEngine(db, api).run();
    expect(await peekOutbox(db, 10)).toEqual([]);
    const rejected = (await getKv(db, "rejected")) ?? [];
    expect(rejected).toEqual([
      expect.objectContaining({ entity: "risk", op: "upsert", why: "gone", title: "Legal review slips", fields: { likelihood: 5 } }),
    ]);
    expect(await listRows(db, "risk")).toEqual([]);
    await dismissNotSaved(db, rejected[0].id);
    expect(await getKv(db, "rejected")).toEqual([]);
  });

  it("is listed when forbidden, the rest of the push goes on, and a refused delete brings the row back", async () => {
    await applyChanges(db, [risk(1)], 1);
    await mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "delete" }, actor);
    await mutateLocal(db, { entity: "action_item", entityId: "item-0000001", op: "upsert", fields: { text: "Call Legal" } }, actor);
    expect(await listRows(db, "risk")).toEqual([]);
    const api = server(async (body) => {
      const deletion = body.mutations.find((m) => m.op === "delete");
      if (deletion) throw new ApiFailure(403, "forbidden", "Only its author or an admin may delete it", null, { mutationId: deletion.id });
      return applied(body);
    });
    expect((await new SyncEngine(db, api).run()).state).toBe("idle");
    expect(api.pushes.map((push) => push.mutations.length)).toEqual([2, 1]);
    expect(api.pushes[1].mutations[0]).toMatchObject({ entity: "action_item" });
    expect(await peekOutbox(db, 10)).toEqual([]);
    expect(await getKv(db, "rejected")).toEqual([
      expect.objectContaining({ entity: "risk", op: "delete", why: "forbidden", title: "Legal review slips" }),
    ]);
    expect((await listRows(db, "risk"))[0]).toMatchObject({ id: "risk-0000001", data: { title: "Legal review slips" } });
  });
});

describe("a restore", () => {
  it("brings the row back here at once from its last data, and is queued like any change", async () => {
    await applyChanges(db, [risk(1)], 1);
    await mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "delete" }, actor);
    await peekOutbox(db, 10).then((entries) => Promise.all(entries.map((e) => db.delete("outbox", e.seq as number))));
    await applyChanges(db, [{ ...risk(2), deleted: true, data: null }], 2);
    expect(await listRows(db, "risk")).toEqual([]);
    await mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "restore" }, actor);
    expect((await listRows(db, "risk"))[0].data).toMatchObject({ title: "Legal review slips" });
    const [entry] = await peekOutbox(db, 10);
    expect(entry).toMatchObject({ entity: "risk", entityId: "risk-0000001", op: "restore" });
    expect(entry.fields).toBeUndefined();
    const api = server(applied);
    await new SyncEngine(db, api).run();
    expect(api.pushes[0].mutations[0]).toEqual({ id: entry.id, entity: "risk", entityId: "risk-0000001", op: "restore" });
  });

  it("is refused for a record that is not deleted", async () => {
    await applyChanges(db, [risk(1)], 1);
    await expect(mutateLocal(db, { entity: "risk", entityId: "risk-0000001", op: "restore" }, actor)).rejects.toThrow("not deleted");
  });
});
