import { describe, expect, it } from "vitest";
import { mergeEntity } from "../../shared/entities";
import { goalProgress, goalTree, indicatorProgress } from "../../shared/goals";

const make = (entity: "goal" | "action_item", fields: Record<string, unknown>) => {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  return merged.data;
};

const indicator = { id: "ind-00001", name: "p95", unit: "s", baseline: 30, target: 2, current: 16 };

describe("goal progress", () => {
  it("measures indicators from baseline to target in either direction, within 0 and 1", () => {
    expect(indicatorProgress({ ...indicator, weekStartValue: null, updatedOn: null })).toBe(0.5);
    expect(indicatorProgress({ ...indicator, current: 40, weekStartValue: null, updatedOn: null })).toBe(0);
    expect(indicatorProgress({ ...indicator, current: 1, weekStartValue: null, updatedOn: null })).toBe(1);
    expect(indicatorProgress({ ...indicator, baseline: 0, target: 200, current: 50, weekStartValue: null, updatedOn: null })).toBe(0.25);
  });

  it("rolls up indicators and linked action items, and judges health against time", () => {
    const goal = make("goal", { title: "G", due: "2026-12-31", indicators: [indicator] }) as never;
    const actions = [
      make("action_item", { text: "a", status: "done" }),
      make("action_item", { text: "b" }),
      make("action_item", { text: "c", status: "cancelled" }),
    ] as never[];
    // Half the time gone, (0.5 + 0.5) / 2 done: on track.
    expect(goalProgress(goal, "2026-07-02T00:00:00Z", actions, "2026-10-01")).toMatchObject({
      progress: 0.5,
      actionsDone: 1,
      actionsTotal: 2,
      status: "on-track",
    });
    // Nearly all the time gone at the same progress: off track.
    expect(goalProgress(goal, "2026-01-01T00:00:00Z", actions, "2026-12-20").computed).toBe("off-track");
    expect(goalProgress(goal, "2026-01-01T00:00:00Z", actions, "2026-09-15").computed).toBe("at-risk");
  });

  it("lets the owner's override win, and keeps the computed reading", () => {
    const goal = make("goal", {
      title: "G",
      due: "2026-12-31",
      statusOverride: { status: "on-track", reason: "Vendor confirmed" },
    }) as never;
    expect(goalProgress(goal, "2026-01-01", [], "2026-12-30")).toMatchObject({
      status: "on-track",
      computed: "off-track",
      overridden: true,
    });
  });

  it("builds the tree of project goals and their phases", () => {
    const rows = [
      { id: "project1", data: make("goal", { title: "Project", due: "2027-01-01" }) },
      { id: "phase0002", data: make("goal", { title: "Phase 2", kind: "phase", parent: "project1", due: "2026-12-01" }) },
      { id: "phase0001", data: make("goal", { title: "Phase 1", kind: "phase", parent: "project1", due: "2026-11-01" }) },
      { id: "orphan1", data: make("goal", { title: "Orphan phase", kind: "phase", parent: "missing1" }) },
    ] as never as Array<{ id: string; data: Parameters<typeof goalTree>[0][number]["data"] }>;
    const tree = goalTree(rows);
    expect(tree.map((g) => [g.data.title, g.children.map((c) => c.data.title)])).toEqual([
      ["Project", ["Phase 1", "Phase 2"]],
      ["Orphan phase", []],
    ]);
  });
});
