// Page parts and overlays: what a tracker page asks for (later parts, summaries, annotations, its catalogue), what it
// reports (the item it shows, where its annotations anchored), and the side panel it opens on an item.
import { type Browser, browser } from "wxt/browser";
import { targetKey } from "../../shared/sites/keys";
import type { pagePartMessages } from "../common/messages/page-parts";
import { overlayPortName } from "../common/ports";
import { partScripts } from "../page/parts";
import { setKv } from "../store/db";
import { announceChange, mutateLocal } from "../store/store";
import { loadCatalogue, type UiLanguage } from "../ui/i18n";
import { pageAnnotations, recordAnchoring } from "./annotations";
import type { Background, Handlers } from "./context";
import { KnowledgeIndex } from "./knowledge";
import { keepTrackerReading, onPageHost, pageKeysOf } from "./tracker-says";

type PageInView = { key: string | null; title: string | null; url: string | null };

export function startPageParts(background: Background): Handlers<keyof typeof pagePartMessages> {
  const knowledge = new KnowledgeIndex(background.db);
  const catalogues = new Map<UiLanguage, ReturnType<typeof loadCatalogue>>();
  /** Overlays on open tabs: told when the store changes, so chips and badges follow teammates' edits. */
  const overlayPorts = new Set<Browser.runtime.Port>();
  /** What each tab's overlay says the page shows (kept in memory, never sent anywhere). */
  const pages = new Map<number, PageInView>();

  // The side panel's "This page" follows the tab in view (nothing in the store changed).
  browser.tabs.onActivated.addListener(() => announceChange("context"));
  background.onPort((port) => {
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
  background.onStoreChange((change) => {
    // Overlays show rows: a sync that only reported its status leaves them be.
    if (change === "state") return;
    knowledge.invalidate();
    for (const port of overlayPorts) port.postMessage({ type: "changed" });
  });
  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar from the sidebar button.
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => {});

  return {
    "i18n.catalogue": async ({ language }) => {
      // Every page load asks: the file is read once per worker.
      let catalogue = catalogues.get(language);
      if (!catalogue) {
        catalogue = loadCatalogue(language);
        catalogues.set(language, catalogue);
        catalogue.catch(() => catalogues.delete(language));
      }
      return { catalogue: await catalogue };
    },
    "page.part": async (message, { sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error("page.part comes from a tab");
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [partScripts[message.part]] });
      return {};
    },
    "overlay.query": async (message) => ({ summaries: await knowledge.summaries(message.keys) }),
    "overlay.open": async (message, { store, sender }) => {
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
    },
    "annotations.forPage": async (message, { store }) => ({
      annotations: await pageAnnotations(store, { url: message.url, keys: message.keys }),
    }),
    "annotations.status": async (message, { store }) => {
      if (await recordAnchoring(store, message.url, message.statuses)) announceChange("state");
      return {};
    },
    // What a page says is written to the team's records: only about the sender tab's own item,
    // and a list's rows only about items of the page's own host; any other key is dropped.
    "tracker.seen": async ({ type: _, ...reading }, { store, sender }) => {
      const keys = reading.keys.filter(pageKeysOf(sender.tab?.url));
      if (keys.length > 0) await keepTrackerReading(store, background.saveLocal, { ...reading, keys });
      return {};
    },
    // A list's titles are written as one change: pages, the badge and the panel hear of them once, not once a row.
    "tracker.rows": async ({ rows }, { store, sender }) => {
      const onHost = onPageHost(sender.tab?.url);
      const actor = { memberId: (await background.session())?.member.id ?? null };
      const quietly: Background["saveLocal"] = async (change) => (await mutateLocal(store, change, actor)).entityId;
      let changed = 0;
      for (const { key, title } of rows.filter((row) => onHost(row.key)))
        changed += await keepTrackerReading(store, quietly, { keys: [key], title, state: "", assignees: [] });
      if (changed > 0) {
        announceChange();
        void background.syncSoon();
      }
      return {};
    },
    "panel.context": async () => {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return (tab?.id !== undefined ? pages.get(tab.id) : undefined) ?? { key: null, title: null, url: null };
    },
  };
}
