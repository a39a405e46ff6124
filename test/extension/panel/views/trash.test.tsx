// The Trash tab: what the server says I may restore, listed with who deleted it; Restore goes through entity.mutate as op "restore".
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { offlineError } from "../../../../extension/common/offline";
import { Trash } from "../../../../extension/panel/views/Trash";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const item = {
  entity: "risk",
  id: "risk-0000001",
  data: { title: "Legal review slips", likelihood: 3, impact: 4 },
  deletedAt: "2026-12-02T10:00:00Z",
  deletedBy: "member-ann-0001",
  deletedByName: "Ann Lee",
};

function background(trash: () => unknown) {
  const sent: Array<{ type: string }> = [];
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
    sent.push(message as { type: string });
    const type = (message as { type: string }).type;
    if (type === "trash.list") {
      try {
        return { ok: true, value: trash() };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    }
    return { ok: true, value: { id: "risk-0000001" } };
  });
  return sent;
}

describe("the Trash tab", () => {
  it("lists deleted records with their kind, title, who deleted them and when; Restore sends op restore", async () => {
    const sent = background(() => ({ items: [item] }));
    render(<Trash />);
    const entry = await screen.findByRole("listitem");
    expect(entry.textContent).toContain("Risk");
    expect(entry.textContent).toContain("Legal review slips");
    expect(entry.textContent).toContain("Deleted by Ann Lee, Dec 2");
    fireEvent.click(screen.getByRole("button", { name: "Restore: Legal review slips" }));
    await screen.findByText("Restored");
    expect(sent).toContainEqual({ type: "entity.mutate", entity: "risk", entityId: "risk-0000001", op: "restore" });
  });

  it("says when nothing can be restored", async () => {
    background(() => ({ items: [] }));
    render(<Trash />);
    expect(await screen.findByText("Nothing you may restore was deleted in the last 30 days.")).toBeTruthy();
  });

  it("says when the server cannot be reached, apart from an error it gave", async () => {
    background(() => {
      throw new Error(offlineError);
    });
    render(<Trash />);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("cannot be reached now"));
    cleanup();
    background(() => {
      throw new Error("The server answered 500");
    });
    render(<Trash />);
    expect((await screen.findByRole("alert")).textContent).toBe("Could not load the trash: The server answered 500");
  });
});
