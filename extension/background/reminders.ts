// Reminders and the toolbar badge: the due-today notification, the weekly check-in reminder, my overdue and unread count.
import { browser } from "wxt/browser";
import { isoWeek } from "../../shared/dates";
import type { Checkin, Department } from "../../shared/entities";
import type { ForMeEntry } from "../../shared/for-me";
import { getKv, setKv } from "../store/db";
import { readForMe } from "../store/for-me";
import { myOpenWork } from "../store/my-work";
import { listRows, outboxSize } from "../store/store";
import { t, today } from "../ui/i18n";
import type { Background } from "./context";

const dueAlarm = "liaison-due-today";

/** The next 9:00 local time, when the day's due items are worth a notification. */
function nextNine(now = new Date()): number {
  const at = new Date(now);
  at.setHours(9, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/**
 * What the toolbar badge counts: the records that wait on me, each once. An overdue action item
 * of mine that someone else assigned me is also an unread "For me" entry: it counts once, as do
 * several unread entries about one record.
 */
export function badgeCount(overdue: ReadonlyArray<{ id: string }>, unread: ReadonlyArray<Pick<ForMeEntry, "entity" | "id">>): number {
  return new Set([...overdue.map(({ id }) => `action_item:${id}`), ...unread.map((entry) => `${entry.entity}:${entry.id}`)]).size;
}

export function startReminders(background: Background): void {
  const { db } = background;

  /** The toolbar badge counts the records behind my overdue action items and unread "For me" entries, each once; its tooltip also says what waits to be sent. */
  async function updateBadge() {
    const store = await db;
    const [{ overdue }, pending, forMe] = await Promise.all([myOpenWork(store, today()), outboxSize(store), readForMe(store, today())]);
    const unreadEntries = forMe.entries.filter((entry) => !forMe.read.has(entry.key));
    const unread = unreadEntries.length;
    const count = badgeCount(overdue, unreadEntries);
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : "" });
    await browser.action.setBadgeBackgroundColor({ color: "#cf222e" });
    const title = [
      t("extName"),
      overdue.length > 0 && t("badgeOverdueTitle", String(overdue.length)),
      unread > 0 && t("badgeUnreadTitle", String(unread)),
      pending > 0 && t("pendingCount", String(pending)),
    ];
    await browser.action.setTitle({ title: title.filter(Boolean).join(" · ") });
  }

  /** One badge update at a time: changes that come while one runs are counted by one more run after it, not one each. */
  let updating: Promise<void> | null = null;
  let stale = false;
  function badgeSoon() {
    if (updating) {
      stale = true;
      return;
    }
    updating = updateBadge()
      .catch(() => {})
      .finally(() => {
        updating = null;
        if (stale) {
          stale = false;
          badgeSoon();
        }
      });
  }

  /** On the chosen weekday, a department lead whose department has not checked in this week is reminded. */
  async function remindToCheckIn() {
    const store = await db;
    const day = today();
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    if (weekday !== ((await getKv(store, "checkinWeekday")) ?? 4) || (await getKv(store, "remindedCheckinOn")) === day) return;
    const me = (await background.session())?.member;
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

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== dueAlarm) return;
    void notifyDueToday();
    void remindToCheckIn();
  });
  // Checked hourly; notifies at most once a day, from 9:00 on.
  void browser.alarms.create(dueAlarm, { periodInMinutes: 60, when: nextNine() });
  background.onStoreChange(badgeSoon);
  void updateBadge();
}
