import { describe, expect, it } from "vitest";
import { createWorkspace, expectError, joinWorkspace, newId, pull, push, pushOk, snapshot } from "./helpers";

const mutation = (entity: string, entityId: string, fields: Record<string, unknown>) => ({
  id: newId(),
  entity,
  entityId,
  op: "upsert",
  fields,
});

const goal = {
  title: "EU checkout under 2 s",
  kind: "project",
  departments: ["Engineering", "Legal"],
  due: "2027-03-31",
  targets: ["github:acme/app#7"],
  indicators: [{ id: "ind-p95-latency", name: "p95 latency", unit: "s", baseline: 30, target: 2, current: 30 }],
};

describe("goals, check-ins and escalations", () => {
  it("stores each with its defaults and merges edits field by field", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const [goalId, checkinId, escalationId] = [newId("g"), newId("c"), newId("x")];
    await pushOk(admin.token, [
      mutation("goal", goalId, goal),
      mutation("checkin", checkinId, {
        department: "Legal",
        week: "2026-W48",
        status: "at-risk",
        helpNeeded: [{ department: "Engineering", request: "Data flow diagram" }],
      }),
      mutation("escalation", escalationId, {
        title: "DPA before launch?",
        departments: ["Legal", "Engineering"],
        targets: ["github:acme/app#7"],
        deadline: "2026-12-01",
      }),
    ]);
    // Two members edit different fields of the same goal.
    await pushOk(member.token, [mutation("goal", goalId, { statusOverride: { status: "at-risk", reason: "Vendor delay" } })]);
    await pushOk(admin.token, [mutation("goal", goalId, { due: "2027-04-30" })]);
    await pushOk(member.token, [mutation("escalation", escalationId, { status: "decided", resolution: "Launch after signature" })]);

    const byId = new Map((await pull(member.token)).changes.map((c) => [c.id, c.data]));
    expect(byId.get(goalId)).toMatchObject({
      ...goal,
      due: "2027-04-30",
      statusOverride: { status: "at-risk", reason: "Vendor delay" },
      parent: null,
    });
    expect(byId.get(goalId)?.indicators).toEqual([{ ...goal.indicators[0], weekStartValue: null, updatedOn: null }]);
    expect(byId.get(checkinId)).toMatchObject({ highlights: "", blockers: "", status: "at-risk" });
    expect(byId.get(escalationId)).toMatchObject({ status: "decided", resolution: "Launch after signature", needs: [], decider: null });
  });

  it("refuses malformed ones and writes nothing", async () => {
    const admin = await createWorkspace();
    const before = await snapshot();
    const bad: Array<[string, Record<string, unknown>]> = [
      ["goal", { ...goal, kind: "dream" }],
      ["goal", { ...goal, indicators: [{ ...goal.indicators[0], target: 30 }] }],
      ["goal", { ...goal, indicators: [{ ...goal.indicators[0], current: "fast" }] }],
      ["goal", { ...goal, statusOverride: { status: "fine", reason: "x" } }],
      ["checkin", { department: "Legal", week: "2026-48", status: "on-track" }],
      ["checkin", { department: "Legal", week: "2026-W54", status: "on-track" }],
      ["checkin", { department: "Legal", week: "2026-W10", status: "great" }],
      ["escalation", { title: "x", departments: [] }],
      ["escalation", { title: "x", departments: ["Legal"], status: "ignored" }],
      ["action_item", { text: "x", goal: "not an id!" }],
    ];
    for (const [entity, fields] of bad) expectError(await push(admin.token, [mutation(entity, newId("e"), fields)]), 400);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps each workspace's goals, check-ins and escalations to itself", async () => {
    const x = await createWorkspace("X");
    const y = await createWorkspace("Y");
    const shared = newId("g");
    await pushOk(y.token, [mutation("goal", shared, { ...goal, title: "Y's secret goal" })]);
    await pushOk(x.token, [mutation("goal", shared, { ...goal, title: "X's goal" })]);
    expect(JSON.stringify(await pull(x.token))).not.toContain("secret");
    expect((await pull(y.token)).changes.map((c) => c.data?.title)).toEqual(["Y's secret goal"]);
  });
});
