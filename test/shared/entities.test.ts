import { describe, expect, it } from "vitest";
import { mergeEntity } from "../../shared/entities";
import { mutation, pushRequest } from "../../shared/sync";
import { joinRequest, normalizeInviteCode } from "../../shared/workspace";

describe("action items", () => {
  it("fills defaults on creation and merges later changes field by field", () => {
    const created = mergeEntity("action_item", null, { text: "  Confirm the DPA  " });
    expect(created).toEqual({
      ok: true,
      data: expect.objectContaining({ text: "Confirm the DPA", status: "open", priority: "medium", targets: [], owner: null, due: null }),
    });
    if (!created.ok) return;
    const merged = mergeEntity("action_item", created.data, { status: "done" });
    expect(merged.ok && merged.data).toMatchObject({ text: "Confirm the DPA", status: "done" });
  });

  it.each([
    [{ text: "" }, "text"],
    [{ text: "x", due: "2026-02-30" }, "due"],
    [{ text: "x", priority: "soon" }, "priority"],
    [{ text: "x", targets: ["nonsense"] }, "targets"],
    [{ text: "bad \uD800 surrogate" }, "text"],
    [{ text: "x", extra: 1 }, ""],
  ])("refuses %j", (fields, path) => {
    const result = mergeEntity("action_item", null, fields);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(path);
  });

  it("refuses a merge that leaves the row incomplete", () => {
    expect(mergeEntity("action_item", null, { status: "done" }).ok).toBe(false);
  });
});

describe("push requests", () => {
  const upsert = { id: "mutation-1", entity: "action_item", entityId: "item-0001", op: "upsert", fields: { text: "x" } };

  it("accepts a well-formed upsert and delete", () => {
    expect(mutation.safeParse(upsert).success).toBe(true);
    expect(mutation.safeParse({ id: "mutation-2", entity: "action_item", entityId: "item-0001", op: "delete" }).success).toBe(true);
  });

  it.each([
    { ...upsert, entity: "unicorn" },
    { ...upsert, op: "replace" },
    { ...upsert, fields: {} },
    { ...upsert, fields: { priority: "soon" } },
    { ...upsert, id: "short" },
    { id: "mutation-2", entity: "action_item", entityId: "item-0001", op: "delete", fields: { text: "x" } },
    JSON.parse(
      '{"id":"mutation-3","entity":"action_item","entityId":"item-0001","op":"upsert","fields":{"text":"x"},"__proto__":{"admin":true}}',
    ),
  ])("refuses %j", (candidate) => {
    expect(mutation.safeParse(candidate).success).toBe(false);
  });

  it("caps a push at 100 mutations", () => {
    const mutations = Array.from({ length: 101 }, (_, i) => ({ ...upsert, id: `mutation-${i}` }));
    expect(pushRequest.safeParse({ clientId: "client-0001", mutations }).success).toBe(false);
    expect(pushRequest.safeParse({ clientId: "client-0001", mutations: mutations.slice(0, 100) }).success).toBe(true);
  });
});

describe("invite codes", () => {
  it("ignore case, spaces and dashes", () => {
    expect(normalizeInviteCode(" abcd-efgh jkmn ")).toBe("ABCDEFGHJKMN");
    expect(joinRequest.safeParse({ code: "abcd-efgh-jkmn", name: "Sam", department: "QA" }).success).toBe(true);
    expect(joinRequest.safeParse({ code: "abcd", name: "Sam", department: "QA" }).success).toBe(false);
  });
});
