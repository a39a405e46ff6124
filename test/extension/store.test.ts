import { beforeEach, describe, expect, it } from "vitest";
import { type Db, getKv, openStore } from "../../extension/store/db";
import {
  acknowledge,
  applyChanges,
  clearStore,
  InvalidChange,
  listRows,
  mutateLocal,
  peekOutbox,
  reject,
} from "../../extension/store/store";
import type { Change } from "../../shared/sync";

let db: Db;
const actor = { memberId: "member-pat-0001" };

beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
});

const change = (id: string, version: number, data: Record<string, unknown> | null, deleted = false): Change => ({
  entity: "action_item",
  id,
  version,
  deleted,
  data,
  meta: {
    createdBy: "member-sam-0002",
    createdAt: "2026-11-20T10:00:00Z",
    updatedBy: "member-sam-0002",
    updatedAt: "2026-11-20T10:00:00Z",
  },
});

const item = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
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
  ...extra,
});

describe("the local store", () => {
  it("shows a local change at once and queues it, in one step", async () => {
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "Call Legal" } }, actor);
    const [row] = await listRows(db, "action_item");
    expect(row).toMatchObject({ id: "item-0001", pending: 1, version: 0, data: { text: "Call Legal", status: "open" } });
    const outbox = await peekOutbox(db, 100);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "Call Legal" } });
  });

  it("refuses an invalid change and queues nothing", async () => {
    await expect(
      mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "x", due: "soon" } }, actor),
    ).rejects.toBeInstanceOf(InvalidChange);
    expect(await peekOutbox(db, 100)).toEqual([]);
    expect(await listRows(db, "action_item")).toEqual([]);
  });

  it("keeps unsent local edits on top of a teammate's change from a pull", async () => {
    await applyChanges(db, [change("item-0001", 3, item("Call Legal", { owner: "Sam Wu" }))], 3);
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { status: "done" } }, actor);
    await applyChanges(db, [change("item-0001", 5, item("Call Legal today", { owner: "Sam Wu" }))], 5);
    const [row] = await listRows(db, "action_item");
    expect(row.data).toMatchObject({ text: "Call Legal today", status: "done" });
    expect(await getKv(db, "cursor")).toBe(5);
  });

  it("settles on the server's data when the answer to a change was lost and a later change by someone else came first", async () => {
    await applyChanges(db, [change("item-0001", 3, item("Call Legal", { owner: "Sam Wu" }))], 3);
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { status: "done" } }, actor);
    const sent = await peekOutbox(db, 100);
    // The server took it as version 4, but its answer was lost; a teammate then reopened the item (version 5).
    await applyChanges(db, [change("item-0001", 5, item("Call Legal", { owner: "Sam Wu", status: "open" }))], 5);
    expect((await listRows(db, "action_item"))[0].data).toMatchObject({ status: "done" });
    // Sent again, it is answered as a duplicate of version 4: the row shows version 5 as the server has it.
    await acknowledge(db, sent, [{ id: sent[0].id, status: "duplicate", entity: "action_item", entityId: "item-0001", version: 4 }]);
    const [row] = await listRows(db, "action_item");
    expect(row).toMatchObject({ version: 5, pending: 0, data: { status: "open" } });
    expect(row).not.toHaveProperty("serverData");
  });

  it("keeps its own change when the server took it after the version the row holds", async () => {
    await applyChanges(db, [change("item-0001", 3, item("Call Legal"))], 3);
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { status: "done" } }, actor);
    const sent = await peekOutbox(db, 100);
    await applyChanges(db, [change("item-0001", 5, item("Call Legal today"))], 5);
    await acknowledge(db, sent, [{ id: sent[0].id, status: "applied", entity: "action_item", entityId: "item-0001", version: 6 }]);
    expect((await listRows(db, "action_item"))[0].data).toMatchObject({ text: "Call Legal today", status: "done" });
  });

  it("leaves a row alone when a pull brings an older version", async () => {
    await applyChanges(db, [change("item-0001", 5, item("new"))], 5);
    await applyChanges(db, [change("item-0001", 4, item("old"))], 5);
    expect((await listRows(db, "action_item"))[0].data).toMatchObject({ text: "new" });
  });

  it("removes acknowledged mutations and marks items the server says are gone", async () => {
    await applyChanges(db, [change("item-0001", 2, item("x"))], 2);
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { status: "done" } }, actor);
    const sent = await peekOutbox(db, 100);
    await acknowledge(db, sent, [{ id: sent[0].id, status: "gone", entity: "action_item", entityId: "item-0001" }]);
    expect(await peekOutbox(db, 100)).toEqual([]);
    expect(await listRows(db, "action_item")).toEqual([]);
  });

  it("keeps a local delete through a pull that predates it, and tombstones from teammates", async () => {
    await applyChanges(db, [change("item-0001", 2, item("a")), change("item-0002", 3, item("b"))], 3);
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "delete" }, actor);
    await applyChanges(db, [change("item-0001", 4, item("a edited")), change("item-0002", 5, null, true)], 5);
    expect(await listRows(db, "action_item")).toEqual([]);
  });

  it("sets a refused mutation aside with its reason instead of dropping it", async () => {
    await mutateLocal(db, { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "x" } }, actor);
    const [entry] = await peekOutbox(db, 1);
    await reject(db, entry, "too long");
    expect(await peekOutbox(db, 100)).toEqual([]);
    expect(await getKv(db, "rejected")).toEqual([expect.objectContaining({ id: entry.id, reason: "too long", fields: { text: "x" } })]);
  });
});
