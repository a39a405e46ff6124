import { beforeEach, describe, expect, it } from "vitest";
import { keepTrackerReading } from "../../extension/background/tracker-says";
import { type Db, openStore } from "../../extension/store/db";
import { applyChanges, clearStore, listRows, mutateLocal, peekOutbox } from "../../extension/store/store";
import { today } from "../../extension/ui/i18n";
import type { Change } from "../../shared/sync";

// What the tracker says, kept in the local store: only for items with records (only those reach the outbox, and so the server), once per change, one row per item.

const recorded = "github:acme/app#7";
const browsed = "github:acme/app#9";
const actor = { memberId: "member-pat-0001" };
const closed = { title: "Checkout times out for EU customers", state: "Closed", assignees: ["sam-ops"] };

let db: Db;
const save = async (change: Parameters<typeof mutateLocal>[1]) => {
  await mutateLocal(db, change, actor);
  return change.entityId;
};

beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
  await mutateLocal(
    db,
    { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "Tell support", targets: [recorded] } },
    actor,
  );
});

const trackerEntries = async () => (await peekOutbox(db, 100)).filter((entry) => entry.entity === "tracker_item");

describe("keeping what the tracker says", () => {
  it("keeps and sends nothing for an item no record is about: the server never learns what a member browses", async () => {
    expect(await keepTrackerReading(db, save, { keys: [browsed], ...closed })).toBe(0);
    expect(await listRows(db, "tracker_item")).toEqual([]);
    expect(await trackerEntries()).toEqual([]);
    expect(JSON.stringify(await peekOutbox(db, 100))).not.toContain("acme/app#9");
  });

  it("keeps an item's title, state, assignees and the day it was first seen closed, when a record is about it, for sync", async () => {
    expect(await keepTrackerReading(db, save, { keys: [browsed, recorded], ...closed })).toBe(1);
    const [row] = await listRows(db, "tracker_item");
    expect(row.data).toEqual({ target: recorded, ...closed, status: "closed", closedOn: today() });
    const [entry] = await trackerEntries();
    expect(entry).toMatchObject({ entity: "tracker_item", entityId: row.id, op: "upsert" });
    expect(entry.fields).toMatchObject({ target: recorded, title: closed.title, status: "closed" });
  });

  it("writes nothing when the page says what the row says, or shows nothing yet", async () => {
    await keepTrackerReading(db, save, { keys: [recorded], ...closed });
    expect(await keepTrackerReading(db, save, { keys: [recorded], ...closed })).toBe(0);
    expect(await keepTrackerReading(db, save, { keys: [recorded], title: "", state: "", assignees: [] })).toBe(0);
    expect(await trackerEntries()).toHaveLength(1);
    expect((await listRows(db, "tracker_item"))[0].data).toMatchObject({ title: closed.title, state: "Closed" });
  });

  it("sends only what changed, reopened clears the closing day, and a title alone leaves the state be", async () => {
    await keepTrackerReading(db, save, { keys: [recorded], ...closed });
    await keepTrackerReading(db, save, { keys: [recorded], ...closed, state: "Reopened", assignees: [] });
    expect((await trackerEntries())[1].fields).toEqual({
      target: recorded,
      state: "Reopened",
      status: "open",
      assignees: [],
      closedOn: null,
    });
    await keepTrackerReading(db, save, { keys: [recorded], title: "Checkout times out in the EU", state: "", assignees: [] });
    expect((await listRows(db, "tracker_item"))[0].data).toMatchObject({ title: "Checkout times out in the EU", state: "Reopened" });
  });

  it("puts every browser's reading of an item on one row, sent without a base version so that a teammate's newer reading never conflicts", async () => {
    await keepTrackerReading(db, save, { keys: [recorded], ...closed });
    const [mine] = await listRows(db, "tracker_item");
    const other = await openStore("liaison-teammate");
    await clearStore(other);
    await mutateLocal(
      other,
      { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "x", targets: [recorded] } },
      actor,
    );
    await keepTrackerReading(other, (change) => mutateLocal(other, change, actor).then(() => change.entityId), {
      keys: [recorded],
      ...closed,
    });
    expect((await listRows(other, "tracker_item"))[0].id).toBe(mine.id);

    // The teammate's reading, pulled: this browser's next one names no version it was made on.
    const pulled: Change = {
      entity: "tracker_item",
      id: mine.id,
      version: 9,
      deleted: false,
      data: { target: recorded, ...closed, status: "closed", closedOn: "2026-11-30" },
      meta: {
        createdBy: "member-sam-0002",
        createdAt: "2026-11-30T10:00:00Z",
        updatedBy: "member-sam-0002",
        updatedAt: "2026-11-30T10:00:00Z",
      },
    };
    await clearStore(db);
    await mutateLocal(
      db,
      { entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "x", targets: [recorded] } },
      actor,
    );
    await applyChanges(db, [pulled], 9);
    await keepTrackerReading(db, save, { keys: [recorded], ...closed, state: "Reopened" });
    const [entry] = await trackerEntries();
    expect(entry.baseVersion).toBeUndefined();
    expect(entry.fields).toMatchObject({ state: "Reopened", closedOn: null });
  });

  it("keeps a list row's title for an item with records, and leaves what its page said about its state be", async () => {
    await keepTrackerReading(db, save, { keys: [recorded], ...closed });
    expect(await keepTrackerReading(db, save, { keys: [recorded], title: "Checkout times out (EU)", state: "", assignees: [] })).toBe(1);
    expect((await listRows(db, "tracker_item"))[0].data).toMatchObject({
      title: "Checkout times out (EU)",
      state: "Closed",
      assignees: ["sam-ops"],
    });
    expect(await keepTrackerReading(db, save, { keys: [browsed], title: "Dark mode", state: "", assignees: [] })).toBe(0);
  });
});
