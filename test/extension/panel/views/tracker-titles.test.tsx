import { cleanup, render, screen, within } from "@testing-library/preact";
import type { ComponentChild } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { ActionItemList } from "../../../../extension/panel/ActionItemList";
import { toActionItemView } from "../../../../extension/panel/action-items";
import { RecordDetails } from "../../../../extension/panel/details/RecordDetails";
import { TrackerItems, trackerItemsByKey } from "../../../../extension/panel/ItemName";
import { emptyPanelData, type PanelData, type Row } from "../../../../extension/panel/panel-data";
import { Gaps } from "../../../../extension/panel/views/Gaps";
import { searchHits, searchIndex } from "../../../../extension/panel/views/Search";
import { ThisPage } from "../../../../extension/panel/views/ThisPage";
import { type ActionItem, type EntityName, mergeEntity } from "../../../../shared/entities";

// The side panel names items by what the tracker says: their titles, the key after them, and the gaps that reading shows.

afterEach(cleanup);

let n = 0;
function row<T>(entity: EntityName, fields: Record<string, unknown>): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  const at = "2026-11-20T00:00:00Z";
  return {
    id: `row-${String(++n).padStart(4, "0")}`,
    data: merged.data as T,
    meta: { createdBy: null, createdAt: at, updatedBy: null, updatedAt: at },
    pending: false,
  };
}

const key = "jira:acme.atlassian.net/PAY-12";
const title = "Refund emails go to spam";
const data: PanelData = {
  ...emptyPanelData,
  actionItems: [row("action_item", { text: "Ask Support for examples", targets: [key] })],
  responsibilities: [row("responsibility", { target: key, person: "Pat Lee", role: "A" })],
  trackerItems: [
    row("tracker_item", { target: key, title, state: "已完成", status: "done", assignees: ["zhangwei"], closedOn: "2026-11-25" }),
  ],
};

const withTitles = (ui: ComponentChild) =>
  render(<TrackerItems.Provider value={trackerItemsByKey(data.trackerItems)}>{ui}</TrackerItems.Provider>);

describe("items named by the tracker's titles", () => {
  it("shows an action item's item by its tracker title, the key after it as secondary text", () => {
    withTitles(
      <ActionItemList items={data.actionItems.map((r) => toActionItemView(r as Row<ActionItem>))} onToggleDone={() => {}} emptyText="" />,
    );
    const item = screen.getByRole("link", { name: `${title} ${key}` });
    expect(item.querySelector(".item-title")?.textContent).toBe(title);
    expect(item.querySelector(".item-key")?.textContent).toBe(key);
    expect(item.getAttribute("href")).toBe("https://acme.atlassian.net/browse/PAY-12");
  });

  it("shows the bare key while no member has seen the item's page", () => {
    render(
      <ActionItemList items={data.actionItems.map((r) => toActionItemView(r as Row<ActionItem>))} onToggleDone={() => {}} emptyText="" />,
    );
    expect(screen.getByRole("link", { name: key })).toBeTruthy();
  });

  it("lists in Gaps what closed in the tracker with actions still open, and an assignee nobody holds accountable", () => {
    withTitles(<Gaps data={data} today="2026-11-26" />);
    const closed = screen.getByRole("region", { name: /Closed in the tracker, but action items still open \(1\)/ });
    expect(within(closed).getByText(title)).toBeTruthy();
    expect(closed.textContent).toContain("已完成");
    expect(within(closed).getByText("Ask Support for examples")).toBeTruthy();
    // Done in the tracker: whom it names is no longer a gap.
    expect(screen.getByRole("region", { name: /The tracker's assignee is not the Accountable person \(0\)/ })).toBeTruthy();
  });

  it("finds records by their items' tracker titles in Search", () => {
    const hits = searchHits(searchIndex(data), "refund spam");
    expect(hits.map((hit) => hit.kind).sort()).toEqual(["action_item", "responsibility", "tracker_item"]);
  });

  it("shows on This page what the tracker says: title, state and assignees", () => {
    const { container } = withTitles(<ThisPage data={data} pageKey={key} pageTitle="[PAY-12] Refund emails - Jira" today="2026-11-26" />);
    expect(container.querySelector("h2.page-key")?.textContent).toBe(`${title} ${key}`);
    expect(screen.getByText(/^The tracker says/).textContent).toBe("The tracker says: 已完成 · Assigned in the tracker: zhangwei");
  });

  it("opens a tracker item from Search as what the tracker said, read-only", () => {
    const [item] = data.trackerItems;
    const { container } = withTitles(
      <RecordDetails
        data={data}
        record={{ entity: "tracker_item", id: item.id }}
        knownKeys={[key]}
        today="2026-11-26"
        onClose={() => {}}
        onChange={() => {}}
        history={null}
      />,
    );
    expect(container.querySelector(".tracker-reading")?.textContent).toContain(`${title} ${key}`);
    expect(screen.getByText(/as a teammate last saw it/)).toBeTruthy();
    expect(container.querySelector("form")).toBeNull();
  });
});
