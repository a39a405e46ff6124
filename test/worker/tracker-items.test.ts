import { describe, expect, it } from "vitest";
import { createWorkspace, expectError, joinWorkspace, newId, pull, push, pushOk } from "./helpers";

// What the tracker says, synced: one row per item that every member's reading lands on, the newest reading winning without conflicts.

const target = "github:acme/app#7";
const reading = (entityId: string, fields: Record<string, unknown>) => ({
  id: newId(),
  entity: "tracker_item",
  entityId,
  op: "upsert",
  fields,
});

describe("tracker items", () => {
  it("merges two members' readings of the same item into one row, the newer winning, and syncs it to the team", async () => {
    const pat = await createWorkspace();
    const sam = await joinWorkspace(pat);
    const id = newId("t");
    await pushOk(pat.token, [reading(id, { target, title: "Checkout times out", state: "Open", status: "open", assignees: ["plee"] })]);
    // Sam's browser had not pulled Pat's reading: its reading names no base version, and is merged.
    await pushOk(sam.token, [reading(id, { target, state: "Closed", status: "closed", closedOn: "2026-12-01" })]);
    const changes = (await pull(pat.token)).changes.filter((c) => c.entity === "tracker_item");
    expect(changes).toHaveLength(1);
    expect(changes[0].data).toEqual({
      target,
      title: "Checkout times out",
      state: "Closed",
      status: "closed",
      assignees: ["plee"],
      closedOn: "2026-12-01",
    });
  });

  it("refuses a reading that is not an item's", async () => {
    const pat = await createWorkspace();
    expectError(await push(pat.token, [reading(newId("t"), { target, status: "vanished" })]), 400, "invalid_request");
    expectError(await push(pat.token, [reading(newId("t"), { title: "No item" })]), 400, "invalid_mutation");
  });
});
