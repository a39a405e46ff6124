import { describe, expect, it, vi } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { startCapture } from "../../extension/background/capture";
import type { Background, Handlers } from "../../extension/background/context";
import { receiver } from "../../extension/background/receive";
import { startRecords } from "../../extension/background/records";
import { contentToBackground, type MessageType, messages, pageToBackground } from "../../extension/common/messages";
import { offlineError } from "../../extension/common/offline";
import type { StoredSession } from "../../extension/common/session";
import { type Db, openStore } from "../../extension/store/db";
import type { SyncStatus } from "../../extension/store/status";
import { clearStore, listRows, mutateLocal } from "../../extension/store/store";
import { createChannelRequest } from "../../shared/channels";
import { capturableKinds } from "../../shared/kinds/capturable";

// What a page's content script may ask of the background: it runs inside untrusted pages.
describe("messages from content scripts", () => {
  it("may ask for a later part of Liaison on their page by name, and for nothing else with it", () => {
    expect(contentToBackground.safeParse({ type: "page.part", part: "annotations" }).success).toBe(true);
    expect(contentToBackground.safeParse({ type: "page.part", part: "capture" }).success).toBe(true);
    expect(contentToBackground.safeParse({ type: "page.part", part: "/background.js" }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "page.part", part: "capture", file: "/background.js" }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "page.part", part: "capture", tabId: 3 }).success).toBe(false);
  });

  it("may ask for summaries of at most 2,000 valid keys", () => {
    expect(contentToBackground.safeParse({ type: "overlay.query", keys: ["github:acme/app#7"] }).success).toBe(true);
    expect(contentToBackground.safeParse({ type: "overlay.query", keys: ["not a key"] }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "overlay.query", keys: Array(2001).fill("github:acme/app#7") }).success).toBe(false);
  });

  it("may not administer the workspace", () => {
    expect(contentToBackground.safeParse({ type: "workspace.leave" }).success).toBe(false);
  });
});

describe("one message creates every kind a page can capture", () => {
  const risk = { title: "Legal review slips", likelihood: 3, impact: 4 };

  it("saves action items, risks and annotations, each checked by its kind's schema with its defaults filled in", () => {
    const actionItem = contentToBackground.safeParse({
      type: "record.create",
      kind: "action_item",
      fields: { text: "Book the legal review" },
    });
    expect(actionItem.success && actionItem.data).toMatchObject({
      kind: "action_item",
      fields: { text: "Book the legal review", status: "open" },
    });
    expect(contentToBackground.safeParse({ type: "record.create", kind: "risk", fields: risk }).success).toBe(true);
    expect(capturableKinds).toEqual(["action_item", "risk", "annotation"]);
  });

  it("refuses a kind that cannot be captured, even with fields valid for it", () => {
    expect(contentToBackground.safeParse({ type: "record.create", kind: "department", fields: { name: "Legal" } }).success).toBe(false);
    expect(pageToBackground.safeParse({ type: "record.create", kind: "goal", fields: { title: "Ship" } }).success).toBe(false);
  });

  it("refuses fields that fail the kind's schema, including another kind's fields", () => {
    expect(contentToBackground.safeParse({ type: "record.create", kind: "risk", fields: { ...risk, likelihood: 9 } }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "record.create", kind: "action_item", fields: risk }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "record.create", kind: "risk", fields: { ...risk, tabId: 3 } }).success).toBe(false);
  });

  it("replaces the three messages that each created one kind", () => {
    for (const type of ["actionItem.create", "risk.create", "annotation.create"]) {
      expect(pageToBackground.safeParse({ type, fields: { text: "Book the legal review" } }).success).toBe(false);
    }
  });
});

describe("the background takes each message within its sender's vocabulary", () => {
  const store = Promise.resolve({} as Db);
  const fromTab = {
    id: fakeBrowser.runtime.id,
    tab: { id: 7 } as Browser.tabs.Tab,
    frameId: 0,
    url: "https://github.com/acme/app/issues/7",
  };
  const fromSidePanel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL("/sidepanel.html") };

  function background() {
    const handled: unknown[] = [];
    const handlers = Object.fromEntries(
      Object.keys(messages).map((type) => [
        type,
        async (message: unknown) => {
          handled.push(message);
          return { id: "answered" };
        },
      ]),
    ) as unknown as Handlers<MessageType>;
    const listener = receiver(handlers, store);
    const send = (message: unknown, sender: Browser.runtime.MessageSender) =>
      new Promise<{ ok: boolean; error?: string } | "no answer">((resolve) => {
        if (!listener(message, sender, resolve)) setTimeout(() => resolve("no answer"), 0);
      });
    return { handled, send };
  }

  it("refuses a content script the messages only extension pages may send, before any handler runs", async () => {
    const { handled, send } = background();
    for (const message of [
      { type: "sync.now" },
      { type: "workspace.leave" },
      { type: "hosts.add", origin: "https://gitlab.example.com", kind: "gitlab" },
      { type: "entity.mutate", entity: "action_item", entityId: "abcdefgh12", op: "delete" },
    ]) {
      expect(await send(message, fromTab)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused message/) });
    }
    expect(handled).toEqual([]);
    expect(await send({ type: "sync.now" }, fromSidePanel)).toEqual({ ok: true, value: { id: "answered" } });
    expect(await send({ type: "capture.context" }, fromTab)).toEqual({ ok: true, value: { id: "answered" } });
    expect(handled).toEqual([{ type: "sync.now" }, { type: "capture.context" }]);
  });

  it("answers no one but Liaison's own pages and content scripts", async () => {
    const { handled, send } = background();
    expect(await send({ type: "capture.context" }, { ...fromTab, id: "another-extension" })).toBe("no answer");
    expect(await send({ type: "capture.context" }, { id: fakeBrowser.runtime.id })).toBe("no answer");
    expect(handled).toEqual([]);
  });

  it("refuses a record.create from a page for a kind that cannot be captured", async () => {
    const { handled, send } = background();
    expect(await send({ type: "record.create", kind: "goal", fields: { title: "Ship" } }, fromTab)).toMatchObject({ ok: false });
    expect(
      await send({ type: "record.create", kind: "risk", fields: { title: "Slips", likelihood: 0, impact: 4 } }, fromTab),
    ).toMatchObject({
      ok: false,
    });
    expect(handled).toEqual([]);
  });

  it("lets content scripts send only what captures and reads, a strict part of what extension pages may send", () => {
    const content = Object.entries(messages).filter(([, message]) => message.from === "content");
    expect(content.map(([type]) => type).sort()).toEqual([
      "annotations.forPage",
      "annotations.status",
      "capture.context",
      "i18n.catalogue",
      "overlay.open",
      "overlay.query",
      "page.part",
      "record.create",
      "tracker.rows",
      "tracker.seen",
    ]);
    expect(content.length).toBeLessThan(Object.keys(messages).length);
  });
});

describe("capture's handler for record.create", () => {
  it("saves the checked fields as a new record of the kind named, in the local store", async () => {
    // The capture area also listens for its context menu and shortcut, which the fake browser lacks.
    vi.spyOn(fakeBrowser.contextMenus.onClicked, "addListener").mockImplementation(() => {});
    vi.spyOn(fakeBrowser.commands.onCommand, "addListener").mockImplementation(() => {});
    const db = openStore();
    const store = await db;
    await clearStore(store);
    const background: Background = {
      db,
      session: async () => null,
      syncSoon: async () => ({ state: "idle" }) as unknown as SyncStatus,
      saveLocal: async (change) => {
        await mutateLocal(store, change, { memberId: null });
        return change.entityId;
      },
      onStoreChange: () => {},
      onPort: () => {},
    };
    const handlers = startCapture(background);
    const parsed = contentToBackground.parse({
      type: "record.create",
      kind: "risk",
      fields: { title: "Legal review slips", likelihood: 3, impact: 4 },
    });
    if (parsed.type !== "record.create") throw new Error("not a record.create");
    const { id } = await handlers["record.create"](parsed, { store, sender: {} });
    const [row] = await listRows(store, "risk");
    expect(row).toMatchObject({ id, data: { title: "Legal review slips", likelihood: 3, impact: 4, status: "open" } });
    expect(await listRows(store, "action_item")).toEqual([]);
  });
});

describe("the server URL a workspace is joined or created on", () => {
  const join = (serverUrl: string) =>
    pageToBackground.safeParse({ type: "workspace.join", serverUrl, code: "ABCD-EFGH-JKLM", name: "Sam Wu", department: "QA" }).success;

  it("must be https, so that the token never travels unencrypted", () => {
    expect(join("https://liaison.acme.example")).toBe(true);
    expect(join("http://liaison.acme.example")).toBe(false);
    expect(join("http://10.0.0.7:8787")).toBe(false);
    expect(join("ftp://liaison.acme.example")).toBe(false);
  });

  it("may be plain http on this machine, where npm start serves the API", () => {
    expect(join("http://127.0.0.1:8787")).toBe(true);
    expect(join("http://localhost:8787")).toBe(true);
    expect(join("http://[::1]:8787")).toBe(true);
  });

  it("follows the same rule as a chat channel's webhook address", () => {
    const webhook = (url: string) => createChannelRequest.safeParse({ name: "Bot", platform: "webhook", url }).success;
    for (const url of [
      "https://liaison.acme.example",
      "http://liaison.acme.example",
      "http://10.0.0.7:8787",
      "http://127.0.0.1:8787",
      "http://localhost:8787",
      "http://[::1]:8787",
      "http://[::2]:8787",
      "ftp://127.0.0.1/x",
      "not an address",
    ]) {
      expect(webhook(url), url).toBe(join(url));
    }
  });
});

describe("the trash, history, export and not-saved messages", () => {
  const fromPage = (message: unknown) => pageToBackground.safeParse(message).success;

  it("are taken from Liaison's own pages only, each within its own words", () => {
    expect(fromPage({ type: "trash.list" })).toBe(true);
    expect(fromPage({ type: "trash.list", all: true })).toBe(false);
    expect(fromPage({ type: "history.get", entity: "risk", id: "risk-0000001" })).toBe(true);
    expect(fromPage({ type: "history.get", entity: "member", id: "risk-0000001" })).toBe(false);
    expect(fromPage({ type: "history.get", entity: "risk", id: "../../v1/members" })).toBe(false);
    expect(fromPage({ type: "export.fetch", file: "calendar.ics" })).toBe(true);
    expect(fromPage({ type: "export.fetch", file: "../members" })).toBe(false);
    expect(fromPage({ type: "notSaved.dismiss" })).toBe(true);
    expect(fromPage({ type: "notSaved.dismiss", mutationId: "abcdefgh12" })).toBe(true);
    for (const type of ["trash.list", "history.get", "export.fetch", "notSaved.dismiss"])
      expect(messages[type as MessageType].from).toBe("extension");
    expect(contentToBackground.safeParse({ type: "trash.list" }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "export.fetch", file: "calendar.ics" }).success).toBe(false);
  });

  it("restore a record through entity.mutate, with no fields", () => {
    expect(fromPage({ type: "entity.mutate", entity: "risk", entityId: "risk-0000001", op: "restore" })).toBe(true);
    expect(fromPage({ type: "entity.mutate", entity: "risk", entityId: "risk-0000001", op: "restore", fields: { title: "x" } })).toBe(
      false,
    );
    expect(fromPage({ type: "entity.mutate", entity: "risk", entityId: "risk-0000001", op: "undelete" })).toBe(false);
  });
});

describe("the background's trash, history and exports", () => {
  const session = {
    serverUrl: "https://liaison.example.com",
    token: "lsn_token_one_0000000000",
    workspace: { id: "ws-000000001", name: "Acme", createdAt: "2026-11-01T00:00:00Z" },
    member: { id: "member-pat-0001", name: "Pat Lee", department: "Product", role: "member", joinedAt: "2026-11-01T00:00:00Z" },
  } as unknown as StoredSession;
  const background = (signedIn: StoredSession | null): Background => ({
    db: openStore(),
    session: async () => signedIn,
    syncSoon: async () => ({ state: "idle" }) as unknown as SyncStatus,
    saveLocal: async (change) => change.entityId,
    onStoreChange: () => {},
    onPort: () => {},
  });

  it("ask the server with the member's token, and tell an unreachable server apart", async () => {
    const requests: Array<{ url: string; auth: string | null }> = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      requests.push({ url: String(input), auth: new Headers(init?.headers).get("Authorization") });
      if (String(input).endsWith(".csv"))
        return new Response("text\n", {
          headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="items.csv"' },
        });
      return Response.json({ items: [], entries: [] });
    });
    const handlers = startRecords(background(session));
    const context = { store: await openStore(), sender: {} };
    expect(await handlers["trash.list"]({ type: "trash.list" }, context)).toEqual({ items: [] });
    expect(await handlers["history.get"]({ type: "history.get", entity: "risk", id: "risk-0000001" }, context)).toEqual({ entries: [] });
    expect(await handlers["export.fetch"]({ type: "export.fetch", file: "action-items.csv" }, context)).toEqual({
      filename: "items.csv",
      mimeType: "text/csv",
      text: "text\n",
    });
    expect(requests).toEqual([
      { url: "https://liaison.example.com/v1/trash", auth: `Bearer ${session.token}` },
      { url: "https://liaison.example.com/v1/history/risk/risk-0000001", auth: `Bearer ${session.token}` },
      { url: "https://liaison.example.com/v1/export/action-items.csv", auth: `Bearer ${session.token}` },
    ]);
    vi.mocked(globalThis.fetch).mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(handlers["trash.list"]({ type: "trash.list" }, context)).rejects.toThrow(offlineError);
    await expect(startRecords(background(null))["trash.list"]({ type: "trash.list" }, context)).rejects.toThrow("Not connected");
    vi.restoreAllMocks();
  });
});
