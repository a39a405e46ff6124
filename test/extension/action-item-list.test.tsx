import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ActionItemList } from "../../extension/panel/ActionItemList";
import { type ActionItemView, filterActionItems } from "../../extension/panel/action-items";
import { mergeEntity } from "../../shared/entities";
import type { Member } from "../../shared/workspace";

afterEach(cleanup);

function view(id: string, fields: Record<string, unknown>, pending = false): ActionItemView {
  const merged = mergeEntity("action_item", null, { text: `Item ${id}`, ...fields });
  if (!merged.ok) throw new Error(merged.message);
  return { id, item: merged.data, createdAt: "2026-11-20T10:00:00Z", pending };
}

const me: Member = { id: "member-sam-0002", name: "Sam Wu", department: "Engineering", role: "member", joinedAt: "2026-11-02T00:00:00Z" };

describe("the side panel's action item list", () => {
  it("shows owner, department, due date, overdue, priority, source and unsynced state", () => {
    render(
      <ActionItemList
        items={[
          view(
            "a",
            {
              owner: "Sam Wu",
              department: "Engineering",
              due: "2020-01-02",
              priority: "high",
              source: { url: "https://github.com/acme/app/issues/7", title: "Issue #7", selector: null },
            },
            true,
          ),
        ]}
        emptyText="none"
        onToggleDone={() => {}}
      />,
    );
    const item = screen.getByRole("listitem");
    expect(item.querySelector(".owner")?.textContent).toBe("Sam Wu");
    expect(item.querySelector(".department")?.textContent).toBe("Engineering");
    expect(item.querySelector(".due")?.textContent).toContain("Jan 2, 2020");
    expect(item.querySelector(".due")?.textContent).toContain("Overdue");
    expect(item.querySelector(".priority")?.textContent).toBe("High");
    expect(item.querySelector(".pending")?.textContent).toBe("Not synced yet");
    expect(screen.getByRole("link").getAttribute("href")).toBe("https://github.com/acme/app/issues/7");
  });

  it("does not call a done item overdue, and toggles done", () => {
    const onToggleDone = vi.fn();
    render(<ActionItemList items={[view("b", { due: "2020-01-02", status: "done" })]} emptyText="none" onToggleDone={onToggleDone} />);
    expect(screen.getByRole("listitem").querySelector(".due")?.textContent).not.toContain("Overdue");
    fireEvent.click(screen.getByRole("checkbox", { name: "Done: Item b" }));
    expect(onToggleDone).toHaveBeenCalledWith(expect.objectContaining({ id: "b" }), false);
  });

  it("says what to do when empty", () => {
    render(<ActionItemList items={[]} emptyText="No action items yet." onToggleDone={() => {}} />);
    expect(screen.getByText("No action items yet.")).toBeTruthy();
  });

  it("filters to mine by member id, or by name where the owner was typed", () => {
    const items = [
      view("by-id", { owner: "Samuel", ownerId: me.id }),
      view("by-name", { owner: "Sam Wu" }),
      view("other", { owner: "Sam Wu", ownerId: "member-other-01" }),
      view("done", { status: "done" }),
    ];
    expect(filterActionItems(items, "mine", me).map((v) => v.id)).toEqual(["by-id", "by-name"]);
    expect(filterActionItems(items, "mine", null)).toEqual([]);
    expect(filterActionItems(items, "open", me).map((v) => v.id)).toEqual(["by-id", "by-name", "other"]);
    expect(filterActionItems(items, "all", me)).toHaveLength(4);
  });
});
