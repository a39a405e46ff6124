// "For me" in the background: entries read here go out with the next sync, and new entries are notified while the browser runs (grouped, never my own).
import { browser } from "wxt/browser";
import type { EntityName } from "../../shared/entities";
import type { ForMeEntry } from "../../shared/for-me";
import type { forMeMessages } from "../common/messages/for-me";
import { getKv, setKv } from "../store/db";
import { markRead, readForMe } from "../store/for-me";
import { announceChange } from "../store/local-rows";
import { t, today } from "../ui/i18n";
import { forMeReasonLabels } from "../ui/labels";
import type { Background, Handlers } from "./context";
import { panelOpener } from "./panel-opener";

/** A notification of one entry is `liaison-forme:<entry key>`; of several, `liaison-forme:list:<time>`. */
const notificationPrefix = "liaison-forme:";
const keepNotified = 1000;
/** Entries older than this when first seen here (a first sync's backlog) are listed, not notified. */
const notifyWithinMs = 24 * 60 * 60 * 1000;

/** What the entry's line says: why it is mine. */
const entryTitle = (entry: ForMeEntry) => t(forMeReasonLabels[entry.reason]);

export function startForMe(background: Background): Handlers<keyof typeof forMeMessages> {
  const { db } = background;
  let notifying: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Notifies the entries new to this browser: one notification for one, one grouped for several. */
  async function notifyNew() {
    const store = await db;
    const session = await background.session();
    if (!session || session.revokedAt) return;
    const [{ entries, read }, notifiedList, switches, members] = await Promise.all([
      readForMe(store, today()),
      getKv(store, "forMeNotified"),
      getKv(store, "forMeNotify"),
      getKv(store, "members"),
    ]);
    const notified = new Set(notifiedList ?? []);
    const since = Date.now() - notifyWithinMs;
    const unseen = entries.filter((entry) => !read.has(entry.key) && !notified.has(entry.key));
    if (unseen.length === 0) return;
    await setKv(store, "forMeNotified", [...unseen.map((entry) => entry.key), ...(notifiedList ?? [])].slice(0, keepNotified));
    const fresh = unseen.filter(
      (entry) => entry.by !== session.member.id && switches?.[entry.kind] !== false && Date.parse(entry.at) >= since,
    );
    if (fresh.length === 0) return;
    const name = (id: string | null) => members?.find((member) => member.id === id)?.name ?? null;
    const line = (entry: ForMeEntry) => [entryTitle(entry), name(entry.by)].filter(Boolean).join(" · ");
    const iconUrl = browser.runtime.getURL("/icon/128.png");
    if (fresh.length === 1) {
      const [entry] = fresh;
      await browser.notifications.create(`${notificationPrefix}${entry.key}`, {
        type: "basic",
        iconUrl,
        title: line(entry),
        message: entry.title.slice(0, 500),
      });
      return;
    }
    await browser.notifications.create(`${notificationPrefix}list:${Date.now()}`, {
      type: "basic",
      iconUrl,
      title: t("notifyForMeTitle", String(fresh.length)),
      message: fresh
        .slice(0, 6)
        .map((entry) => `${line(entry)}: ${entry.title}`)
        .join("\n")
        .slice(0, 500),
    });
  }

  const openPanel = panelOpener();
  /** A click opens the side panel on "For me", on the entry's record when it was one (and marks it read). */
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(notificationPrefix)) return;
    const key = notificationId.slice(notificationPrefix.length);
    const [entity, id] = key.split(":");
    const single = !key.startsWith("list:");
    // Opened first, while the click still counts as the user's.
    openPanel();
    void (async () => {
      const store = await db;
      if (single) await markRead(store, [key]);
      await setKv(store, "panelRequest", { at: new Date().toISOString(), record: single ? { entity: entity as EntityName, id } : null });
      announceChange("state");
      void browser.notifications.clear(notificationId);
      if (single) void background.syncSoon();
    })();
  });

  background.onStoreChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      notifying = notifying.then(notifyNew).catch(() => {});
    }, 100);
  });

  return {
    "forMe.read": async (message, { store }) => {
      await markRead(store, message.keys);
      announceChange("state");
      void background.syncSoon();
      return {};
    },
  };
}
