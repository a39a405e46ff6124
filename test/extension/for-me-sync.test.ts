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

describe("read marks since the last answer", () => {
  /** A server that keeps cursors: each mark has a time, and an answer since a time holds only newer ones. */
  function cursorServer() {
    const marks = new Map<string, number>([["risk:risk0001abc:occurred", 1]]);
    let clock = 1;
    const asked: Array<{ since: string | undefined; answered: number }> = [];
    const api: SyncApi = {
      push: async () => ({ results: [], cursor: 0 }),
      pull: async (_url, _token, since) => ({ changes: [], cursor: since, more: false }),
      members: async () => ({ members: [] }),
      async readMarks(_url, _token, keys, since) {
        for (const key of keys ?? []) marks.set(key, ++clock);
        const from = since ? Number(since) : 0;
        const keysSince = [...marks].filter(([, at]) => at >= from).map(([key]) => key);
        asked.push({ since, answered: keysSince.length });
        return since === undefined ? { keys: keysSince } : { keys: keysSince, cursor: String(Math.max(from, ...marks.values())) };
      },
    };
    return { api, asked, markElsewhere: (key: string) => marks.set(key, ++clock) };
  }

  it("downloads all marks once, then only those since, and still catches up on marks made in other browsers", async () => {
    const { api, asked, markElsewhere } = cursorServer();
    const engine = new SyncEngine(db, api);
    await engine.run();
    expect(asked).toEqual([{ since: "", answered: 1 }]);
    expect(await getKv(db, "readMarks")).toEqual(["risk:risk0001abc:occurred"]);

    // Nothing new: the answer is what the cursor's own time holds, not every mark.
    markElsewhere("escalation:esc00001abc:opened");
    markElsewhere("decision:dec00001abc:made");
    await engine.run();
    await engine.run();
    expect(asked.slice(1)).toEqual([
      { since: "1", answered: 3 },
      { since: "3", answered: 1 },
    ]);
    expect((await getKv(db, "readMarks"))?.sort()).toEqual([
      "decision:dec00001abc:made",
      "escalation:esc00001abc:opened",
      "risk:risk0001abc:occurred",
    ]);

    // Read here: sent, kept, and the next answer starts after it.
    await markRead(db, ["annotation:note0001abc:note"]);
    await engine.run();
    expect(await getKv(db, "readPending")).toEqual([]);
    expect(await getKv(db, "readMarks")).toContain("annotation:note0001abc:note");
    expect(await getKv(db, "readMarks")).toHaveLength(4);
    expect(asked.at(-1)).toEqual({ since: "3", answered: 2 });
  });

  it("asks for all the marks again once another member signs in here", async () => {
    const { api, asked } = cursorServer();
    await new SyncEngine(db, api).run();
    await setKv(db, "session", { ...session, member: { ...session.member, id: "member-cy-00003" } });
    await new SyncEngine(db, api).run();
    expect(asked.map((ask) => ask.since)).toEqual(["", ""]);
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
