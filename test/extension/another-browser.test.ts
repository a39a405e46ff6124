// "Add another browser" in the extension: its messages, and the background's calls to the API for them.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Background } from "../../extension/background/context";
import { startWorkspace } from "../../extension/background/workspace";
import { contentToBackground, pageToBackground } from "../../extension/common/messages";
import type { StoredSession } from "../../extension/common/session";
import { getKv, openStore, setKv } from "../../extension/store/db";
import type { SyncStatus } from "../../extension/store/status";
import { clearStore, listRows, mutateLocal } from "../../extension/store/store";

const serverUrl = "https://liaison.acme.example";
const workspace = { id: "ws-one-0001", name: "Acme", createdAt: "2026-12-01T00:00:00.000Z" };
const member = { id: "member-0001", name: "Sam Wu", department: "QA", role: "member" as const, joinedAt: "2026-12-01T00:00:00.000Z" };

/** The requests the background made, answered in turn by `answers`. */
function stubApi(...answers: Array<{ status: number; body: unknown }>) {
  const requests: Array<{ url: string; method: string; authorization: string | null; body: unknown }> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: URL, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      requests.push({
        url: String(url),
        method: init.method ?? "GET",
        authorization: headers.Authorization ?? null,
        body: init.body ? JSON.parse(String(init.body)) : null,
      });
      const answer = answers.shift() ?? { status: 204, body: null };
      return new Response(answer.body === null ? null : JSON.stringify(answer.body), { status: answer.status });
    }),
  );
  return requests;
}

async function backgroundWith(session: StoredSession | null) {
  const db = openStore();
  const store = await db;
  await clearStore(store);
  if (session) await setKv(store, "session", session);
  const synced: string[] = [];
  const background: Background = {
    db,
    session: async () => (await getKv(store, "session")) ?? null,
    syncSoon: async () => {
      synced.push("sync");
      return { state: "idle" } as unknown as SyncStatus;
    },
    saveLocal: async () => "",
    onStoreChange: () => {},
    onPort: () => {},
  };
  return { handlers: startWorkspace(background), store, synced };
}

afterEach(() => vi.unstubAllGlobals());

describe("the messages of another browser", () => {
  it("are for Liaison's own pages only, never a content script", () => {
    const sent = [
      { type: "workspace.signInWithCode", serverUrl, code: "ABCD-EFGH" },
      { type: "browser.code" },
      { type: "browser.list" },
      { type: "browser.revoke", id: "0123456789abcdef" },
    ];
    for (const message of sent) {
      expect(pageToBackground.safeParse(message).success, message.type).toBe(true);
      expect(contentToBackground.safeParse(message).success, message.type).toBe(false);
    }
  });

  it("sign in only over https, except on this machine", () => {
    const signIn = (url: string) =>
      pageToBackground.safeParse({ type: "workspace.signInWithCode", serverUrl: url, code: "ABCD-EFGH" }).success;
    expect(signIn("http://liaison.acme.example")).toBe(false);
    expect(signIn("http://127.0.0.1:8787")).toBe(true);
  });
});

describe("signing this browser in with a code", () => {
  it("sends the code and what this browser is, without a token, and signs in as the member; another workspace's rows go", async () => {
    const { handlers, store, synced } = await backgroundWith({
      serverUrl,
      token: "lsn_old-workspace-token",
      workspace: { ...workspace, id: "ws-other-0001" },
      member,
    });
    await mutateLocal(store, { entity: "action_item", entityId: "other-row-1", op: "upsert", fields: { text: "Old" } }, { memberId: null });
    expect((await listRows(store, "action_item")).map((row) => row.id)).toContain("other-row-1");
    const requests = stubApi({ status: 201, body: { workspace, member, token: "lsn_laptop-token" } });

    const message = pageToBackground.parse({ type: "workspace.signInWithCode", serverUrl, code: "abcd efgh" });
    if (message.type !== "workspace.signInWithCode") throw new Error("not a sign-in");
    const { session } = await handlers["workspace.signInWithCode"](message, { store, sender: {} });

    expect(requests).toEqual([
      { url: `${serverUrl}/v1/browsers`, method: "POST", authorization: null, body: { code: "abcd efgh", label: expect.any(String) } },
    ]);
    expect(session).toEqual({ serverUrl, workspace, member });
    expect(await getKv(store, "session")).toEqual({ serverUrl, workspace, member, token: "lsn_laptop-token" });
    expect((await listRows(store, "action_item")).map((row) => row.id)).not.toContain("other-row-1");
    expect(synced).toEqual(["sync"]);
  });

  it("refuses what is not a sign-in code before asking the server, and passes on the server's reason", async () => {
    const { handlers, store } = await backgroundWith(null);
    const requests = stubApi({
      status: 400,
      body: { error: { code: "browser_code_used", message: "This sign-in code was already used" } },
    });
    const ask = (code: string) =>
      handlers["workspace.signInWithCode"]({ type: "workspace.signInWithCode", serverUrl, code }, { store, sender: {} });
    await expect(ask("ABCD-EFGH-JKLM")).rejects.toThrow(/sign-in code/);
    expect(requests).toEqual([]);
    await expect(ask("ABCD-EFGH")).rejects.toThrow("This sign-in code was already used");
    expect(await getKv(store, "session")).toBeUndefined();
  });
});

describe("a signed-in member's browsers", () => {
  const session = { serverUrl, token: "lsn_first-token", workspace, member };

  it("are a code, a list and a revoke, each called with this browser's token", async () => {
    const { handlers, store, synced } = await backgroundWith(session);
    const browsers = [{ id: "first", label: null, createdAt: member.joinedAt, first: true, current: true }];
    const requests = stubApi(
      { status: 201, body: { code: "ABCD-EFGH", expiresAt: "2026-12-06T10:00:00.000Z" } },
      { status: 200, body: { browsers } },
      { status: 204, body: null },
    );
    const context = { store, sender: {} };
    expect(await handlers["browser.code"]({ type: "browser.code" }, context)).toEqual({
      code: "ABCD-EFGH",
      expiresAt: "2026-12-06T10:00:00.000Z",
    });
    expect(await handlers["browser.list"]({ type: "browser.list" }, context)).toEqual({ browsers });
    expect(await handlers["browser.revoke"]({ type: "browser.revoke", id: "0123456789abcdef" }, context)).toEqual({});
    expect(requests.map(({ url, method, authorization }) => [method, url, authorization])).toEqual([
      ["POST", `${serverUrl}/v1/me/browser-code`, "Bearer lsn_first-token"],
      ["GET", `${serverUrl}/v1/me/browsers`, "Bearer lsn_first-token"],
      ["DELETE", `${serverUrl}/v1/me/browsers/0123456789abcdef`, "Bearer lsn_first-token"],
    ]);
    // The sync after a revoke is what tells this browser, if it was the one revoked, that it is signed out.
    expect(synced).toEqual(["sync"]);
  });
});
