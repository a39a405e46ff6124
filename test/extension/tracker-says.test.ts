import { beforeEach, describe, expect, it } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Background } from "../../extension/background/context";
import { startPageParts } from "../../extension/background/page-parts";
import { keepTrackerReading, onPageHost, pageKeysOf } from "../../extension/background/tracker-says";
import { type Db, openStore } from "../../extension/store/db";
import { applyChanges, clearStore, listRows, mutateLocal, peekOutbox } from "../../extension/store/store";
import { today } from "../../extension/ui/i18n";
import type { Change } from "../../shared/sync";
import { siteExamples } from "../shared/site-examples";

// What the tracker says, kept in the local store: only for items with records the team sees (only those reach the outbox, and so the server), once per change, one row per item, and only what the sender page may say.

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

  it("keeps and sends nothing for an item only the member's own private annotation is about: the team never learns what they visit", async () => {
    const annotated = "github:acme/app#11";
    const note = { url: "https://github.com/acme/app/issues/11", targets: [annotated], quote: "times out", body: "ask Sam" };
    await mutateLocal(db, { entity: "annotation", entityId: "note-0001", op: "upsert", fields: { ...note, visibility: "private" } }, actor);
    expect(await keepTrackerReading(db, save, { keys: [annotated], ...closed })).toBe(0);
    expect(await listRows(db, "tracker_item")).toEqual([]);
    expect(await trackerEntries()).toEqual([]);

    // Shared with the team, the annotation is a record the team has on the item.
    await mutateLocal(
      db,
      { entity: "annotation", entityId: "note-0002", op: "upsert", fields: { ...note, visibility: "workspace" } },
      actor,
    );
    expect(await keepTrackerReading(db, save, { keys: [annotated], ...closed })).toBe(1);
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

describe("what a page may say about which items", () => {
  it("accepts every key the saved pages of every site name, self-hosted ones too, and rows of the page's own host", () => {
    for (const { examples } of siteExamples) {
      for (const [url, key] of [...examples.items, ...(examples.selfHosted ?? [])])
        if (key) expect(pageKeysOf(url)(key), `${key} on ${url}`).toBe(true);
      for (const page of examples.pages) {
        expect(pageKeysOf(page.itemUrl)(page.itemKey), `${page.itemKey} on ${page.itemUrl}`).toBe(true);
        for (const key of page.listKeys) expect(onPageHost(page.listUrl)(key), `${key} listed on ${page.listUrl}`).toBe(true);
      }
      for (const capture of examples.captures ?? []) {
        if (capture.itemKey) expect(pageKeysOf(capture.url)(capture.itemKey), `${capture.itemKey} on ${capture.url}`).toBe(true);
        for (const key of capture.rows) expect(onPageHost(capture.url)(key), `${key} listed on ${capture.url}`).toBe(true);
      }
    }
  });

  it("refuses another page's item, another host's, and anything from a tab without a web address", () => {
    expect(pageKeysOf("https://github.com/acme/app/issues/9")(recorded)).toBe(false);
    expect(pageKeysOf("https://gitlab.example.org/acme/checkout/-/issues/17")("gitlab:gitlab.example.org/acme/checkout#18")).toBe(false);
    expect(pageKeysOf("https://wiki.example.org/display/ENG/Runbook")("confluence:wiki.example.org/65601")).toBe(true);
    expect(pageKeysOf("https://wiki.example.org/display/ENG/Runbook")("confluence:other.example.org/65601")).toBe(false);
    expect(pageKeysOf("https://wiki.example.org/pages/viewpage.action?pageId=65601")("confluence:wiki.example.org/65602")).toBe(false);
    expect(pageKeysOf(undefined)(recorded)).toBe(false);
    expect(pageKeysOf("chrome://extensions")(recorded)).toBe(false);
    expect(onPageHost("https://github.com/acme/app/issues")(recorded)).toBe(true);
    expect(onPageHost("https://evil.example.com/list")(recorded)).toBe(false);
    expect(onPageHost(undefined)(recorded)).toBe(false);
  });

  it("keeps a page's reading only for the sender tab's own item, and a list's rows only for items of its host", async () => {
    fakeBrowser.reset();
    const background = {
      db: Promise.resolve(db),
      saveLocal: save,
      session: async () => null,
      syncSoon: async () => {},
      onPort: () => {},
      onStoreChange: () => {},
    } as unknown as Background;
    const handlers = startPageParts(background);
    const from = (url: string) => ({ store: db, sender: { tab: { url } } as Browser.runtime.MessageSender });

    // Another page (a hostile one, or a stale script) naming the recorded item: nothing written.
    await handlers["tracker.seen"]({ type: "tracker.seen", keys: [recorded], ...closed }, from("https://github.com/acme/app/issues/9"));
    await handlers["tracker.rows"]({ type: "tracker.rows", rows: [{ key: recorded, title: "Forged" }] }, from("https://evil.example.com/"));
    expect(await trackerEntries()).toEqual([]);

    await handlers["tracker.seen"]({ type: "tracker.seen", keys: [recorded], ...closed }, from("https://github.com/acme/app/issues/7#top"));
    expect((await listRows(db, "tracker_item"))[0].data).toMatchObject({ title: closed.title });
    await handlers["tracker.rows"](
      { type: "tracker.rows", rows: [{ key: recorded, title: "Checkout times out (EU)" }] },
      from("https://github.com/acme/app/issues"),
    );
    expect((await listRows(db, "tracker_item"))[0].data).toMatchObject({ title: "Checkout times out (EU)" });
  });
});
