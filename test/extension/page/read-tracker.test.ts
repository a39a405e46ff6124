import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { startTrackerReading } from "../../../extension/page/tracker/read-tracker";

// The page's later part reads what the tracker says about its item and tells the background, once per change; a store change sends it again.

const key = "github:acme/app#7";
let sent: unknown[] = [];
const invalidated: Array<() => void> = [];
let storeChanged: () => void = () => {};
const ctx = {
  isInvalid: false,
  addEventListener: () => {},
  onInvalidated: (listener: () => void) => invalidated.push(listener),
} as unknown as ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
    sent.push(message);
    return { ok: true, value: {} };
  });
  document.body.innerHTML = `<h1 data-component="PH_Title"><bdi data-testid="issue-title">Checkout times out</bdi></h1>
    <span data-testid="header-state">Open</span>`;
  window.history.replaceState({}, "", "/acme/app/issues/7");
  recorded = [];
});

afterEach(() => {
  for (const listener of invalidated.splice(0)) listener();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

let recorded: Array<{ element: Element; key: string }> = [];
const start = (keys = [key]) =>
  startTrackerReading(ctx, { onStoreChange: (listener) => (storeChanged = listener), recordedRows: () => recorded }, () => keys);

describe("reading what the tracker says on a page", () => {
  it("tells the background the item's title and state once the page has settled, not while it loads", async () => {
    start();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent).toEqual([{ type: "tracker.seen", keys: [key], title: "Checkout times out", state: "Open", assignees: [] }]);
  });

  it("reads again once the page has been still after a change, and says only what changed", async () => {
    start();
    await vi.advanceTimersByTimeAsync(1100);
    (document.querySelector('[data-testid="header-state"]') as HTMLElement).textContent = "Closed";
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ state: "Closed" });
    document.body.append(document.createElement("p"));
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent).toHaveLength(2);
  });

  it("sends the same reading again when the store changed (a record about the item was just made)", async () => {
    start();
    await vi.advanceTimersByTimeAsync(1100);
    storeChanged();
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent).toHaveLength(2);
  });

  it("sends nothing from a page that shows no item, or nothing of one yet", async () => {
    document.body.innerHTML = "<main>Loading…</main>";
    start();
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent).toEqual([]);
  });

  it("sends the titles of the list rows the team has records about, and only theirs", async () => {
    document.body.innerHTML = `<ul>
      <li id="r8"><a data-testid="issue-pr-title-link" href="/acme/app/issues/8">Refund emails go to spam</a></li>
      <li id="r9"><a data-testid="issue-pr-title-link" href="/acme/app/issues/9">Dark mode contrast</a></li></ul>`;
    recorded = [{ element: document.getElementById("r8") as Element, key: "github:acme/app#8" }];
    start([]);
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent).toEqual([{ type: "tracker.rows", rows: [{ key: "github:acme/app#8", title: "Refund emails go to spam" }] }]);
  });
});
