// Importing minutes: the context menu's "Import from this page", and reading a notes page by injecting the reader into its tab when asked.
import { type Browser, browser } from "wxt/browser";
import { z } from "zod";
import type { ActionItem, Decision, Meeting } from "../../shared/kinds/schemas";
import { type MinutesPage, meetingUrl, planImport } from "../../shared/minutes/plan";
import { targetKeyForUrl } from "../../shared/sites/keys";
import { isoDate } from "../../shared/text";
import type { minutesMessages, TickedInNotes } from "../common/messages/minutes";
import { type Db, getKv, setKv } from "../store/db";
import { announceChange, listRows } from "../store/store";
import { t, today } from "../ui/i18n";
import type { Background, Handlers } from "./context";
import { panelOpener } from "./panel-opener";

export const minutesMenu = "liaison-import-minutes";
const minutesScript = "/content-scripts/liaison-minutes.js";
/** How long the context menu's request waits for the side panel to ask. */
const askedFor = 60_000;
/** How long a notes page is given to draw its task lists after it loads (or its address changes) before it is read. */
const settleMs = 1500;
/** The notification of a tab's ticked tasks is `liaison-ticked:<tab id>`. */
const tickedPrefix = "liaison-ticked:";
const keepNotified = 500;

/** Free text from the page, cut to what the import could keep. */
const pageText = (length: number) => z.string().transform((value) => value.slice(0, length));

/** A quote as the page gives it: a capture's shape, its words cut to what a record keeps. */
const quoteSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: pageText(4000),
  prefix: pageText(64),
  suffix: pageText(64),
});

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
        quote: quoteSchema.nullable(),
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

/** The ids of the action items still open among these rows. */
const openIds = (rows: ReadonlyArray<{ id: string; data: unknown }>) =>
  new Set(rows.flatMap((row) => ((row.data as ActionItem | null)?.status === "open" ? [row.id] : [])));

/** The imported action items still open that the page's ticked tasks stand for, as an earlier import matched them. */
async function tickedIn(store: Db, page: MinutesPage): Promise<TickedInNotes | null> {
  const rows = async <T>(entity: "meeting" | "decision" | "action_item") =>
    (await listRows(store, entity)).map((row) => ({ id: row.id, data: row.data as T }));
  const [meetings, decisions, actionItems, members] = await Promise.all([
    rows<Meeting>("meeting"),
    rows<Decision>("decision"),
    rows<ActionItem>("action_item"),
    getKv(store, "members"),
  ]);
  const { candidates } = planImport(page, { meetings, decisions, actionItems, members: members ?? [], knownKeys: [] });
  // Ticked in the page and open here, whatever else changed in the notes (a new owner or date waits for an import).
  const open = openIds(actionItems);
  const items = candidates.flatMap((c) =>
    c.kind === "action" && c.checked && c.existingId && open.has(c.existingId) ? [{ id: c.existingId, text: c.text }] : [],
  );
  return items.length > 0 ? { url: meetingUrl(page.url), title: page.title, items } : null;
}

/**
 * Done from the notes: when a page the team imported minutes from is opened (or its address
 * changes in place), it is read once it has settled, on this browser only (the reader goes into
 * that tab alone, and only where Liaison may read the site); its tasks ticked since are offered
 * to be marked done: on the tab's toolbar badge, in a notification (once per item), and on the
 * side panel's This page. Nothing is marked done without the user's click.
 */
function watchTickedTasks(background: Background) {
  const offers = new Map<number, TickedInNotes>();
  const waiting = new Map<number, ReturnType<typeof setTimeout>>();
  /** The addresses of the notes pages meetings were imported from, read again after the rows change. */
  let notesPages: Promise<Set<string>> | null = null;
  const isNotesPage = async (url: string) => {
    notesPages ??= background.db.then(
      async (store) =>
        new Set(
          (await listRows(store, "meeting")).flatMap((row) => {
            const url = (row.data as Meeting).url;
            return url ? [meetingUrl(url)] : [];
          }),
        ),
    );
    return (await notesPages).has(meetingUrl(url));
  };
  const chromeOnly = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== "function";

  /** The tab's badge, title and panel card follow its offer; null text gives the tab the global badge back. */
  async function show(tabId: number) {
    const offer = offers.get(tabId);
    const reset = null as unknown as string;
    await browser.action.setBadgeText({ tabId, text: offer ? `✓${offer.items.length}` : reset }).catch(() => {});
    if (offer) await browser.action.setBadgeBackgroundColor({ tabId, color: "#1a7f37" }).catch(() => {});
    await browser.action
      .setTitle({ tabId, title: offer ? `${t("extName")} · ${t("tickedTitle", String(offer.items.length))}` : reset })
      .catch(() => {});
    announceChange("context");
  }

  async function notify(tabId: number, offer: TickedInNotes) {
    const store = await background.db;
    const notified = (await getKv(store, "tickedNotified")) ?? [];
    const fresh = offer.items.filter((item) => !notified.includes(item.id));
    if (fresh.length === 0) return;
    await setKv(store, "tickedNotified", [...fresh.map((item) => item.id), ...notified].slice(0, keepNotified));
    await browser.notifications.create(`${tickedPrefix}${tabId}`, {
      type: "basic",
      iconUrl: browser.runtime.getURL("/icon/128.png"),
      title: t("tickedTitle", String(offer.items.length)),
      message: [offer.title, ...offer.items.slice(0, 5).map((item) => `✓ ${item.text}`)].join("\n").slice(0, 500),
      // Firefox shows no buttons: a click there opens the sidebar, where the same choice waits.
      ...(chromeOnly ? { buttons: [{ title: t("tickedMarkAllDone") }] } : {}),
    });
  }

  async function check(tabId: number, url: string) {
    if (!(await isNotesPage(url)) || !(await background.session())) return;
    const page = await readTab(tabId, today()).catch(() => null);
    // Read where Liaison may read the site; the tab may have moved on meanwhile.
    if (!page || meetingUrl(page.url) !== meetingUrl(url)) return;
    const offer = await tickedIn(await background.db, page);
    if (offer) offers.set(tabId, offer);
    else if (!offers.delete(tabId)) return;
    await show(tabId);
    if (offer) await notify(tabId, offer);
  }

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== "complete" && change.url === undefined) return;
    clearTimeout(waiting.get(tabId));
    if (change.url !== undefined && offers.delete(tabId)) void show(tabId);
    const url = tab.url;
    if (!url || !/^https?:\/\//i.test(url)) return;
    waiting.set(
      tabId,
      setTimeout(() => {
        waiting.delete(tabId);
        void check(tabId, url).catch(() => {});
      }, settleMs),
    );
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    clearTimeout(waiting.get(tabId));
    offers.delete(tabId);
  });
  // Items marked done (here, by a teammate or from the notification) leave the offers.
  background.onStoreChange((change) => {
    if (change === "state") return;
    notesPages = null;
    if (offers.size === 0) return;
    void background.db.then(async (store) => {
      const open = openIds(await listRows(store, "action_item"));
      for (const [tabId, offer] of offers) {
        const items = offer.items.filter((item) => open.has(item.id));
        if (items.length === offer.items.length) continue;
        if (items.length > 0) offers.set(tabId, { ...offer, items });
        else offers.delete(tabId);
        void show(tabId);
      }
    });
  });
  // A click on the notification shows its tab, with the side panel open on This page, where the offer waits.
  const openPanel = panelOpener();
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(tickedPrefix)) return;
    openPanel();
    const tabId = Number(notificationId.slice(tickedPrefix.length));
    void browser.tabs.update(tabId, { active: true }).catch(() => {});
    void browser.notifications.clear(notificationId);
  });
  /** "Mark all done" on the notification: the items it named, if still open. */
  const notificationsWithButtons = browser.notifications.onButtonClicked as typeof browser.notifications.onButtonClicked | undefined;
  notificationsWithButtons?.addListener((notificationId) => {
    if (!notificationId.startsWith(tickedPrefix)) return;
    const offer = offers.get(Number(notificationId.slice(tickedPrefix.length)));
    void browser.notifications.clear(notificationId);
    for (const item of offer?.items ?? [])
      void background.saveLocal({ entity: "action_item", entityId: item.id, op: "upsert", fields: { status: "done" } }).catch(() => {});
  });

  return {
    /** The offer of the tab in view of the focused window. */
    async inView(): Promise<{ tabId: number; offer: TickedInNotes } | null> {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      const offer = tab?.id !== undefined ? offers.get(tab.id) : undefined;
      return offer && tab?.id !== undefined ? { tabId: tab.id, offer } : null;
    },
    dismiss(tabId: number) {
      if (offers.delete(tabId)) void show(tabId);
      void browser.notifications.clear(`${tickedPrefix}${tabId}`);
    },
  };
}

export function startMinutes(background: Background): Handlers<keyof typeof minutesMessages> {
  const ticked = watchTickedTasks(background);
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

  /** The tab the side panel's last reading came from: the quotes of what it imports are read there. */
  let readFrom: number | null = null;

  return {
    "minutes.read": async ({ today }, { sender }) => {
      const tabId = await chosenTab(sender);
      const page = tabId === null ? null : await readTab(tabId, today).catch(() => null);
      if (!page || tabId === null) throw new Error(t("minutesCannotRead"));
      asked = null;
      readFrom = tabId;
      return { page };
    },
    "minutes.quotes": async ({ indexes }) => {
      const none = indexes.map(() => null);
      if (readFrom === null || indexes.length === 0) return { quotes: none };
      const [result] = await browser.scripting
        .executeScript({
          target: { tabId: readFrom },
          func: (list: number[]) => window.__liaisonMinutesQuotes?.(list) ?? null,
          args: [indexes],
        })
        .catch(() => [undefined]);
      const quotes = z.array(quoteSchema.nullable()).max(10_000).safeParse(result?.result);
      // An answer of another length is not the page's reader answering these items.
      return { quotes: quotes.success && quotes.data.length === indexes.length ? quotes.data : none };
    },
    "minutes.asked": async () => ({ asked: asked !== null && Date.now() - asked.at < askedFor }),
    "minutes.ticked": async () => ({ ticked: (await ticked.inView())?.offer ?? null }),
    "minutes.tickedDismiss": async () => {
      const inView = await ticked.inView();
      if (inView) ticked.dismiss(inView.tabId);
      return {};
    },
  };
}
