import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { emptyPanelData, type PanelData, type Row } from "../../extension/panel/panel-data";
import { Gaps } from "../../extension/panel/views/Gaps";
import { MyWork } from "../../extension/panel/views/MyWork";
import { Risks } from "../../extension/panel/views/Risks";
import { Search, searchHits, searchIndex } from "../../extension/panel/views/Search";
import { ThisPage } from "../../extension/panel/views/ThisPage";
import { type EntityName, mergeEntity } from "../../shared/entities";
import type { Member } from "../../shared/workspace";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const me: Member = { id: "member-sam-0001", name: "Sam Wu", department: "Engineering", role: "member", joinedAt: "2026-11-01T00:00:00Z" };
let n = 0;
function row<T>(entity: EntityName, fields: Record<string, unknown>): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  const at = `2026-11-${String(10 + (n++ % 10)).padStart(2, "0")}T00:00:00Z`;
  return {
    id: `row-${n}`,
    data: merged.data as T,
    meta: { createdBy: null, createdAt: at, updatedBy: null, updatedAt: at },
    pending: false,
  };
}

const today = "2026-11-26";
const data: PanelData = {
  ...emptyPanelData,
  members: [me],
  actionItems: [
    row("action_item", { text: "Late one", ownerId: me.id, owner: "Sam Wu", due: "2026-11-20", targets: ["jira:a.atlassian.net/A-1"] }),
    row("action_item", { text: "Soon", ownerId: me.id, owner: "Sam Wu", due: "2026-11-28" }),
    row("action_item", { text: "Someday", owner: "Sam Wu" }),
    row("action_item", { text: "Not mine", owner: "Pat", due: "2026-11-20" }),
    row("action_item", { text: "Finished", ownerId: me.id, due: "2026-11-01", status: "done" }),
  ],
  risks: [
    row("risk", {
      title: "Big",
      likelihood: 5,
      impact: 5,
      reviewOn: "2026-11-25",
      mitigation: "Plan B",
      targets: ["jira:a.atlassian.net/A-1"],
    }),
    row("risk", { title: "Bigger twin", likelihood: 5, impact: 5 }),
    row("risk", { title: "Small", likelihood: 1, impact: 3, status: "closed" }),
  ],
  responsibilities: [row("responsibility", { target: "jira:a.atlassian.net/A-1", person: "Pat", role: "C", department: "Legal" })],
  decisions: [row("decision", { text: "Use the EU endpoint", targets: ["jira:a.atlassian.net/A-1"] })],
};

describe("side panel views", () => {
  it("My work groups my open items by when they are due", () => {
    render(<MyWork data={data} me={me} today={today} />);
    expect(
      screen
        .getAllByRole("heading")
        .map((h) => h.textContent)
        .slice(0, 3),
    ).toEqual(["Overdue (1)", "Due this week (1)", "Later (1)"]);
    expect(screen.queryByText("Not mine")).toBeNull();
    expect(screen.queryByText("Finished")).toBeNull();
  });

  it("Risks counts every cell of the heatmap and lists a cell's risks", () => {
    const { container } = render(<Risks data={data} today={today} knownKeys={[]} />);
    const cell = (l: number, i: number) => container.querySelector(`[data-cell="${l}x${i}"] button`) as HTMLButtonElement;
    expect(cell(5, 5).textContent).toBe("2");
    expect(cell(1, 3).textContent).toBe("1");
    expect(cell(3, 3).textContent).toBe("");
    fireEvent.click(cell(1, 3));
    expect([...container.querySelectorAll(".risk-list strong")].map((e) => e.textContent)).toEqual(["Small"]);
    fireEvent.click(cell(1, 3));
    expect(container.querySelectorAll(".risk-list li.review-due")).toHaveLength(1);
  });

  it("Risks are reviewed in place: status, scores and next review date", async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: { id: "x" } };
    });
    const { container } = render(<Risks data={data} today={today} knownKeys={[]} />);
    const big = container.querySelector(`[data-risk-id="${data.risks[0].id}"]`) as HTMLElement;
    fireEvent.change(big.querySelector(".risk-review select") as HTMLSelectElement, { target: { value: "mitigating" } });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ type: "entity.mutate", entity: "risk", entityId: data.risks[0].id, fields: { status: "mitigating" } });
  });

  it("This page warns of missing roles and shows linked risks, decisions and actions", () => {
    render(<ThisPage data={data} pageKey="jira:a.atlassian.net/A-1" today={today} />);
    expect(screen.getByRole("list", { name: "Warnings" }).textContent).toBe("Nobody is accountable.Nobody is responsible.");
    expect(screen.getByText("Legal")).toBeTruthy();
    expect(screen.getByText(/Plan B/)).toBeTruthy();
    expect(screen.getByText("Use the EU endpoint")).toBeTruthy();
    expect(screen.getByText("Late one")).toBeTruthy();
  });

  it("This page copies the item's summary as a Markdown comment for the tracker", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<ThisPage data={data} pageKey="jira:a.atlassian.net/A-1" today={today} />);
    fireEvent.click(screen.getByRole("button", { name: "Copy as comment" }));
    await screen.findByText("Copied");
    expect(writeText.mock.calls[0][0]).toBe(
      [
        "**Responsibility (RACI)**",
        "",
        "- Legal: Pat (C)",
        "",
        "**Active risks**",
        "",
        "- Big (25, open): Plan B",
        "",
        "**Decisions**",
        "",
        "- Use the EU endpoint",
        "",
        "**Open action items**",
        "",
        "- [ ] Late one (owner: Sam Wu; due: 2026-11-20)",
        "",
      ].join("\n"),
    );
  });

  it("This page tells what to do when no item is in view", () => {
    render(<ThisPage data={data} pageKey={null} today={today} />);
    expect(screen.getByText(/Open a tracker item/)).toBeTruthy();
  });

  it("Gaps lists what nobody owns", () => {
    const { container } = render(<Gaps data={data} today={today} />);
    expect(container.textContent).toContain("Items with nobody accountable (1)");
    expect(container.textContent).toContain("Action items with no owner (0)");
    expect(container.textContent).toContain("Action items with no due date (1)");
  });

  it("Search matches every word across fields, Chinese too", () => {
    const index = searchIndex({ ...data, decisions: [...data.decisions, row("decision", { text: "先上线区域节点" })] });
    expect(searchHits(index, "plan b").map((h) => h.text)).toEqual(["Big"]);
    expect(searchHits(index, "区域").map((h) => h.text)).toEqual(["先上线区域节点"]);
    expect(searchHits(index, "   ")).toEqual([]);
    render(<Search data={data} />);
    fireEvent.input(screen.getByLabelText(/^Search/), { target: { value: "eu endpoint" } });
    expect(screen.getByText("Use the EU endpoint")).toBeTruthy();
  });
});
