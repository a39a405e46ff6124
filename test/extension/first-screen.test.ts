import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFirstScreen, readPanelData } from "../../extension/panel/panel-data";
import { type Db, type LocalRow, openStore } from "../../extension/store/db";
import { newestRows } from "../../extension/store/local-rows";
import { clearStore } from "../../extension/store/store";

let db: Db;

beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
});

const row = (entity: string, id: string, createdAt: string, extra: Partial<LocalRow> = {}): LocalRow => ({
  entity,
  id,
  version: 1,
  deleted: false,
  data: { text: id, targets: [] },
  meta: { createdBy: "member-pat-0001", createdAt, updatedBy: "member-pat-0001", updatedAt: createdAt },
  pending: 0,
  ...extra,
});

const minute = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();

async function put(rows: LocalRow[]) {
  const tx = db.transaction("rows", "readwrite");
  for (const r of rows) await tx.store.put(r);
  await tx.done;
}

describe("the side panel's first screen", () => {
  it("reads the newest live action items, in the lists' order, and nothing else of the rows", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row("action_item", `item-${String(i).padStart(4, "0")}`, minute(i % 150)));
    // The newest are tombstones or other entities: skipped, not counted.
    rows.push(row("action_item", "item-gone-0001", minute(999), { deleted: true, data: null }));
    rows.push(row("action_item", "item-gone-0002", minute(998), { deleted: true, data: null }));
    rows.push(row("risk", "risk-0001", minute(1000), { data: { title: "Vendor", targets: [] } }));
    await put(rows);

    const first = await readFirstScreen(db);
    const full = await readPanelData(db);
    expect(first.complete).toBe(false);
    expect(full.complete).toBe(true);
    expect(full.actionItems).toHaveLength(300);
    // Two items a minute: ties on the creation time fall back to the id, newest first, as the full read sorts.
    expect(first.actionItems.map((r) => r.id)).toEqual(full.actionItems.slice(0, 100).map((r) => r.id));
    expect(first.risks).toEqual([]);
    expect(full.risks.map((r) => r.id)).toEqual(["risk-0001"]);
  });

  it("reads on past many tombstones among the newest, and returns all there are when fewer", async () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      row("action_item", `item-${String(i).padStart(4, "0")}`, minute(i), i >= 40 ? { deleted: true, data: null } : {}),
    );
    await put(rows);
    const newest = await newestRows(db, "action_item", 30);
    expect(newest.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => `item-${String(39 - i).padStart(4, "0")}`));
    expect(await newestRows(db, "action_item", 100)).toHaveLength(40);
    expect(await newestRows(db, "decision", 10)).toEqual([]);
  });
});

describe("the side panel's first screen on an item", () => {
  const key = "jira:acme.atlassian.net/ACME-42";
  const other = "jira:acme.atlassian.net/ACME-7";

  beforeEach(async () => {
    await put([
      row("responsibility", "resp-0001", minute(1), { data: { target: key, person: "Pat Lee", role: "A", department: "Product" } }),
      row("responsibility", "resp-0002", minute(2), { data: { target: other, person: "Sam Wu", role: "A", department: "QA" } }),
      row("risk", "risk-0001", minute(3), { data: { title: "Vendor late", targets: [other, key] } }),
      row("meeting", "meet-0001", minute(4), { data: { title: "Payments sync", departments: [], attendees: [] } }),
      row("meeting", "meet-0002", minute(5), { data: { title: "Unrelated", departments: [], attendees: [] } }),
      row("decision", "deci-0001", minute(6), { data: { text: "Ship first", targets: [key], meeting: "meet-0001" } }),
      row("action_item", "item-0001", minute(7), { data: { text: "Mine", targets: [key] } }),
      row("action_item", "item-0002", minute(8), { data: { text: "Other", targets: [other] } }),
      row("action_item", "item-0003", minute(9), { deleted: true, data: null }),
      ...Array.from({ length: 200 }, (_, i) => row("action_item", `bulk-${String(i).padStart(4, "0")}`, minute(100 + i))),
    ]);
  });

  it("reads every row about the item in view and the meetings its decisions came from, and nothing else", async () => {
    const first = await readFirstScreen(db, Promise.resolve(key));
    expect(first).toMatchObject({ complete: false, firstScreenItem: key });
    expect(first.responsibilities.map((r) => r.id)).toEqual(["resp-0001"]);
    expect(first.risks.map((r) => r.id)).toEqual(["risk-0001"]);
    expect(first.decisions.map((r) => r.id)).toEqual(["deci-0001"]);
    expect(first.meetings.map((r) => r.id)).toEqual(["meet-0001"]);
    expect(first.actionItems.map((r) => r.id)).toEqual(["item-0001"]);
  });

  it("opens on the last chip clicked when the tab shows no item", async () => {
    await db.put("kv", { key: other, at: minute(0) }, "focus");
    const first = await readFirstScreen(db, Promise.resolve(null));
    expect(first.firstScreenItem).toBe(other);
    expect(first.actionItems.map((r) => r.id)).toEqual(["item-0002"]);
    // The background not answering is no item in view, not a failure.
    expect((await readFirstScreen(db, Promise.reject(new Error("restarting")))).firstScreenItem).toBe(other);
  });
});

describe("the store's upgrade to version 2", () => {
  const name = "liaison-upgrade-test";
  afterEach(() => indexedDB.deleteDatabase(name));

  it("indexes the rows a version 1 store already holds", async () => {
    // A store as the first version of Liaison left it.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const rows = request.result.createObjectStore("rows", { keyPath: ["entity", "id"] });
        rows.createIndex("byEntity", "entity");
        request.result.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
        request.result.createObjectStore("kv");
        rows.put(row("action_item", "item-old-0001", minute(1)));
        rows.put(row("action_item", "item-old-0002", minute(2)));
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const upgraded = await openStore(name);
    expect(upgraded.version).toBe(2);
    expect([...upgraded.transaction("rows").store.indexNames].sort()).toEqual(["byCreated", "byEntity", "byTarget", "byTargets"]);
    expect((await newestRows(upgraded, "action_item", 10)).map((r) => r.id)).toEqual(["item-old-0002", "item-old-0001"]);
    upgraded.close();
  });
});
