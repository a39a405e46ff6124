import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openStore } from "../../../extension/store/db";
import { clearStore, listRows, mutateLocal, peekOutbox } from "../../../extension/store/store";

let db: Db;
const actor = { memberId: "member-sam-0001" };

beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
});

describe("the local store, for a record's details", () => {
  it("takes back a delete undone: the row returns with its data and the restore joins the outbox", async () => {
    const fields = { text: "Send the DPA", priority: "high" };
    await mutateLocal(db, { entity: "action_item", entityId: "action-0001", op: "upsert", fields }, actor);
    const [before] = await listRows(db, "action_item");
    await mutateLocal(db, { entity: "action_item", entityId: "action-0001", op: "delete" }, actor);
    expect(await listRows(db, "action_item")).toEqual([]);

    await mutateLocal(db, { entity: "action_item", entityId: "action-0001", op: "restore", fields: before.data ?? {} }, actor);
    const [after] = await listRows(db, "action_item");
    expect(after.data).toEqual(before.data);
    expect(after.deleted).toBe(false);
    expect((await peekOutbox(db, 10)).map((entry) => entry.op)).toEqual(["upsert", "delete", "restore"]);
  });

  it("still refuses an edit of a deleted record", async () => {
    await mutateLocal(db, { entity: "action_item", entityId: "action-0002", op: "upsert", fields: { text: "x" } }, actor);
    await mutateLocal(db, { entity: "action_item", entityId: "action-0002", op: "delete" }, actor);
    await expect(
      mutateLocal(db, { entity: "action_item", entityId: "action-0002", op: "upsert", fields: { text: "y" } }, actor),
    ).rejects.toThrow("deleted");
  });

  it("sends an edit with the version its form was opened from", async () => {
    await mutateLocal(
      db,
      { entity: "risk", entityId: "risk-000001", op: "upsert", fields: { title: "Late", likelihood: 2, impact: 2 } },
      actor,
    );
    await mutateLocal(db, { entity: "risk", entityId: "risk-000001", op: "upsert", fields: { impact: 4 }, baseVersion: 3 }, actor);
    const entries = await peekOutbox(db, 10);
    expect(entries[0].baseVersion).toBeUndefined();
    expect(entries[1].baseVersion).toBe(3);
  });
});
