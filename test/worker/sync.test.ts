import { describe, expect, it } from "vitest";
import type { Change } from "../../shared/sync";
import {
  actionItemDelete,
  actionItemUpsert,
  call,
  createWorkspace,
  expectError,
  joinWorkspace,
  newId,
  pull,
  push,
  pushOk,
  rows,
  snapshot,
  workspaceSeq,
} from "./helpers";

const defaults = {
  owner: null,
  ownerId: null,
  department: null,
  due: null,
  status: "open",
  priority: "medium",
  targets: [],
  source: null,
  meeting: null,
  goal: null,
  risk: null,
};

async function entityRows(workspaceId: string) {
  return rows<{ id: string; version: number; deleted: number; data: string }>(
    "SELECT id, version, deleted, data FROM entities WHERE workspace_id = ?1 ORDER BY version",
    workspaceId,
  );
}

async function mutationCount(workspaceId: string) {
  const [row] = await rows<{ n: number }>("SELECT COUNT(*) AS n FROM mutations WHERE workspace_id = ?1", workspaceId);
  return row.n;
}

describe("push: upsert", () => {
  it("creates an action item with the defaults filled in, and pull returns it", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const mutation = actionItemUpsert(itemId, { text: "  Send the notes  " });

    const pushed = await pushOk(admin.token, [mutation]);
    expect(pushed).toEqual({
      results: [{ id: mutation.id, entity: "action_item", entityId: itemId, status: "applied", version: 1 }],
      cursor: 1,
    });

    const expected = { ...defaults, text: "Send the notes" };
    const stored = await entityRows(admin.workspace.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: itemId, version: 1, deleted: 0 });
    expect(JSON.parse(stored[0].data)).toEqual(expected);
    expect(await workspaceSeq(admin.workspace.id)).toBe(1);

    const page = await pull(admin.token);
    expect(page).toEqual({
      changes: [
        {
          entity: "action_item",
          id: itemId,
          version: 1,
          deleted: false,
          data: expected,
          meta: { createdBy: admin.member.id, createdAt: expect.any(String), updatedBy: admin.member.id, updatedAt: expect.any(String) },
        },
      ],
      cursor: 1,
      more: false,
    });
  });

  it("keeps every field it is given", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const fields = {
      text: "Fix the login bug",
      owner: "Sam Wu",
      ownerId: "member-0001",
      department: "Engineering",
      due: "2026-03-31",
      status: "done",
      priority: "urgent",
      targets: ["github:acme/app#7", "jira:ACME-12"],
      source: {
        url: "https://github.com/acme/app/issues/7",
        title: "Login fails",
        selector: { type: "TextQuoteSelector", exact: "fails on Safari", prefix: "Login ", suffix: "." },
      },
      meeting: "meeting-0001",
      goal: "goal-000001",
      risk: "risk-000001",
    };
    await pushOk(admin.token, [actionItemUpsert(itemId, fields)]);
    const [change] = (await pull(admin.token)).changes;
    expect(change.data).toEqual(fields);
  });

  it("merges field by field: two members changing different fields both keep their change", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const itemId = newId("e");
    await pushOk(admin.token, [actionItemUpsert(itemId, { text: "Draft the plan" })]);

    const byAdmin = await pushOk(admin.token, [actionItemUpsert(itemId, { status: "done" })]);
    const byMember = await pushOk(member.token, [actionItemUpsert(itemId, { priority: "high", owner: "Sam Wu" })]);
    expect(byAdmin.results[0]).toMatchObject({ status: "applied", version: 2 });
    expect(byMember.results[0]).toMatchObject({ status: "applied", version: 3 });

    const stored = await entityRows(admin.workspace.id);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].data)).toEqual({ ...defaults, text: "Draft the plan", status: "done", priority: "high", owner: "Sam Wu" });

    const [change] = (await pull(admin.token)).changes;
    expect(change.version).toBe(3);
    expect(change.meta).toMatchObject({ createdBy: admin.member.id, updatedBy: member.member.id });
  });

  it("merges pushes that race each other without losing either", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const itemId = newId("e");
    await pushOk(admin.token, [actionItemUpsert(itemId, { text: "Race" })]);

    const fieldsByPush = [
      { token: admin.token, fields: { status: "done" } },
      { token: member.token, fields: { priority: "low" } },
      { token: admin.token, fields: { owner: "Ada" } },
      { token: member.token, fields: { due: "2026-12-24" } },
    ];
    const answers = await Promise.all(fieldsByPush.map(({ token, fields }) => pushOk(token, [actionItemUpsert(itemId, fields)])));

    const versions = answers.map((a) => a.results[0].version).sort();
    expect(versions).toEqual([2, 3, 4, 5]);
    expect(answers.every((a) => a.results[0].status === "applied")).toBe(true);
    expect(await workspaceSeq(admin.workspace.id)).toBe(5);
    const [row] = await entityRows(admin.workspace.id);
    expect(row.version).toBe(5);
    expect(JSON.parse(row.data)).toEqual({ ...defaults, text: "Race", status: "done", priority: "low", owner: "Ada", due: "2026-12-24" });
    expect(await rows("SELECT * FROM write_guard")).toEqual([]);
  });

  it("writes an item changed several times in one push once, at its last version", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const first = actionItemUpsert(itemId, { text: "One" });
    const second = actionItemUpsert(itemId, { text: "Two", priority: "low" });
    const pushed = await pushOk(admin.token, [first, second]);
    expect(pushed.results.map((r) => [r.id, r.status, r.version])).toEqual([
      [first.id, "applied", 2],
      [second.id, "applied", 2],
    ]);
    expect(pushed.cursor).toBe(2);
    const stored = await entityRows(admin.workspace.id);
    expect(stored.map((r) => [r.id, r.version])).toEqual([[itemId, 2]]);
    expect(JSON.parse(stored[0].data)).toMatchObject({ text: "Two", priority: "low" });
  });

  it("takes 100 mutations in one push", async () => {
    const admin = await createWorkspace();
    const mutations = Array.from({ length: 100 }, (_, i) => actionItemUpsert(newId("e"), { text: `Item ${i}` }));
    const pushed = await pushOk(admin.token, mutations);
    expect(pushed.results).toHaveLength(100);
    expect(pushed.results.every((r) => r.status === "applied")).toBe(true);
    expect(pushed.cursor).toBe(100);
    expect(await entityRows(admin.workspace.id)).toHaveLength(100);
    expect(await mutationCount(admin.workspace.id)).toBe(100);
  });
});

describe("push: replayed mutations", () => {
  it("applies a push sent twice once; the replay is answered duplicate with the first version", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const otherId = newId("e");
    const mutations = [actionItemUpsert(itemId, { text: "Once" }), actionItemUpsert(otherId, { text: "Only once" })];

    const first = await pushOk(admin.token, mutations);
    const afterFirst = await snapshot();
    const replay = await pushOk(admin.token, mutations);

    expect(replay.results).toEqual(first.results.map((r) => ({ ...r, status: "duplicate" })));
    expect(replay.cursor).toBe(first.cursor);
    expect(await snapshot()).toEqual(afterFirst);
    expect(await entityRows(admin.workspace.id)).toHaveLength(2);
  });

  it("refuses a replayed id whose fields differ, writing nothing of the push", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const original = actionItemUpsert(itemId, { text: "Original" });
    await pushOk(admin.token, [original]);
    const before = await snapshot();

    const replayed = { ...original, fields: { text: "Replayed", priority: "urgent" } };
    const fresh = actionItemUpsert(newId("e"), { text: "Fresh" });
    const refused = await push(admin.token, [replayed, fresh]);
    expectError(refused, 409, "mutation_reused");
    expect(refused.json.error.details).toEqual({ mutationId: original.id });
    expect(await snapshot()).toEqual(before);

    // Sent alone, the fresh mutation goes through; the original stays as it was.
    expect((await pushOk(admin.token, [fresh])).results[0].status).toBe("applied");
    const stored = await entityRows(admin.workspace.id);
    expect(JSON.parse(stored[0].data)).toMatchObject({ text: "Original", priority: "medium" });
    expect(await mutationCount(admin.workspace.id)).toBe(2);
  });

  it("takes a replay whose fields come in another key order as the same mutation", async () => {
    const admin = await createWorkspace();
    const original = actionItemUpsert(newId("e"), { text: "Same", priority: "high" });
    await pushOk(admin.token, [original]);
    const reordered = { ...original, fields: { priority: "high", text: "Same" } };
    expect((await pushOk(admin.token, [reordered])).results[0].status).toBe("duplicate");
  });

  it("applies an id repeated within one push once, and refuses one repeated with other fields", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const mutation = actionItemUpsert(itemId, { text: "Twice in a push" });
    const pushed = await pushOk(admin.token, [mutation, { ...mutation }]);
    expect(pushed.results.map((r) => r.status)).toEqual(["applied", "duplicate"]);
    expect(pushed.cursor).toBe(1);
    const stored = await entityRows(admin.workspace.id);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].data).text).toBe("Twice in a push");
    expect(await mutationCount(admin.workspace.id)).toBe(1);

    const before = await snapshot();
    const again = actionItemUpsert(newId("e"), { text: "First" });
    expectError(await push(admin.token, [again, { ...again, fields: { text: "Changed" } }]), 409, "mutation_reused");
    expect(await snapshot()).toEqual(before);
  });

  it("keeps mutation ids per member: another member's change under the same id is applied, not swallowed", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const mine = actionItemUpsert(newId("e"), { text: "Mine" });
    await pushOk(admin.token, [mine]);

    const theirs = actionItemUpsert(newId("e"), { text: "Theirs" }, mine.id);
    const answer = await pushOk(member.token, [theirs]);
    expect(answer.results).toEqual([{ id: mine.id, entity: "action_item", entityId: theirs.entityId, status: "applied", version: 2 }]);
    expect((await entityRows(admin.workspace.id)).map((row) => JSON.parse(row.data).text).sort()).toEqual(["Mine", "Theirs"]);
    expect(await mutationCount(admin.workspace.id)).toBe(2);

    // Each member's replay is still answered from their own first result.
    expect((await pushOk(member.token, [theirs])).results[0]).toMatchObject({ status: "duplicate", version: 2 });
    expect((await pushOk(admin.token, [mine])).results[0]).toMatchObject({ status: "duplicate", version: 1 });
  });
});

describe("pull", () => {
  it("pages by limit with a monotonic cursor, and has nothing new past the last cursor", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const ids = Array.from({ length: 5 }, () => newId("e"));
    await pushOk(admin.token, [actionItemUpsert(ids[0], { text: "0" }), actionItemUpsert(ids[1], { text: "1" })]);
    await pushOk(member.token, [actionItemUpsert(ids[2], { text: "2" })]);
    await pushOk(admin.token, [actionItemUpsert(ids[3], { text: "3" }), actionItemUpsert(ids[4], { text: "4" })]);

    const seen: Change[] = [];
    const pages: Array<{ count: number; cursor: number; more: boolean }> = [];
    let cursor = 0;
    for (let i = 0; i < 10; i++) {
      const page = await pull(member.token, cursor, 2);
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      pages.push({ count: page.changes.length, cursor: page.cursor, more: page.more });
      seen.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(pages).toEqual([
      { count: 2, cursor: 2, more: true },
      { count: 2, cursor: 4, more: true },
      { count: 1, cursor: 5, more: false },
    ]);
    expect(seen.map((c) => c.id)).toEqual(ids);
    expect(seen.map((c) => c.version)).toEqual([1, 2, 3, 4, 5]);

    expect(await pull(member.token, cursor)).toEqual({ changes: [], cursor, more: false });
    expect(await pull(member.token, cursor, 1)).toEqual({ changes: [], cursor, more: false });

    // A page exactly as large as what is left says there is no more.
    const exact = await pull(member.token, 3, 2);
    expect(exact.changes.map((c) => c.version)).toEqual([4, 5]);
    expect(exact.more).toBe(false);
  });

  it("returns each item once, at its latest version, and moves it past the cursor when it changes", async () => {
    const admin = await createWorkspace();
    const a = newId("e");
    const b = newId("e");
    await pushOk(admin.token, [actionItemUpsert(a, { text: "A" }), actionItemUpsert(b, { text: "B" })]);
    const first = await pull(admin.token);
    expect(first.cursor).toBe(2);

    await pushOk(admin.token, [actionItemUpsert(a, { status: "done" })]);
    const next = await pull(admin.token, first.cursor);
    expect(next.changes.map((c) => [c.id, c.version, c.data?.status])).toEqual([[a, 3, "done"]]);
    expect(next.cursor).toBe(3);

    const all = await pull(admin.token);
    expect(all.changes.map((c) => [c.id, c.version])).toEqual([
      [b, 2],
      [a, 3],
    ]);
  });

  it("sends every change's data exactly as stored, whatever its text holds, on pages of any size", async () => {
    const admin = await createWorkspace();
    // Text that looks like the page's own joints: line breaks, commas, braces and a change's start.
    const texts = ['Line one\nline two,\n{"version":99,"entity":"risk"}', 'Tab\there \\ and "quotes"', "Last, plain"];
    const ids = texts.map(() => newId("e"));
    await pushOk(
      admin.token,
      texts.map((text, i) => actionItemUpsert(ids[i], { text })),
    );
    for (const limit of [1, 2, 3]) {
      const seen: Change[] = [];
      let cursor = 0;
      for (;;) {
        const page = await pull(admin.token, cursor, limit);
        seen.push(...page.changes);
        if (page.more) expect(page.cursor).toBe(page.changes.at(-1)?.version);
        cursor = page.cursor;
        if (!page.more) break;
      }
      expect(seen.map((change) => [change.id, change.version, change.data?.text])).toEqual(texts.map((text, i) => [ids[i], i + 1, text]));
    }
  });

  it("uses the default limit when none is given", async () => {
    const admin = await createWorkspace();
    const page = await call("/v1/sync/pull", { token: admin.token });
    expect(page.status).toBe(200);
    expect(page.json).toEqual({ changes: [], cursor: 0, more: false });
  });
});

describe("delete", () => {
  it("leaves a tombstone that pull returns, and a later upsert is answered gone and does not resurrect it", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const itemId = newId("e");
    await pushOk(admin.token, [actionItemUpsert(itemId, { text: "Doomed", owner: "Ada" })]);
    const cursor = (await pull(member.token)).cursor;

    const removal = actionItemDelete(itemId);
    const deleted = await pushOk(admin.token, [removal]);
    expect(deleted.results).toEqual([{ id: removal.id, entity: "action_item", entityId: itemId, status: "applied", version: 2 }]);

    const stored = await entityRows(admin.workspace.id);
    expect(stored).toEqual([{ id: itemId, version: 2, deleted: 1, data: expect.any(String) }]);
    expect(stored[0].data).not.toContain("Doomed");

    const page = await pull(member.token, cursor);
    expect(page.changes).toEqual([
      {
        entity: "action_item",
        id: itemId,
        version: 2,
        deleted: true,
        data: null,
        meta: { createdBy: admin.member.id, createdAt: expect.any(String), updatedBy: admin.member.id, updatedAt: expect.any(String) },
      },
    ]);

    const before = await snapshot();
    const revive = actionItemUpsert(itemId, { text: "Back again" });
    const answer = await pushOk(member.token, [revive]);
    expect(answer.results).toEqual([{ id: revive.id, entity: "action_item", entityId: itemId, status: "gone", version: 2 }]);
    const after = await snapshot();
    expect(after.entities).toEqual(before.entities);
    expect(after.workspaces).toEqual(before.workspaces);
    expect(await pull(member.token, page.cursor)).toEqual({ changes: [], cursor: page.cursor, more: false });
    const [tombstone] = (await pull(member.token)).changes;
    expect(tombstone).toMatchObject({ id: itemId, deleted: true, data: null, version: 2 });

    // Replaying the refused upsert answers the same, still changing nothing.
    const replay = await pushOk(member.token, [revive]);
    expect(replay.results).toEqual([{ ...answer.results[0], status: "duplicate" }]);
    expect((await snapshot()).entities).toEqual(before.entities);
  });

  it("answers gone for an item that never existed or is already deleted, writing no entity", async () => {
    const admin = await createWorkspace();
    const ghost = newId("e");
    const never = await pushOk(admin.token, [actionItemDelete(ghost)]);
    expect(never.results[0]).toMatchObject({ entityId: ghost, status: "gone" });
    expect(await entityRows(admin.workspace.id)).toEqual([]);

    const itemId = newId("e");
    await pushOk(admin.token, [actionItemUpsert(itemId, { text: "Short-lived" })]);
    await pushOk(admin.token, [actionItemDelete(itemId)]);
    const before = await entityRows(admin.workspace.id);
    const again = await pushOk(admin.token, [actionItemDelete(itemId)]);
    expect(again.results[0]).toMatchObject({ status: "gone", version: before[0].version });
    expect(await entityRows(admin.workspace.id)).toEqual(before);
  });

  it("keeps an item created and deleted in one push deleted, and refuses an upsert after it in the same push", async () => {
    const admin = await createWorkspace();
    const itemId = newId("e");
    const pushed = await pushOk(admin.token, [
      actionItemUpsert(itemId, { text: "Blink" }),
      actionItemDelete(itemId),
      actionItemUpsert(itemId, { text: "Blink again" }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(["applied", "applied", "gone"]);
    const stored = await entityRows(admin.workspace.id);
    expect(stored).toHaveLength(1);
    expect(stored[0].deleted).toBe(1);
    const [change] = (await pull(admin.token)).changes;
    expect(change).toMatchObject({ id: itemId, deleted: true, data: null });
  });
});
