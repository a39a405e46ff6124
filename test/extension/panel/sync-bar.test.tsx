// The sync bar lists each change the server did not take (what it was, and why) until the user dismisses it.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { SyncBar } from "../../../extension/panel/SyncBar";
import type { NotSaved } from "../../../extension/store/db";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const base = { entityId: "risk-0000001", createdAt: "2026-12-02T00:00:00Z" };
const notSaved: NotSaved[] = [
  {
    ...base,
    id: "mutation-0001",
    entity: "risk",
    op: "upsert",
    fields: { likelihood: 5 },
    reason: "deleted",
    why: "gone",
    title: "Legal review slips",
  },
  { ...base, id: "mutation-0002", entity: "action_item", op: "delete", reason: "Only its author", why: "forbidden", title: "Call Legal" },
  { ...base, id: "mutation-0003", entity: "risk", op: "restore", reason: "too old", why: "gone", title: null },
  { ...base, id: "mutation-0004", entity: "goal", op: "upsert", fields: { title: "" }, reason: "title: Too small" },
];

describe("the sync bar's list of changes not saved", () => {
  it("says what each was and why, and dismisses one or all", async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: {} };
    });
    render(<SyncBar status={null} live={false} rejected={notSaved.length} notSaved={notSaved} onSync={() => {}} />);
    expect(screen.getByText("Not saved: 4 change(s)")).toBeTruthy();
    expect(screen.getAllByRole("listitem").map((item) => item.firstElementChild?.textContent)).toEqual([
      "Edit · Risk “Legal review slips”: it was deleted meanwhile",
      "Deletion · Action item “Call Legal”: only its author or an admin may do that",
      "Restore · Risk: deleted too long ago to restore",
      "Edit · Goal: the server refused it: title: Too small",
    ]);
    fireEvent.click(screen.getAllByRole("button", { name: "Dismiss" })[1]);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss all" }));
    await waitFor(() => expect(sent).toEqual([{ type: "notSaved.dismiss", mutationId: "mutation-0002" }, { type: "notSaved.dismiss" }]));
  });

  it("is not there when everything was saved", () => {
    render(<SyncBar status={null} live={false} rejected={0} notSaved={[]} onSync={() => {}} />);
    expect(screen.queryByText(/Not saved/)).toBeNull();
  });
});
