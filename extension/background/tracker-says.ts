// What the tracker says: a page's reading of its own item kept, and synced, only for items the team already has records on.
import type { TrackerItem } from "../../shared/entities";
import { closedInTracker } from "../../shared/kinds/tracker-item";
import { siteKeys, urlForTargetKey } from "../../shared/sites/keys";
import { trackerStatus } from "../../shared/sites/reading";
import type { MessageOf } from "../common/messages";
import type { Db, LocalRow } from "../store/db";
import { rowsAbout } from "../store/local-rows";
import { today } from "../ui/i18n";
import type { Background } from "./context";

/**
 * The id of an item's row: made from its key, so that every member's reading of the same item
 * lands on one row (hex of SHA-256, 32 characters).
 */
async function trackerItemId(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  return [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A web page's address, parsed; null for anything else. */
function webUrl(href: string | undefined): URL | null {
  try {
    const url = new URL(href ?? "");
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * The keys a page at `href` may say it shows: what its address names as each site reads it, and
 * as a self-hosted tracker would (GitLab, Jira, Confluence or GitHub Enterprise on a host of its
 * own: the page's markup says which, and the address still names the item). A Confluence page
 * whose address names no page (its id only in the page) may name a page of its own host. Any
 * other key is not this page's item, and what the page says about it is dropped.
 */
export function pageKeysOf(href: string | undefined): (key: string) => boolean {
  const url = webUrl(href);
  if (!url) return () => false;
  const keys = new Set<string>();
  for (const site of siteKeys) for (const selfHosted of [false, true]) keys.add(site.keyOf(url, { selfHosted }) ?? "");
  keys.delete("");
  const confluencePage = [...keys].some((key) => key.startsWith("confluence:")) ? null : `confluence:${url.host.toLowerCase()}/`;
  return (key) =>
    keys.has(key) || (confluencePage !== null && key.startsWith(confluencePage) && /^\d+$/.test(key.slice(confluencePage.length)));
}

/** Whether a key names an item on the same host as the page at `href`: a list's rows are its own tracker's items. */
export function onPageHost(href: string | undefined): (key: string) => boolean {
  const host = webUrl(href)?.hostname.toLowerCase();
  return (key) => Boolean(host) && webUrl(urlForTargetKey(key) ?? undefined)?.hostname.toLowerCase() === host;
}

/**
 * Whether the team sees a row: a record marked private (a member's own annotation) is nobody's
 * business but its author's, whatever its kind. Any kind with a `visibility` counts here.
 */
function seenByTeam(row: LocalRow): boolean {
  return (row.data as { visibility?: unknown } | null)?.visibility !== "private";
}

/**
 * Keeps what the page says about its item, for each of its keys that some record the team sees
 * (an action item, a risk, a role, a shared annotation...) is about; for any other item nothing
 * is kept and nothing leaves the browser: the server never learns what a member browses, nor
 * what they annotate privately. Only what changed is written (a reading that says what the row
 * says writes nothing); what the page did not show (no title yet, no state) leaves the row's
 * value be. Answers how many rows changed.
 */
export async function keepTrackerReading(
  db: Db,
  save: Background["saveLocal"],
  reading: Omit<MessageOf<"tracker.seen">, "type">,
): Promise<number> {
  const status = trackerStatus(reading.state);
  let changed = 0;
  for (const key of new Set(reading.keys)) {
    const about = await rowsAbout(db, key);
    if (!about.some((row) => row.entity !== "tracker_item" && seenByTeam(row))) continue;
    const current = about.find((row) => row.entity === "tracker_item")?.data as TrackerItem | undefined;
    const next: Partial<TrackerItem> = { target: key };
    if (reading.title) next.title = reading.title.slice(0, 300);
    if (status) {
      next.state = reading.state.slice(0, 60);
      next.status = status;
      // Read with the state: the page showed its item, so no assignee there means nobody.
      next.assignees = reading.assignees.slice(0, 20);
      // Closed since the day a member first saw it so; seen open again, it is open.
      next.closedOn = closedInTracker(status) ? (closedInTracker(current?.status ?? null) && current?.closedOn) || today() : null;
    }
    const fields = Object.fromEntries(
      Object.entries(next).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(current?.[field as keyof TrackerItem])),
    );
    if (Object.keys(fields).every((field) => field === "target")) continue;
    try {
      await save({ entity: "tracker_item", entityId: await trackerItemId(key), op: "upsert", fields: { target: key, ...fields } });
      changed++;
    } catch {
      // A teammate deleted the item's row: it stays deleted (a deleted item never comes back).
    }
  }
  return changed;
}
