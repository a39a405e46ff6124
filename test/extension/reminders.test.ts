// The toolbar badge: the records that wait on me, each counted once (an overdue item someone else assigned me is one, not two).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Background } from "../../extension/background/context";
import { badgeCount, startReminders } from "../../extension/background/reminders";
import type { StoredSession } from "../../extension/common/session";
import { type Db, openStore, setKv } from "../../extension/store/db";
import { applyChanges, clearStore } from "../../extension/store/store";
import type { Change } from "../../shared/sync";

const session: StoredSession = {
  serverUrl: "https://liaison.example.com",
  token: "lsn_token_one_0000000000",
  workspace: { id: "ws-000000001", name: "Acme", createdAt: "2026-11-01T00:00:00Z" } as StoredSession["workspace"],
  member: { id: "member-bo-00001", name: "Bo Chen", department: "Engineering", role: "member" } as StoredSession["member"],
};
const pat = "member-pat-0002";

const item = (id: string, due: string | null, by = pat): Change => ({
  entity: "action_item",
  id,
  version: 1,
  deleted: false,
  data: {
    text: `Item ${id}`,
    owner: null,
    ownerId: session.member.id,
    department: null,
    due,
    status: "open",
    priority: "medium",
    targets: [],
    source: null,
    meeting: null,
    goal: null,
    risk: null,
  },
  meta: { createdBy: by, createdAt: "2026-11-20T10:00:00Z", updatedBy: by, updatedAt: "2026-11-20T10:00:00Z" },
});

let db: Db;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openStore();
  await clearStore(db);
  await setKv(db, "session", session);
  await setKv(db, "members", [{ id: pat, name: "Pat Lee", department: "Product", role: "admin", joinedAt: "2026-11-01T00:00:00Z" }]);
});

describe("the toolbar badge", () => {
  it("counts each record once, whether overdue, unread or both", () => {
    expect(badgeCount([{ id: "a1" }], [{ entity: "action_item", id: "a1" }])).toBe(1);
    expect(badgeCount([{ id: "a1" }], [{ entity: "risk", id: "a1" }])).toBe(2);
    expect(
      badgeCount(
        [],
        [
          { entity: "annotation", id: "n1" },
          { entity: "annotation", id: "n1" },
        ],
      ),
    ).toBe(1);
  });

  it("shows one for an overdue action item of mine that someone else assigned me, two with another one of mine", async () => {
    await applyChanges(db, [item("item0001abc", "2020-01-01")], 1);
    const badge = vi.spyOn(fakeBrowser.action, "setBadgeText");
    let changed: () => void = () => {};
    startReminders({
      db: Promise.resolve(db),
      session: async () => session,
      onStoreChange: (listener: () => void) => {
        changed = listener;
      },
    } as unknown as Background);
    await vi.waitFor(() => expect(badge).toHaveBeenLastCalledWith({ text: "1" }));

    // My own overdue item: no "For me" entry, one more record.
    await applyChanges(db, [item("item0002abc", "2020-01-01", session.member.id)], 2);
    changed();
    await vi.waitFor(() => expect(badge).toHaveBeenLastCalledWith({ text: "2" }));
  });
});
