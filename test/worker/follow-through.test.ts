// Follow-through on shared records: who may delete, the trash and restore, every record's history, and stale edits of every kind refused with the fields that clash.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Mutation } from "../../shared/sync";
import { purgeExpired } from "../../worker/maintenance";
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
} from "./helpers";

const day = 24 * 60 * 60 * 1000;

const restoreOf = (entity: string, entityId: string, id = newId()) => ({ id, entity, entityId, op: "restore" }) as Mutation;
const upsertOf = (entity: string, entityId: string, fields: Record<string, unknown>, baseVersion?: number) =>
  ({ id: newId(), entity, entityId, op: "upsert", fields, ...(baseVersion === undefined ? {} : { baseVersion }) }) as Mutation;
const deleteOf = (entity: string, entityId: string) => ({ id: newId(), entity, entityId, op: "delete" }) as Mutation;

async function team() {
  const admin = await createWorkspace("Acme", { name: "Ada Admin", department: "Product" });
  const author = await joinWorkspace(admin, { name: "Aki Author", department: "Engineering" });
  const other = await joinWorkspace(admin, { name: "Olu Other", department: "Legal" });
  return { admin, author, other };
}

const trashOf = async (token: string) => {
  const answer = await call("/v1/trash", { token });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json.items as Array<{ entity: string; id: string; data: Record<string, unknown>; deletedBy: string }>;
};

const historyOf = (token: string, entity: string, id: string) => call(`/v1/history/${entity}/${id}`, { token });

/** Ages a delete in the database, as if it happened `days` ago. */
const ageDelete = (workspaceId: string, id: string, days: number) =>
  rows(
    "UPDATE entities SET updated_at = ?1 WHERE workspace_id = ?2 AND id = ?3",
    new Date(Date.now() - days * day).toISOString(),
    workspaceId,
    id,
  );

/** A teammate's live socket, taking the cursor messages the workspace's room sends. */
async function listen(token: string) {
  const response = await exports.default.fetch("http://liaison.test/v1/live", {
    headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `liaison.v1, bearer.${token}` },
  });
  const socket = response.webSocket;
  if (!socket) throw new Error(`no WebSocket: ${response.status}`);
  const cursors: number[] = [];
  socket.addEventListener("message", (event) => {
    cursors.push(JSON.parse(event.data as string).cursor);
  });
  const closed = new Promise((resolve) => socket.addEventListener("close", resolve));
  socket.accept();
  return {
    async reaches(cursor: number) {
      for (const deadline = Date.now() + 3000; !cursors.includes(cursor); await new Promise((r) => setTimeout(r, 20)))
        if (Date.now() > deadline) throw new Error(`cursor ${cursor} never came (got ${cursors})`);
    },
    async close() {
      socket.close(1000, "done");
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500))]);
    },
  };
}

describe("who may delete a shared record", () => {
  it("refuses a member who is neither its author nor an admin (403, nothing written); its author and admins may", async () => {
    const { admin, author, other } = await team();
    const [mine, adminsPick] = [newId("e"), newId("e")];
    await pushOk(author.token, [
      actionItemUpsert(mine, { text: "Ship the fix" }),
      actionItemUpsert(adminsPick, { text: "Plan the launch" }),
    ]);

    const before = await snapshot();
    const refused = actionItemDelete(mine);
    const answer = await push(other.token, [actionItemUpsert(newId("e"), { text: "Pushed alongside" }), refused]);
    expectError(answer, 403, "forbidden");
    expect(answer.json.error.details).toEqual({ mutationId: refused.id });
    expect(await snapshot()).toEqual(before);
    // Editing is still everyone's.
    expect((await pushOk(other.token, [actionItemUpsert(mine, { owner: "Olu" })])).results[0].status).toBe("applied");

    expect((await pushOk(author.token, [actionItemDelete(mine)])).results[0].status).toBe("applied");
    expect((await pushOk(admin.token, [actionItemDelete(adminsPick)])).results[0].status).toBe("applied");
    const changes = (await pull(other.token)).changes;
    expect(changes.map((c) => [c.id, c.deleted, c.data])).toEqual(
      expect.arrayContaining([
        [mine, true, null],
        [adminsPick, true, null],
      ]),
    );
  });
});

describe("the trash and restore", () => {
  it("lists the author's delete, and brings it back as a new version every teammate pulls and hears of", async () => {
    const { admin, author, other } = await team();
    const itemId = newId("e");
    await pushOk(author.token, [actionItemUpsert(itemId, { text: "Renew the certificate", owner: "Aki", priority: "high" })]);
    const deleted = await pushOk(author.token, [actionItemDelete(itemId)]);
    const deletedVersion = deleted.results[0].version as number;

    // Pulls still send the tombstone bare.
    const tombstone = (await pull(other.token)).changes.find((c) => c.id === itemId);
    expect(tombstone).toMatchObject({ deleted: true, data: null, version: deletedVersion });

    const listed = await trashOf(author.token);
    expect(listed).toEqual([
      {
        entity: "action_item",
        id: itemId,
        data: expect.objectContaining({ text: "Renew the certificate", owner: "Aki", priority: "high" }),
        deletedAt: expect.any(String),
        deletedBy: author.member.id,
        deletedByName: "Aki Author",
      },
    ]);
    expect(await trashOf(other.token)).toEqual([]);
    expect((await trashOf(admin.token)).map((item) => item.id)).toEqual([itemId]);

    const cursor = (await pull(other.token)).cursor;
    const live = await listen(other.token);
    try {
      const restore = restoreOf("action_item", itemId);
      const restored = await pushOk(author.token, [restore]);
      expect(restored.results).toEqual([
        { id: restore.id, entity: "action_item", entityId: itemId, status: "applied", version: deletedVersion + 1 },
      ]);
      await live.reaches(deletedVersion + 1);
    } finally {
      await live.close();
    }
    const page = await pull(other.token, cursor);
    expect(page.changes).toEqual([
      expect.objectContaining({
        id: itemId,
        version: deletedVersion + 1,
        deleted: false,
        data: expect.objectContaining({ text: "Renew the certificate", owner: "Aki", priority: "high" }),
        meta: expect.objectContaining({ createdBy: author.member.id, updatedBy: author.member.id }),
      }),
    ]);
    expect(await trashOf(author.token)).toEqual([]);
    // Restored, it is an ordinary record again: edited by anyone.
    expect((await pushOk(other.token, [actionItemUpsert(itemId, { status: "done" })])).results[0].status).toBe("applied");
  });

  it("lets an admin restore anyone's delete; refuses anyone else (403, nothing written)", async () => {
    const { admin, author, other } = await team();
    const itemId = newId("e");
    await pushOk(author.token, [actionItemUpsert(itemId, { text: "Call the vendor" })]);
    await pushOk(admin.token, [actionItemDelete(itemId)]);

    const before = await snapshot();
    const refused = restoreOf("action_item", itemId);
    const answer = await push(other.token, [refused]);
    expectError(answer, 403, "forbidden");
    expect(answer.json.error.details).toEqual({ mutationId: refused.id });
    expect(await snapshot()).toEqual(before);

    expect((await pushOk(admin.token, [restoreOf("action_item", itemId)])).results[0].status).toBe("applied");
    expect((await pull(other.token)).changes.find((c) => c.id === itemId)).toMatchObject({
      deleted: false,
      data: { text: "Call the vendor" },
    });
  });

  it("answers gone for a live, unknown or long-deleted record, and after the daily purge; an upsert still never revives", async () => {
    const { admin, author } = await team();
    const [live, aged, purged] = [newId("e"), newId("e"), newId("e")];
    await pushOk(author.token, [
      actionItemUpsert(live, { text: "Alive" }),
      actionItemUpsert(aged, { text: "Deleted long ago" }),
      actionItemUpsert(purged, { text: "Purged" }),
    ]);
    await pushOk(author.token, [actionItemDelete(aged), actionItemDelete(purged)]);
    expect((await pushOk(author.token, [actionItemUpsert(aged, { text: "Back?" })])).results[0].status).toBe("gone");

    const notDeleted = await pushOk(author.token, [restoreOf("action_item", live), restoreOf("action_item", newId("e"))]);
    expect(notDeleted.results.map((r) => r.status)).toEqual(["gone", "gone"]);

    await ageDelete(admin.workspace.id, aged, 31);
    expect((await trashOf(author.token)).map((item) => item.id)).toEqual([purged]);
    const before = await snapshot();
    expect((await pushOk(author.token, [restoreOf("action_item", aged)])).results[0]).toMatchObject({ status: "gone" });
    expect((await snapshot()).entities).toEqual(before.entities);

    // The daily purge, 31 days on: the kept data goes, the tombstone stays for pulls.
    await purgeExpired(env.DB, new Date(Date.now() + 31 * day));
    const [stored] = await rows<{ deleted: number; data: string; restorable_data: string | null }>(
      "SELECT deleted, data, restorable_data FROM entities WHERE workspace_id = ?1 AND id = ?2",
      admin.workspace.id,
      purged,
    );
    expect(stored).toEqual({ deleted: 1, data: "{}", restorable_data: null });
    expect((await pushOk(admin.token, [restoreOf("action_item", purged)])).results[0]).toMatchObject({ status: "gone" });
    expect(await trashOf(admin.token)).toEqual([]);
    expect((await pull(author.token)).changes.find((c) => c.id === purged)).toMatchObject({ deleted: true, data: null });
    // The history is kept as long as the record: it goes with the tombstone, 90 days on.
    const historyRows = () => rows("SELECT version FROM history WHERE workspace_id = ?1 AND entity_id = ?2", admin.workspace.id, purged);
    expect(await historyRows()).toHaveLength(2);
    await purgeExpired(env.DB, new Date(Date.now() + 91 * day));
    expect(await historyRows()).toEqual([]);
    expectError(await historyOf(author.token, "action_item", purged), 404, "not_found");
  });

  it("refuses fields on a restore (400)", async () => {
    const { author } = await team();
    const answer = await push(author.token, [{ ...restoreOf("action_item", newId("e")), fields: { text: "x" } }]);
    expectError(answer, 400, "invalid_request");
  });
});

describe("history", () => {
  it("records create, field edits, delete and restore, newest first, with who (their name at the time) and old and new values", async () => {
    const { admin, author, other } = await team();
    const riskId = newId("r");
    await pushOk(author.token, [upsertOf("risk", riskId, { title: "Vendor lock-in", likelihood: 2, impact: 4 })]);
    await pushOk(other.token, [upsertOf("risk", riskId, { likelihood: 4, mitigation: "Second supplier" })]);
    await call("/v1/me", { method: "PATCH", token: other.token, body: { name: "Olu Renamed" } });
    await pushOk(author.token, [deleteOf("risk", riskId)]);
    await pushOk(admin.token, [restoreOf("risk", riskId)]);

    const answer = await historyOf(other.token, "risk", riskId);
    expect(answer.status).toBe(200);
    const entries = answer.json.entries;
    expect(entries.map((entry: { op: string }) => entry.op)).toEqual(["restore", "delete", "update", "create"]);
    const versions = entries.map((entry: { version: number }) => entry.version);
    expect([...versions].sort((a, b) => b - a)).toEqual(versions);
    expect(entries[0]).toEqual({
      version: versions[0],
      at: expect.any(String),
      memberId: admin.member.id,
      memberName: "Ada Admin",
      op: "restore",
      changes: [],
    });
    expect(entries[1]).toMatchObject({ memberId: author.member.id, memberName: "Aki Author", op: "delete", changes: [] });
    expect(entries[2]).toMatchObject({ memberId: other.member.id, memberName: "Olu Other", op: "update" });
    expect(entries[2].changes).toEqual(
      expect.arrayContaining([
        { field: "likelihood", old: 2, new: 4 },
        { field: "mitigation", old: "", new: "Second supplier" },
      ]),
    );
    expect(entries[2].changes).toHaveLength(2);
    expect(entries[3]).toMatchObject({ memberId: author.member.id, op: "create" });
    expect(entries[3].changes).toEqual(
      expect.arrayContaining([
        { field: "title", old: null, new: "Vendor lock-in" },
        { field: "likelihood", old: null, new: 2 },
        { field: "impact", old: null, new: 4 },
        { field: "status", old: null, new: "open" },
      ]),
    );
    // Every field of the new record, each from nothing.
    const pulled = (await pull(admin.token)).changes.find((c) => c.id === riskId);
    expect(entries[3].changes.map((change: { field: string }) => change.field).sort()).toEqual(Object.keys(pulled?.data ?? {}).sort());
    expect(entries[3].changes.every((change: { old: unknown }) => change.old === null)).toBe(true);
  });

  it("answers 404 for unknown ids and another workspace's records, 400 for what is not a record address", async () => {
    const { admin } = await team();
    const elsewhere = await createWorkspace("Elsewhere", { name: "Eve Else", department: "Ops" });
    const theirs = newId("e");
    await pushOk(elsewhere.token, [actionItemUpsert(theirs, { text: "Elsewhere only" })]);
    expect((await historyOf(elsewhere.token, "action_item", theirs)).status).toBe(200);

    const leaked = await historyOf(admin.token, "action_item", theirs);
    expectError(leaked, 404, "not_found");
    expect(leaked.text).not.toContain("Elsewhere only");
    expectError(await historyOf(admin.token, "action_item", newId("e")), 404, "not_found");
    expectError(await historyOf(admin.token, "bogus", newId("e")), 400, "invalid_request");
    expectError(await historyOf(admin.token, "action_item", "no"), 400, "invalid_request");
    expectError(await call(`/v1/history/action_item/${theirs}`), 401, "unauthorized");
    expectError(await call("/v1/trash"), 401, "unauthorized");
  });
});

describe("isolation of the trash and history", () => {
  it("never shows another workspace's deletes, nor another member's private annotation, even to an admin", async () => {
    const { admin, author } = await team();
    const elsewhere = await createWorkspace("Elsewhere", { name: "Eve Else", department: "Ops" });
    const theirs = newId("e");
    await pushOk(elsewhere.token, [actionItemUpsert(theirs, { text: "Elsewhere secret" })]);
    await pushOk(elsewhere.token, [actionItemDelete(theirs)]);

    const note = newId("n");
    const privateNote = { url: "https://docs.example.com/plan", body: "My private doubt", visibility: "private" };
    await pushOk(author.token, [upsertOf("annotation", note, privateNote)]);
    await pushOk(author.token, [upsertOf("annotation", note, { body: "Still private" })]);

    // History: the author's alone.
    expect((await historyOf(author.token, "annotation", note)).json.entries).toHaveLength(2);
    const hidden = await historyOf(admin.token, "annotation", note);
    expectError(hidden, 404, "not_found");
    expect(hidden.text).not.toContain("private doubt");

    await pushOk(author.token, [deleteOf("annotation", note)]);
    expect((await trashOf(author.token)).map((item) => item.id)).toEqual([note]);
    const adminTrash = JSON.stringify(await trashOf(admin.token));
    expect(adminTrash).not.toContain(note);
    expect(adminTrash).not.toContain("Elsewhere secret");
    expect((await trashOf(elsewhere.token)).map((item) => item.id)).toEqual([theirs]);
    expectError(await historyOf(admin.token, "annotation", note), 404, "not_found");

    // Restoring another workspace's delete finds nothing; another member's private note is not an admin's to restore.
    expect((await pushOk(admin.token, [restoreOf("action_item", theirs)])).results[0]).toMatchObject({ status: "gone" });
    expectError(await push(admin.token, [restoreOf("annotation", note)]), 403, "forbidden");
    expect((await pushOk(author.token, [restoreOf("annotation", note)])).results[0].status).toBe("applied");
    expect((await pull(admin.token)).changes.map((c) => c.id)).not.toContain(note);
  });
});

describe("stale edits of every kind", () => {
  it("refuses an edit from an older version when someone changed one of its fields since (409 with the row and the fields)", async () => {
    const { admin, author, other } = await team();
    const cases: Array<{
      entity: string;
      id: string;
      create: Record<string, unknown>;
      theirs: Record<string, unknown>;
      mine: Record<string, unknown>;
    }> = [
      {
        entity: "action_item",
        id: newId("e"),
        create: { text: "Draft", owner: "Aki" },
        theirs: { text: "Final" },
        mine: { text: "Mine", priority: "low" },
      },
      { entity: "risk", id: newId("r"), create: { title: "Churn", likelihood: 2, impact: 3 }, theirs: { impact: 5 }, mine: { impact: 1 } },
      {
        entity: "decision",
        id: newId("d"),
        create: { text: "Use Postgres" },
        theirs: { decidedBy: "Ada" },
        mine: { decidedBy: "Aki", text: "Use Postgres" },
      },
      {
        entity: "meeting",
        id: newId("m"),
        create: { title: "Weekly", date: "2026-12-01" },
        theirs: { notes: "Agreed" },
        mine: { notes: "Disagreed" },
      },
    ];
    for (const c of cases) {
      const created = await pushOk(author.token, [upsertOf(c.entity, c.id, c.create)]);
      const base = created.results[0].version as number;
      await pushOk(other.token, [upsertOf(c.entity, c.id, c.theirs)]);

      const before = await snapshot();
      const stale = upsertOf(c.entity, c.id, c.mine, base);
      const answer = await push(author.token, [stale]);
      expectError(answer, 409, "conflict");
      const current = (await pull(admin.token)).changes.find((change) => change.id === c.id);
      expect(answer.json.error.details).toEqual({ mutationId: stale.id, current, fields: Object.keys(c.theirs) });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("merges an edit from an older version whose fields nobody else changed, or changed to what it sends; without baseVersion as before", async () => {
    const { author, other } = await team();
    const itemId = newId("e");
    const base = (await pushOk(author.token, [actionItemUpsert(itemId, { text: "Draft" })])).results[0].version as number;
    await pushOk(other.token, [actionItemUpsert(itemId, { owner: "Olu", text: "Agreed text" })]);

    const merged = await pushOk(author.token, [upsertOf("action_item", itemId, { priority: "high", text: "Agreed text" }, base)]);
    expect(merged.results[0].status).toBe("applied");
    // One's own later edits do not clash with one's stale base.
    expect((await pushOk(author.token, [upsertOf("action_item", itemId, { priority: "low" }, base)])).results[0].status).toBe("applied");
    expect((await pushOk(author.token, [actionItemUpsert(itemId, { owner: "Aki" })])).results[0].status).toBe("applied");
    const row = (await pull(other.token)).changes.find((c) => c.id === itemId);
    expect(row?.data).toMatchObject({ text: "Agreed text", owner: "Aki", priority: "low" });
  });

  it("keeps the annotation rule: any stale baseVersion is 409, with the row", async () => {
    const { author } = await team();
    const note = newId("n");
    const created = await pushOk(author.token, [upsertOf("annotation", note, { url: "https://docs.example.com/plan", body: "One" })]);
    await pushOk(author.token, [upsertOf("annotation", note, { tags: ["later"] })]);
    const stale = upsertOf("annotation", note, { body: "Two" }, created.results[0].version);
    const answer = await push(author.token, [stale]);
    expectError(answer, 409, "conflict");
    expect(answer.json.error.details).toMatchObject({
      mutationId: stale.id,
      current: expect.objectContaining({ id: note }),
      fields: ["body"],
    });
  });
});
