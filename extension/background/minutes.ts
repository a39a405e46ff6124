// Importing minutes: the context menu's "Import from this page", and reading a notes page by injecting the reader into its tab when asked.
import { type Browser, browser } from "wxt/browser";
import { z } from "zod";
import type { MinutesPage } from "../../shared/minutes/plan";
import { targetKeyForUrl } from "../../shared/sites/keys";
import { isoDate } from "../../shared/text";
import type { minutesMessages } from "../common/messages/minutes";
import { setKv } from "../store/db";
import { announceChange } from "../store/store";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";

export const minutesMenu = "liaison-import-minutes";
const minutesScript = "/content-scripts/liaison-minutes.js";
/** How long the context menu's request waits for the side panel to ask. */
const askedFor = 60_000;

/** Free text from the page, cut to what the import could keep. */
const pageText = (length: number) => z.string().transform((value) => value.slice(0, length));

/**
 * What the reader answers, checked: it runs in the page's tab, so its answer is read as the
 * page's words, never trusted for its shape.
 */
const minutesPage = z.object({
  url: z
    .string()
    .regex(/^https?:\/\//i)
    .max(65_536),
  title: pageText(300),
  date: isoDate,
  items: z
    .array(
      z.object({
        kind: z.enum(["action", "decision"]),
        text: pageText(2000),
        line: pageText(4000),
        owner: pageText(200).nullable(),
        ownerHandle: pageText(200).nullable(),
        due: isoDate.nullable(),
        checked: z.boolean(),
        refs: z.array(z.string().max(4096)).transform((refs) => refs.slice(0, 100)),
        reader: z.string().max(40),
        quote: z
          .object({ type: z.literal("TextQuoteSelector"), exact: pageText(4000), prefix: pageText(64), suffix: pageText(64) })
          .nullable(),
      }),
    )
    .max(10_000),
}) satisfies z.ZodType<MinutesPage, unknown>;

/** Reads a tab's minutes: injects the reader (once per page), then asks it. Fails on pages Liaison may not read. */
async function readTab(tabId: number, today: string): Promise<MinutesPage | null> {
  await browser.scripting.executeScript({ target: { tabId }, files: [minutesScript] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (day: string) => window.__liaisonMinutes?.(day) ?? null,
    args: [today],
  });
  const read = minutesPage.safeParse(result?.result);
  return read.success ? read.data : null;
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

  /**
   * The one tab the user means: the one the context menu was just used on, else the tab in view
   * of the focused window. Never another window's tab: that page was not chosen.
   */
  async function chosenTab(sender: Browser.runtime.MessageSender): Promise<number | null> {
    if (asked && Date.now() - asked.at < askedFor) return asked.tabId;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id !== undefined && tab.id !== sender.tab?.id ? tab.id : null;
  }

  return {
    "minutes.read": async ({ today }, { sender }) => {
      const tabId = await chosenTab(sender);
      const page = tabId === null ? null : await readTab(tabId, today).catch(() => null);
      if (!page) throw new Error(t("minutesCannotRead"));
      asked = null;
      return { page };
    },
    "minutes.asked": async () => ({ asked: asked !== null && Date.now() - asked.at < askedFor }),
  };
}
