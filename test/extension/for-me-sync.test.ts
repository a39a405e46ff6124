// "For me" in this browser: read marks sent with the sync and merged with the server's, action items pulled away from me, and the unread entries.
import { beforeEach, describe, expect, it } from "vitest";
import { ApiFailure, type SyncApi } from "../../extension/background/sync/api";
import { SyncEngine } from "../../extension/background/sync/engine";
import type { StoredSession } from "../../extension/common/session";
import { type Db, getKv, openStore, setKv } from "../../extension/store/db";
import { markRead, readForMe } from "../../extension/store/for-me";
import { applyChanges, clearStore } from "../../extension/store/store";
import type { Change } from "../../shared/sync";

const session: StoredSession = {
  serverUrl: "https://liaison.example.com",
  token: "lsn_token_one_0000000000",
  workspace: { id: "ws-000000001", name: "Acme", createdAt: "2026-11-01T00:00:00Z" } as StoredSession["workspace"],
  member: { id: "member-bo-00001", name: "Bo Chen", department: "Engineering", role: "member" } as StoredSession["member"],
};
const pat = "member-pat-0002";
const item = (version: number, ownerId: string, updatedBy = pat): Change => ({
  entity: "action_item",
  id: "item0001abc",
  version,
  deleted: false,
  data: {
    text: "Ship the fix",
    owner: null,
    ownerId,
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
  meta: { createdBy: pat, createdAt: "2026-12-01T09:00:00.000Z", updatedBy, updatedAt: `2026-12-0${version}T09:00:00.000Z` },
});

/** A server with nothing to pull whose read marks are `marks`, and which records what it was sent. */
function server(changes: Change[] = [], refuse?: ApiFailure): SyncApi & { sent: string[][]; marks: string[] } {
  const state = { sent: [] as string[][], marks: ["risk:risk0001abc:occurred"] };
  return {
    ...state,
    push: async () => ({ results: [], cursor: 0 }),
    pull: async (_url, _token, since) =>
      since < 5 && changes.length > 0 ? { changes, cursor: 5, more: false } : { changes: [], cursor: since, more: false },
    members: async () => ({ members: [] }),
    async readMarks(_url, _token, keys) {
      if (refuse) throw refuse;
      if (keys) {
        state.sent.push(keys);
        state.marks = [...new Set([...state.marks, ...keys])];
      }
      this.marks = state.marks;
      return { keys: state.marks };
    },
  };
}

let db: Db;
beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
  await setKv(db, "session", session);
});

describe("read marks in the sync", () => {
  it("sends the entries read here and keeps the marks of all my browsers", async () => {
    const api = server();
    await markRead(db, ["annotation:note0001abc:note"]);
    expect((await new SyncEngine(db, api).run()).state).toBe("idle");
    expect(api.sent).toEqual([["annotation:note0001abc:note"]]);
    expect(await getKv(db, "readPending")).toEqual([]);
    expect((await getKv(db, "readMarks"))?.sort()).toEqual(["annotation:note0001abc:note", "risk:risk0001abc:occurred"]);
    // Nothing pending: the next sync only asks.
    await new SyncEngine(db, api).run();
    expect(api.sent.length).toBe(1);
  });

  it("keeps marks here when the server has no read marks (404), and drops ones it refuses (400)", async () => {
    await markRead(db, ["annotation:note0001abc:note"]);
    expect((await new SyncEngine(db, server([], new ApiFailure(404, "not_found", "No route"))).run()).state).toBe("idle");
    expect(await getKv(db, "readPending")).toEqual(["annotation:note0001abc:note"]);
    expect((await new SyncEngine(db, server([], new ApiFailure(400, "invalid_request", "bad"))).run()).state).toBe("idle");
    expect(await getKv(db, "readPending")).toEqual([]);
  });
});

describe("For me from the local store", () => {
  it("lists an item assigned to me unread until read, and one pulled away from me", async () => {
    await applyChanges(db, [item(1, session.member.id)], 1);
    let forMe = await readForMe(db, "2026-12-06");
    expect(forMe.entries.map((e) => e.key)).toEqual([`action_item:item0001abc:assigned:${session.member.id}`]);
    expect(forMe.read.size).toBe(0);
    await markRead(db, [forMe.entries[0].key]);
    expect((await readForMe(db, "2026-12-06")).read.has(forMe.entries[0].key)).toBe(true);

    // Pat gives it to someone else: the pull says it was taken from me.
    await new SyncEngine(db, server([item(2, "member-cy-00003")])).run();
    forMe = await readForMe(db, "2026-12-06");
    expect(forMe.entries.map((e) => [e.key, e.by])).toEqual([["action_item:item0001abc:reassigned:2", pat]]);
  });
});
