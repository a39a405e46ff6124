// Reads what the tracker says about the item a page shows (title, state, assignees) and tells the background, which keeps it only for items with records.
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { readRowTitle, readTrackerPage } from "../../../shared/sites/readers";
import { ask } from "../../common/ask";
import type { StoreEvents } from "../overlay/start-overlay";

/** How long the page must be still before it is read again: a page renders its header and sidebar in bursts. */
const settleMs = 1000;
/** A page never still (a ticking clock) is read this long after its first change anyway. */
const maxWaitMs = 3000;

/**
 * Reads the page's item as its tracker shows it, in the page's later part (never at page start),
 * once the page has been still for a second after a change, and tells the background what it
 * read when that changed. The background keeps it only for an item some record is about, and
 * drops it otherwise: nothing leaves the browser for a page Liaison has no record on. A change
 * in the store (a record just made about this item) sends the reading again.
 */
export function startTrackerReading(ctx: ContentScriptContext, store: StoreEvents, pageKeys: (href: string) => string[]): void {
  let sent = "";
  let sentRows = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the change that the pending read waits on first came. */
  let waitingSince = 0;
  const read = () => {
    timer = undefined;
    waitingSince = 0;
    if (ctx.isInvalid || !/^https?:/.test(location.href)) return;
    readRows();
    const keys = pageKeys(location.href).slice(0, 5);
    if (keys.length === 0) return;
    const reading = readTrackerPage(keys[0], document);
    if (!reading.title && !reading.state) return;
    const message = {
      type: "tracker.seen" as const,
      keys,
      title: reading.title.slice(0, 300),
      state: reading.state.slice(0, 60),
      assignees: reading.assignees.slice(0, 20).map((name) => name.slice(0, 100)),
    };
    const said = JSON.stringify(message);
    if (said === sent) return;
    sent = said;
    void ask(message).catch(() => {
      sent = "";
    });
  };
  /** The titles of the list rows the team has records about (the overlay knows which): no other row's is read. */
  const readRows = () => {
    const rows = (store.recordedRows?.() ?? [])
      .map((row) => ({ key: row.key, title: readRowTitle(row.key, row.element) }))
      .filter((row) => row.title)
      .slice(0, 500);
    const said = JSON.stringify(rows);
    if (rows.length === 0 || said === sentRows) return;
    sentRows = said;
    void ask({ type: "tracker.rows", rows }).catch(() => {
      sentRows = "";
    });
  };
  const readSoon = () => {
    const now = Date.now();
    if (timer !== undefined && now - waitingSince > maxWaitMs - settleMs) return;
    waitingSince ||= now;
    clearTimeout(timer);
    timer = setTimeout(read, settleMs);
  };
  const observer = new MutationObserver(readSoon);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  store.onStoreChange(() => {
    sent = "";
    sentRows = "";
    readSoon();
  });
  ctx.addEventListener(window, "wxt:locationchange", readSoon);
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  // Read once the page has settled, never while it loads: the overlay's badges come first.
  readSoon();
}
