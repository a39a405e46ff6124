import { type Browser, browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { describeIssues } from "../../shared/entities";
import { joinRequest } from "../../shared/workspace";
import type { Replies } from "../lib/ask";
import { t } from "../lib/i18n";
import { contentToBackground, type PageMessage, pageToBackground } from "../lib/messages";
import { overlayPortName } from "../lib/ports";
import { publicSession, type StoredSession } from "../lib/session";
import { KnowledgeIndex } from "../overlay/knowledge";
import { api } from "../sync/api";
import { getKv, openStore, setKv } from "../sync/db";
import { SyncEngine } from "../sync/engine";
import { addSelfHosted, reconcileSelfHosted, removeSelfHosted } from "../sync/self-hosted-scripts";
import { announceChange, clearStore, mutateLocal, newLocalId, outboxSize, storeChannelName } from "../sync/store";

const pullAlarm = "liaison-pull";
const retryAlarm = "liaison-retry";
const captureMenu = "liaison-capture-action-item";
const contentScript = "/content-scripts/liaison.js";

export default defineBackground(() => {
  const db = openStore();
  const engine = db.then((store) => new SyncEngine(store));
  const knowledge = new KnowledgeIndex(db);
  /** Overlays on open tabs: told when the store changes, so chips and badges follow teammates' edits. */
  const overlayPorts = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== overlayPortName || port.sender?.id !== browser.runtime.id) return port.disconnect();
    overlayPorts.add(port);
    port.onDisconnect.addListener(() => overlayPorts.delete(port));
  });
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Syncs now; after a passing failure, tries again with backoff (a timer while awake, an alarm if the worker sleeps). */
  async function syncSoon() {
    const sync = await engine;
    const status = await sync.run();
    clearTimeout(retryTimer);
    if (sync.retryDelaySeconds > 0) {
      retryTimer = setTimeout(() => void syncSoon(), sync.retryDelaySeconds * 1000);
      await browser.alarms.create(retryAlarm, { delayInMinutes: Math.max(0.5, sync.retryDelaySeconds / 60) });
    }
    return status;
  }

  async function session(): Promise<StoredSession | null> {
    return (await getKv(await db, "session")) ?? null;
  }

  async function handle(message: PageMessage, sender: Browser.runtime.MessageSender): Promise<Replies[PageMessage["type"]]> {
    const store = await db;
    switch (message.type) {
      case "overlay.query":
        return { summaries: await knowledge.summaries(message.keys) };
      case "overlay.open": {
        await setKv(store, "focus", { key: message.key, at: new Date().toISOString() });
        announceChange();
        const tabId = sender.tab?.id;
        // Chrome opens its side panel on the user's click; Firefox its sidebar.
        const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
        const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
        if (sidePanel && tabId !== undefined) await sidePanel.open({ tabId }).catch(() => {});
        else await sidebar?.open().catch(() => {});
        return {};
      }
      case "capture.context": {
        return { session: publicSession(await session()), members: (await getKv(store, "members")) ?? [] };
      }
      case "actionItem.create": {
        const id = newLocalId();
        const me = await session();
        await mutateLocal(
          store,
          { entity: "action_item", entityId: id, op: "upsert", fields: message.fields },
          { memberId: me?.member.id ?? null },
        );
        announceChange();
        void syncSoon();
        return { id };
      }
      case "entity.mutate": {
        const me = await session();
        const { type: _type, ...change } = message;
        await mutateLocal(store, change, { memberId: me?.member.id ?? null });
        announceChange();
        void syncSoon();
        return { id: message.entityId };
      }
      case "workspace.create": {
        const created = await api.createWorkspace(message.serverUrl, { name: message.name, member: message.member });
        return { session: await signIn({ serverUrl: message.serverUrl, ...created }) };
      }
      case "workspace.join": {
        const body = joinRequest.safeParse({ code: message.code, name: message.name, department: message.department });
        if (!body.success) throw new Error(describeIssues(body.error));
        const joined = await api.join(message.serverUrl, body.data);
        return { session: await signIn({ serverUrl: message.serverUrl, ...joined }) };
      }
      case "workspace.leave": {
        await clearStore(store);
        announceChange();
        return {};
      }
      case "invite.create": {
        const current = await session();
        if (!current) throw new Error(t("errorNotConnected"));
        return api.createInvite(current.serverUrl, current.token);
      }
      case "sync.now":
        return { status: await syncSoon() };
      case "hosts.add":
        return { sites: await addSelfHosted(store, message.origin, message.kind) };
      case "hosts.remove":
        return { sites: await removeSelfHosted(store, message.origin) };
    }
  }

  async function signIn(next: StoredSession) {
    const store = await db;
    const previous = await session();
    // Another workspace's rows must not mix with this one's; unsent local work stays queued for the new one.
    if (previous && previous.workspace.id !== next.workspace.id) {
      await clearStore(store);
    }
    await setKv(store, "session", next);
    await setKv(store, "members", [next.member]);
    announceChange();
    void syncSoon();
    return publicSession(next) as NonNullable<ReturnType<typeof publicSession>>;
  }

  /** Only Liaison's own pages and its content scripts may talk to the background, each within its own vocabulary. */
  function schemaFor(sender: Browser.runtime.MessageSender) {
    if (sender.id !== browser.runtime.id) return null;
    if (sender.url?.startsWith(browser.runtime.getURL("/"))) return pageToBackground;
    if (sender.tab?.id !== undefined) return contentToBackground;
    return null;
  }

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const schema = schemaFor(sender);
    if (!schema) return false;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `Refused message: ${describeIssues(parsed.error)}` });
      return false;
    }
    handle(parsed.data as PageMessage, sender).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  async function openCapture(tab: Browser.tabs.Tab | undefined, selectionText?: string) {
    if (tab?.id === undefined) return;
    const message = { type: "capture.open" as const, selectionText };
    try {
      await browser.tabs.sendMessage(tab.id, message);
    } catch {
      // Not a page Liaison runs on by itself: the user's click or shortcut granted activeTab, so inject it now.
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [contentScript] });
      await browser.tabs.sendMessage(tab.id, message);
    }
  }

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === captureMenu) void openCapture(tab, info.selectionText);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === "capture-action-item") void openCapture(tab);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === pullAlarm || alarm.name === retryAlarm) void syncSoon();
  });

  browser.permissions.onRemoved.addListener(() => void db.then(reconcileSelfHosted));
  browser.runtime.onInstalled.addListener(() => {
    void db.then(reconcileSelfHosted);
    browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: captureMenu, title: t("menuCaptureActionItem"), contexts: ["selection", "page"] }));
  });

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar from the sidebar button.
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});

  void browser.alarms.create(pullAlarm, { periodInMinutes: 1 });
  void updateBadge();
  void syncSoon();

  /** The toolbar badge counts what is waiting to be sent. */
  async function updateBadge() {
    const pending = await outboxSize(await db);
    await browser.action.setBadgeText({ text: pending > 0 ? String(pending) : "" });
  }
  const channel = new BroadcastChannel(storeChannelName);
  channel.onmessage = () => {
    knowledge.invalidate();
    for (const port of overlayPorts) port.postMessage({ type: "changed" });
    void updateBadge();
  };
});
