// A record's history as readable lines, newest first, in English and Simplified Chinese; loading, offline and error states.
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanup, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { HistoryEntry } from "../../../../extension/common/messages/records";
import { offlineError } from "../../../../extension/common/offline";
import { HistoryList } from "../../../../extension/panel/history/HistoryList";
import { openStore, setKv } from "../../../../extension/store/db";
import { clearStore } from "../../../../extension/store/store";
import { applyLanguagePreference } from "../../../../extension/ui/i18n";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const thisYear = new Date().getFullYear();
const at = (day: number) => `${thisYear}-12-0${day}T10:00:00Z`;
const ann = { memberId: "member-ann-0001", memberName: "Ann Lee" };
const entries: HistoryEntry[] = [
  { version: 2, at: at(2), ...ann, op: "update", changes: [{ field: "owner", old: "Bo Chen", new: "Cy Wang" }] },
  { version: 4, at: at(4), ...ann, op: "restore", changes: [] },
  { version: 1, at: at(1), ...ann, op: "create", changes: [] },
  { version: 3, at: at(3), ...ann, op: "delete", changes: [] },
  {
    version: 5,
    at: at(5),
    ...ann,
    op: "update",
    changes: [
      { field: "due", old: null, new: `${thisYear}-12-20` },
      { field: "status", old: "open", new: "done" },
      { field: "ownerId", old: null, new: "member-cy-00001" },
    ],
  },
];

function background(answer: () => unknown) {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
    sent.push(message);
    try {
      return { ok: true, value: answer() };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  });
  return sent;
}

describe("a record's history", () => {
  it("reads as lines, newest first, with field labels, people and dates as people read them", async () => {
    const db = await openStore();
    await clearStore(db);
    await setKv(db, "members", [{ id: "member-cy-00001", name: "Cy Wang", department: "Legal", role: "member", joinedAt: at(1) }]);
    const sent = background(() => ({ entries }));
    render(<HistoryList entity="action_item" id="item-0000001" />);
    const list = await screen.findByRole("list");
    expect([...list.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      `Ann Lee set Due date to ${new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }).format(new Date(Date.UTC(thisYear, 11, 20)))}, Dec 5`,
      "Ann Lee changed Status from Open to Done, Dec 5",
      "Ann Lee set Owner to Cy Wang, Dec 5",
      "Restored by Ann Lee, Dec 4",
      "Deleted by Ann Lee, Dec 3",
      "Ann Lee changed Owner from Bo Chen to Cy Wang, Dec 2",
      "Ann Lee created this, Dec 1",
    ]);
    expect(sent).toEqual([{ type: "history.get", entity: "action_item", id: "item-0000001" }]);
  });

  it("says so while loading, when offline, and when the server refused", async () => {
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(() => new Promise(() => {}));
    render(<HistoryList entity="risk" id="risk-0000001" />);
    expect(screen.getByRole("status").textContent).toBe("Loading the history…");
    cleanup();
    background(() => {
      throw new Error(offlineError);
    });
    render(<HistoryList entity="risk" id="risk-0000001" />);
    expect((await screen.findByText(/cannot be reached now/)).textContent).toBe(
      "The history is on the server, which cannot be reached now.",
    );
    cleanup();
    background(() => {
      throw new Error("Not found");
    });
    render(<HistoryList entity="risk" id="risk-0000001" />);
    expect((await screen.findByRole("alert")).textContent).toBe("Could not load the history: Not found");
  });

  it("reads in Simplified Chinese when that is the language chosen", async () => {
    const zh = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../../../../extension/public/_locales/zh_CN/messages.json"), "utf8"),
    );
    await fakeBrowser.storage.local.set({ uiLanguage: "zh_CN" });
    await applyLanguagePreference(async () => zh);
    try {
      background(() => ({ entries: [entries[0]] }));
      render(<HistoryList entity="risk" id="risk-0000001" />);
      expect((await screen.findByRole("listitem")).textContent).toBe("Ann Lee 将负责人从 Bo Chen 改为 Cy Wang，12月2日");
    } finally {
      const en = JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, "../../../../extension/public/_locales/en/messages.json"), "utf8"),
      );
      await fakeBrowser.storage.local.set({ uiLanguage: "en" });
      await applyLanguagePreference(async () => en);
    }
  });
});
