// Importing minutes: the context menu's "Import from this page", and reading a notes page by injecting the reader into its tab when asked.
import { type Browser, browser } from "wxt/browser";
import { targetKeyForUrl } from "../../shared/sites/keys";
import type { minutesMessages } from "../common/messages/minutes";
import { setKv } from "../store/db";
import { announceChange } from "../store/store";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";

export const minutesMenu = "liaison-import-minutes";
const minutesScript = "/content-scripts/liaison-minutes.js";
/** How long the context menu's request waits for the side panel to ask. */
const askedFor = 60_000;

/** Reads a tab's minutes: injects the reader (once per page), then asks it. Fails on pages Liaison may not read. */
async function readTab(tabId: number, today: string) {
  await browser.scripting.executeScript({ target: { tabId }, files: [minutesScript] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (day: string) => window.__liaisonMinutes?.(day) ?? null,
    args: [today],
  });
  return (result?.result as ReturnType<NonNullable<Window["__liaisonMinutes"]>> | null | undefined) ?? null;
}

export function startMinutes(background: Background): Handlers<keyof typeof minutesMessages> {
  /** The tab the context menu was used on, for the side panel it opened. */
  let asked: { tabId: number; at: number } | null = null;

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== minutesMenu || tab?.id === undefined) return;
    // Opened first, while the click still counts as the user's.
    const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidePanel) void sidePanel.open({ tabId: tab.id }).catch(() => {});
    else void sidebar?.open().catch(() => {});
    asked = { tabId: tab.id, at: Date.now() };
    const key = tab.url ? targetKeyForUrl(tab.url) : null;
    void background.db.then(async (store) => {
      // The panel opens on This page, where the import is.
      if (key) await setKv(store, "focus", { key, at: new Date().toISOString() });
      announceChange("state");
    });
  });

  /** The tabs the user may mean, most likely first: the context menu's, then the tab in view of each window. */
  async function candidateTabs(sender: Browser.runtime.MessageSender): Promise<number[]> {
    const ids: number[] = [];
    if (asked && Date.now() - asked.at < askedFor) ids.push(asked.tabId);
    const focused = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const anywhere = await browser.tabs.query({ active: true });
    for (const tab of [...focused, ...anywhere]) if (tab.id !== undefined && tab.id !== sender.tab?.id) ids.push(tab.id);
    return [...new Set(ids)];
  }

  return {
    "minutes.read": async ({ today }, { sender }) => {
      for (const tabId of await candidateTabs(sender)) {
        const page = await readTab(tabId, today).catch(() => null);
        if (page) {
          asked = null;
          return { page };
        }
      }
      throw new Error(t("minutesCannotRead"));
    },
    "minutes.asked": async () => ({ asked: asked !== null && Date.now() - asked.at < askedFor }),
  };
}
