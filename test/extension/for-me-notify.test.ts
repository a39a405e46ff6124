// "For me" notifications in the background: one for one new entry, one grouped for several, none for my own actions or a kind switched off; a click opens the record and marks it read.
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Background } from "../../extension/background/context";
import { startForMe } from "../../extension/background/for-me";
import type { StoredSession } from "../../extension/common/session";
import { type Db, getKv, openStore, setKv } from "../../extension/store/db";
import { applyChanges, clearStore } from "../../extension/store/store";
import type { Change } from "../../shared/sync";

const session: StoredSession = {
  serverUrl: "https://liaison.example.com",
  token: "lsn_token_one_0000000000",
  workspace: { id: "ws-000000001", name: "Acme", createdAt: "2026-11-01T00:00:00Z" } as StoredSession["workspace"],
  member: { id: "member-bo-00001", name: "Bo Chen", department: "Engineering", role: "member" } as StoredSession["member"],
};
const pat = "member-pat-0002";

const item = (id: string, by: string, text = "Ship the fix"): Change => {
  const at = new Date().toISOString();
  return {
    entity: "action_item",
    id,
    version: 1,
    deleted: false,
    data: {
      text,
      owner: null,
      ownerId: session.member.id,
      department: null,
      due: null,
      status: "open",
      priority: "medium",
      targets: [],
      source: null,
      meeting: null,
      goal: null,
      risk: null,
    },
    meta: { createdBy: by, createdAt: at, updatedBy: by, updatedAt: at },
  };
};

let db: Db;
let changed: () => void;
let cursor = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openStore();
  await clearStore(db);
  await setKv(db, "session", session);
  await setKv(db, "members", [{ id: pat, name: "Pat Lee", department: "Product", role: "admin", joinedAt: "2026-11-01T00:00:00Z" }]);
  const background = {
    db: Promise.resolve(db),
    session: async () => session,
    syncSoon: async () => ({ state: "idle", message: null, pending: 0, lastSyncedAt: null }),
    onStoreChange: (listener: () => void) => {
      changed = listener;
    },
  } as unknown as Background;
  startForMe(background);
});

/** Rows arrive as a pull brings them; the background looks at them after its short pause. */
async function arrive(changes: Change[]) {
  await applyChanges(db, changes, ++cursor);
  changed();
  await new Promise((resolve) => setTimeout(resolve, 250));
  return fakeBrowser.notifications.getAll();
}

describe("For me notifications", () => {
  it("notify a new entry once, group several, and leave out my own actions", async () => {
    const one = await arrive([item("item0001abc", pat)]);
    expect(Object.keys(one)).toEqual([`liaison-forme:action_item:item0001abc:assigned:${session.member.id}`]);
    expect(Object.values(one)[0]).toMatchObject({ title: "Action item assigned to you · Pat Lee", message: "Ship the fix" });

    await fakeBrowser.notifications.clear(Object.keys(one)[0]);
    const several = await arrive([
      item("item0002abc", pat, "Two"),
      item("item0003abc", pat, "Three"),
      item("item0004abc", session.member.id, "Mine"),
    ]);
    const ids = Object.keys(several);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^liaison-forme:list:\d+$/);
    expect(several[ids[0]]).toMatchObject({ title: "2 new for you" });
    expect(String((several[ids[0]] as { message: string }).message)).not.toContain("Mine");
  });

  it("leave a kind switched off in options alone", async () => {
    await setKv(db, "forMeNotify", { assigned: false });
    expect(await arrive([item("item0001abc", pat)])).toEqual({});
  });

  it("open the record in the side panel on a click, marking the entry read", async () => {
    const [id] = Object.keys(await arrive([item("item0001abc", pat)]));
    await fakeBrowser.notifications.onClicked.trigger(id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await getKv(db, "panelRequest"))?.record).toEqual({ entity: "action_item", id: "item0001abc" });
    expect(await getKv(db, "readPending")).toEqual([`action_item:item0001abc:assigned:${session.member.id}`]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
