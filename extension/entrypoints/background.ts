import { type Browser, browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { isoWeek } from "../../shared/dates";
import type { Checkin, Department } from "../../shared/entities";
import { describeIssues } from "../../shared/entities";
import { targetKey } from "../../shared/sites/keys";
import { type Invite, joinRequest } from "../../shared/workspace";
import { pageAnnotations, recordAnchoring } from "../background/annotations";
import { KnowledgeIndex } from "../background/knowledge";
import { addSelfHosted, reconcileSelfHosted, removeSelfHosted } from "../background/self-hosted";
import { api } from "../background/sync/api";
import { SyncEngine } from "../background/sync/engine";
import { LiveConnection } from "../background/sync/live";
import type { Replies } from "../common/ask";
import { contentToBackground, type PageMessage, pageToBackground } from "../common/messages";
import { inUsePortNames, overlayPortName } from "../common/ports";
import { publicSession, type StoredSession } from "../common/session";
import { partScripts } from "../page/parts";
import { getKv, openStore, setKv } from "../store/db";
import { myOpenWork } from "../store/my-work";
import {
  announceChange,
  clearStore,
  listRows,
  mutateLocal,
  newLocalId,
  outboxSize,
  resolveConflict,
  type StoreChange,
  storeChannelName,
} from "../store/store";
import { loadCatalogue, t, today, type UiLanguage } from "../ui/i18n";

const pullAlarm = "liaison-pull";
const retryAlarm = "liaison-retry";
const dueAlarm = "liaison-due-today";
const captureMenu = "liaison-capture-action-item";
const annotateMenu = "liaison-annotate";
const contentScript = "/content-scripts/liaison.js";

/** The next 9:00 local time, when the day's due items are worth a notification. */
function nextNine(now = new Date()): number {
  const at = new Date(now);
  at.setHours(9, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.getTime();
}

export default defineBackground(() => {
  const db = openStore();
  const engine = db.then((store) => new SyncEngine(store));
  const knowledge = new KnowledgeIndex(db);
  const catalogues = new Map<UiLanguage, ReturnType<typeof loadCatalogue>>();
  /** Overlays on open tabs: told when the store changes, so chips and badges follow teammates' edits. */
  const overlayPorts = new Set<Browser.runtime.Port>();
  /** What each tab's overlay says the page shows (kept in memory, never sent anywhere). */
  const pages = new Map<number, { key: string | null; title: string | null; url: string | null }>();
  // The side panel's "This page" follows the tab in view (nothing in the store changed).
  browser.tabs.onActivated.addListener(() => announceChange("context"));
  /** Live updates while a side panel or an overlay is open (extension/sync/live.ts). */
  const live = new LiveConnection(db, () => syncSoon());
  browser.runtime.onConnect.addListener((port) => {
    if (!inUsePortNames.includes(port.name) || port.sender?.id !== browser.runtime.id) return port.disconnect();
    live.hold(port);
    if (port.name !== overlayPortName) return;
    overlayPorts.add(port);
    const tabId = port.sender?.tab?.id;
    port.onMessage.addListener((message: { type?: unknown; itemKey?: unknown; title?: unknown; url?: unknown }) => {
      if (tabId === undefined || message?.type !== "page") return;
      const key = typeof message.itemKey === "string" && targetKey.test(message.itemKey) ? message.itemKey : null;
      const url = typeof message.url === "string" && /^https?:\/\//.test(message.url) ? message.url.slice(0, 2048) : null;
      pages.set(tabId, { key, title: typeof message.title === "string" ? message.title.slice(0, 300) : null, url });
      announceChange("context");
    });
    port.onDisconnect.addListener(() => {
      overlayPorts.delete(port);
      // The page left (or the tab closed): the side panel's "This page" follows.
      if (tabId !== undefined && pages.delete(tabId)) announceChange("context");
    });
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

  /** A change made here: in the local store at once, then on its way to the server. */
  async function saveLocal(change: Parameters<typeof mutateLocal>[1]): Promise<string> {
    await mutateLocal(await db, change, { memberId: (await session())?.member.id ?? null });
    announceChange();
    void syncSoon();
    return change.entityId;
  }

  async function handle(message: PageMessage, sender: Browser.runtime.MessageSender): Promise<Replies[PageMessage["type"]]> {
    const store = await db;
    switch (message.type) {
      case "i18n.catalogue": {
        // Every page load asks: the file is read once per worker.
        let catalogue = catalogues.get(message.language);
        if (!catalogue) {
          catalogue = loadCatalogue(message.language);
          catalogues.set(message.language, catalogue);
          catalogue.catch(() => catalogues.delete(message.language));
        }
        return { catalogue: await catalogue };
      }
      case "page.part": {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error("page.part comes from a tab");
        await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [partScripts[message.part]] });
        return {};
      }
      case "overlay.query":
        return { summaries: await knowledge.summaries(message.keys) };
      case "overlay.open": {
        const annotation = message.annotationId ? { annotationId: message.annotationId } : {};
        await setKv(store, "focus", { key: message.key, at: new Date().toISOString(), ...annotation });
        announceChange("state");
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
      case "risk.create":
        return { id: await saveLocal({ entity: "risk", entityId: newLocalId(), op: "upsert", fields: message.fields }) };
      case "actionItem.create":
        return { id: await saveLocal({ entity: "action_item", entityId: newLocalId(), op: "upsert", fields: message.fields }) };
      case "annotations.forPage":
        return { annotations: await pageAnnotations(store, { url: message.url, keys: message.keys }) };
      case "annotation.create":
        return { id: await saveLocal({ entity: "annotation", entityId: newLocalId(), op: "upsert", fields: message.fields }) };
      case "annotations.status":
        if (await recordAnchoring(store, message.url, message.statuses)) announceChange("state");
        return {};
      case "entity.mutate": {
        const { type: _type, ...change } = message;
        return { id: await saveLocal(change) };
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
      case "workspace.admin": {
        const current = await session();
        if (!current) throw new Error(t("errorNotConnected"));
        const call = <T>(method: string, path: string, body?: unknown) =>
          api.admin<T>(current.serverUrl, current.token, method, path, body);
        const action = message.action;
        let reply: Replies["workspace.admin"] = {};
        if (action.kind === "invites.list") reply = await call<{ invites: Invite[] }>("GET", "/v1/invites");
        if (action.kind === "invites.revoke") await call("DELETE", `/v1/invites/${action.id}`);
        if (action.kind === "members.role") await call("PATCH", `/v1/members/${action.id}`, { role: action.role });
        if (action.kind === "members.remove") await call("DELETE", `/v1/members/${action.id}`);
        if (action.kind === "workspace.rename") {
          await call("PATCH", "/v1/workspace", { name: action.name });
          await setKv(store, "session", { ...current, workspace: { ...current.workspace, name: action.name } });
        }
        if (action.kind === "token.rotate") {
          const { token } = await call<{ token: string }>("POST", "/v1/me/token");
          await setKv(store, "session", { ...current, token });
        }
        announceChange();
        void syncSoon();
        return reply;
      }
      case "invite.create": {
        const current = await session();
        if (!current) throw new Error(t("errorNotConnected"));
        return api.createInvite(current.serverUrl, current.token);
      }
      case "sync.now":
        return { status: await syncSoon() };
      case "conflict.resolve": {
        await resolveConflict(store, message.mutationId, message.keep, { memberId: (await session())?.member.id ?? null });
        announceChange();
        void syncSoon();
        return {};
      }
      case "panel.context": {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return (tab?.id !== undefined ? pages.get(tab.id) : undefined) ?? { key: null, title: null, url: null };
      }
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

  async function openCapture(tab: Browser.tabs.Tab | undefined, selectionText?: string, kind: "actionItem" | "annotation" = "actionItem") {
    if (tab?.id === undefined) return;
    const message = { type: "capture.open" as const, selectionText, kind };
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
    if (info.menuItemId === annotateMenu) void openCapture(tab, info.selectionText, "annotation");
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === "capture-action-item") void openCapture(tab);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === pullAlarm || alarm.name === retryAlarm) void syncSoon();
    if (alarm.name === dueAlarm) {
      void notifyDueToday();
      void remindToCheckIn();
    }
  });

  browser.permissions.onRemoved.addListener(() => void db.then(reconcileSelfHosted));
  browser.runtime.onInstalled.addListener(() => {
    void db.then(reconcileSelfHosted);
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: captureMenu, title: t("menuCaptureActionItem"), contexts: ["selection", "page"] });
      browser.contextMenus.create({ id: annotateMenu, title: t("menuAnnotate"), contexts: ["selection", "page"] });
    });
  });

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar from the sidebar button.
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});

  void browser.alarms.create(pullAlarm, { periodInMinutes: 1 });
  // Checked hourly; notifies at most once a day, from 9:00 on.
  void browser.alarms.create(dueAlarm, { periodInMinutes: 60, when: nextNine() });
  void updateBadge();
  void syncSoon();

  /** The toolbar badge counts my overdue action items; its tooltip also says what waits to be sent. */
  async function updateBadge() {
    const store = await db;
    const [{ overdue }, pending] = await Promise.all([myOpenWork(store, today()), outboxSize(store)]);
    await browser.action.setBadgeText({ text: overdue.length > 0 ? String(overdue.length) : "" });
    await browser.action.setBadgeBackgroundColor({ color: "#cf222e" });
    const title = [
      t("extName"),
      overdue.length > 0 && t("badgeOverdueTitle", String(overdue.length)),
      pending > 0 && t("pendingCount", String(pending)),
    ];
    await browser.action.setTitle({ title: title.filter(Boolean).join(" · ") });
  }

  /** On the chosen weekday, a department lead whose department has not checked in this week is reminded. */
  async function remindToCheckIn() {
    const store = await db;
    const day = today();
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    if (weekday !== ((await getKv(store, "checkinWeekday")) ?? 4) || (await getKv(store, "remindedCheckinOn")) === day) return;
    const me = (await session())?.member;
    if (!me) return;
    const week = isoWeek(day);
    const led = (await listRows(store, "department")).map((row) => row.data as Department).filter((d) => d.leadId === me.id);
    const checkedIn = new Set(
      (await listRows(store, "checkin"))
        .map((row) => row.data as Checkin)
        .filter((c) => c.week === week)
        .map((c) => c.department),
    );
    await setKv(store, "remindedCheckinOn", day);
    for (const department of led.filter((d) => !checkedIn.has(d.name))) {
      await browser.notifications.create(`liaison-checkin-${week}-${department.name}`, {
        type: "basic",
        iconUrl: browser.runtime.getURL("/icon/128.png"),
        title: t("notifyCheckinTitle", department.name),
        message: t("notifyCheckinBody"),
      });
    }
  }

  /** Once a day, a notification for my action items due that day (unless turned off in options). */
  async function notifyDueToday() {
    const store = await db;
    if ((await getKv(store, "notifyDue")) === false) return;
    const day = today();
    if ((await getKv(store, "notifiedOn")) === day) return;
    const { dueToday, overdue } = await myOpenWork(store, day);
    await setKv(store, "notifiedOn", day);
    if (dueToday.length === 0) return;
    await browser.notifications.create(`liaison-due-${day}`, {
      type: "basic",
      iconUrl: browser.runtime.getURL("/icon/128.png"),
      title: t("notifyDueTitle", String(dueToday.length)),
      message: [...dueToday.map(({ item }) => item.text), overdue.length > 0 ? t("badgeOverdueTitle", String(overdue.length)) : ""]
        .filter(Boolean)
        .join("\n")
        .slice(0, 500),
    });
  }
  const channel = new BroadcastChannel(storeChannelName);
  channel.onmessage = (event: MessageEvent<{ type?: StoreChange }>) => {
    if (event.data?.type === "context") return;
    // Overlays show rows: a sync that only reported its status leaves them be.
    if (event.data?.type !== "state") {
      knowledge.invalidate();
      for (const port of overlayPorts) port.postMessage({ type: "changed" });
    }
    void updateBadge();
    void live.update();
  };
});
