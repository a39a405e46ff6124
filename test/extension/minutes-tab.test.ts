// Importing minutes reads only the tab the user chose (the context menu's, or the focused window's tab in view), and checks what the reader answers.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Background } from "../../extension/background/context";
import { minutesMenu, startMinutes } from "../../extension/background/minutes";
import { openStore } from "../../extension/store/db";

const page = {
  url: "https://acme.atlassian.net/wiki/spaces/PAY/pages/4242/2026-12-01+Payments+sync",
  title: "2026-12-01 Payments sync",
  date: "2026-12-01",
  items: [
    {
      kind: "action",
      text: "review the terms",
      line: "@ana review the terms by Dec 12",
      owner: "ana",
      ownerHandle: null,
      due: "2026-12-12",
      checked: false,
      refs: [],
      reader: "confluence",
      quote: { type: "TextQuoteSelector", exact: "@ana review the terms by Dec 12", prefix: "", suffix: "" },
    },
  ],
};

/** What each tab's reader answers, by tab id; the tabs read, in order. */
let answers: Map<number, unknown>;
let read: number[];
/** What each tab answers when asked for quotes; the tabs asked, in order. */
let quoteAnswers: Map<number, unknown>;
let quoted: number[];
let handlers: ReturnType<typeof startMinutes>;
const panel = { sender: {} as Browser.runtime.MessageSender, store: undefined as never };

beforeEach(async () => {
  fakeBrowser.reset();
  answers = new Map();
  read = [];
  quoteAnswers = new Map();
  quoted = [];
  vi.spyOn(fakeBrowser.scripting, "executeScript").mockImplementation((async (injection: {
    target: { tabId: number };
    func?: unknown;
    args?: unknown[];
  }) => {
    if (!injection.func) return [];
    // The quotes of a reading's items are asked with their indexes; a reading with the day.
    if (Array.isArray(injection.args?.[0])) {
      quoted.push(injection.target.tabId);
      return [{ frameId: 0, result: quoteAnswers.get(injection.target.tabId) ?? null }];
    }
    read.push(injection.target.tabId);
    return [{ frameId: 0, result: answers.get(injection.target.tabId) ?? null }];
  }) as never);
  // Tab 7 is in view in the focused window only when the test says so; tab 9 is in view in another window.
  vi.spyOn(fakeBrowser.tabs, "query").mockImplementation((async (query: Browser.tabs.QueryInfo) =>
    query.lastFocusedWindow ? focused : [...focused, { id: 9 }]) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, "addListener").mockImplementation((listener) => {
    menuClicked = listener;
  });
  const db = await openStore();
  handlers = startMinutes({
    db: Promise.resolve(db),
    session: async () => null,
    onStoreChange: () => {},
    saveLocal: async () => "",
  } as unknown as Background);
});

let focused: Array<{ id: number }> = [];
let menuClicked: Parameters<typeof fakeBrowser.contextMenus.onClicked.addListener>[0] = () => {};

describe("the tab minutes are read from", () => {
  it("is never another window's tab in view: with nothing chosen, nothing is read", async () => {
    focused = [];
    answers.set(9, page);
    await expect(handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel)).rejects.toThrow(/cannot read/);
    expect(read).toEqual([]);
  });

  it("is the focused window's tab in view, and only that one", async () => {
    focused = [{ id: 7 }];
    answers.set(7, page);
    answers.set(9, page);
    expect((await handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel)).page).toEqual(page);
    expect(read).toEqual([7]);

    // A page Liaison cannot read there: no other tab is tried.
    answers.delete(7);
    await expect(handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel)).rejects.toThrow(/cannot read/);
    expect(read).toEqual([7, 7]);
  });

  it("is the tab the context menu was used on, when the panel asks soon after", async () => {
    focused = [{ id: 7 }];
    answers.set(5, page);
    vi.spyOn(fakeBrowser.sidebarAction, "open").mockResolvedValue(undefined as never);
    menuClicked({ menuItemId: minutesMenu } as never, { id: 5, url: page.url } as never);
    expect((await handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel)).page.url).toBe(page.url);
    expect(read).toEqual([5]);
  });

  it("refuses an answer that is not a page of minutes", async () => {
    focused = [{ id: 7 }];
    for (const answer of [
      { ...page, url: 42 },
      { ...page, items: [{ ...page.items[0], kind: "script" }] },
      { ...page, date: "soon" },
      "a page",
    ]) {
      answers.set(7, answer);
      await expect(handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel)).rejects.toThrow(/cannot read/);
    }
    answers.set(7, { ...page, extra: "<img>", title: "x".repeat(500) });
    const answered = (await handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel)).page;
    expect(answered).not.toHaveProperty("extra");
    expect(answered.title).toHaveLength(300);
  });
});

describe("the quotes of what is imported", () => {
  const quote = { type: "TextQuoteSelector", exact: "@ana review the terms by Dec 12", prefix: "Action items ", suffix: " Decisions" };
  const ask = (indexes: number[]) => handlers["minutes.quotes"]({ type: "minutes.quotes", indexes }, panel);

  it("are read from the tab the last reading came from, even once another tab is in view", async () => {
    await expect(ask([0])).resolves.toEqual({ quotes: [null] });
    expect(quoted).toEqual([]);
    focused = [{ id: 7 }];
    answers.set(7, page);
    await handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel);
    focused = [{ id: 9 }];
    quoteAnswers.set(7, [quote, null]);
    await expect(ask([0, 1])).resolves.toEqual({ quotes: [quote, null] });
    expect(quoted).toEqual([7]);
  });

  it("are none when the page answers something else: another shape, or another count", async () => {
    focused = [{ id: 7 }];
    answers.set(7, page);
    await handlers["minutes.read"]({ type: "minutes.read", today: "2026-12-05" }, panel);
    for (const answer of [[quote], [{ ...quote, type: "XPathSelector" }, null], "quotes", null]) {
      quoteAnswers.set(7, answer);
      await expect(ask([0, 1])).resolves.toEqual({ quotes: [null, null] });
    }
    quoteAnswers.set(7, [{ ...quote, prefix: "p".repeat(500) }]);
    const [long] = (await ask([0])).quotes;
    expect(long?.prefix).toHaveLength(64);
  });
});
