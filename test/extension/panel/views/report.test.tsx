// The Report tab: the weekly report formatted through the safe Markdown renderer, copied as Markdown, and the workspace's exports saved as files.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { emptyPanelData, type PanelData, type Row } from "../../../../extension/panel/panel-data";
import { Report } from "../../../../extension/panel/views/Report";
import { type EntityName, mergeEntity } from "../../../../shared/entities";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function row<T>(entity: EntityName, id: string, fields: Record<string, unknown>): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  const at = "2026-11-24T09:00:00Z";
  return { id, data: merged.data as T, meta: { createdBy: null, createdAt: at, updatedBy: null, updatedAt: at }, pending: false };
}

const data: PanelData = {
  ...emptyPanelData,
  actionItems: [
    row("action_item", "item-1", { text: "Send the DPA to <b>Legal</b>", department: "Legal", due: "2026-11-25" }),
    row("action_item", "item-2", { text: "Book the review", department: "Legal", due: "2026-11-20" }),
  ],
};

describe("the Report tab", () => {
  it("shows the week's report formatted: headings and lists as elements, user text as text", () => {
    const { container } = render(<Report data={data} today="2026-11-26" />);
    const report = screen.getByRole("article");
    expect(report.querySelector("textarea")).toBeNull();
    expect(report.querySelector("strong")?.textContent).toContain("2026-W48");
    expect([...report.querySelectorAll("strong")].map((s) => s.textContent)).toContain("Legal");
    const items = [...report.querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(items.some((item) => item.includes("Send the DPA to <b>Legal</b>"))).toBe(true);
    expect(container.querySelector("b")).toBeNull();
  });

  it("copies the report as Markdown", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<Report data={data} today="2026-11-26" />);
    fireEvent.click(screen.getByRole("button", { name: "Copy report as Markdown" }));
    await screen.findByText("Copied");
    expect(writeText.mock.calls[0][0]).toMatch(/^# .*2026-W48[\s\S]*## Legal/);
  });

  it("saves an export the background fetched with the token, and the report as a Markdown file", async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: { filename: "liaison-action-items-2026-11-26.csv", mimeType: "text/csv", text: "text,owner\n" } };
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:liaison/1";
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(<Report data={data} today="2026-11-26" />);
    fireEvent.click(screen.getByRole("button", { name: "Action items (CSV)" }));
    await screen.findByText("Saved liaison-action-items-2026-11-26.csv");
    expect(sent).toEqual([{ type: "export.fetch", file: "action-items.csv" }]);
    expect(await blobs[0].text()).toBe("text,owner\n");
    fireEvent.click(screen.getByRole("button", { name: "This report (Markdown)" }));
    await waitFor(() => expect(clicked).toEqual(["liaison-action-items-2026-11-26.csv", "liaison-report-2026-W48.md"]));
    expect(await blobs[1].text()).toMatch(/^# /);
  });
});
