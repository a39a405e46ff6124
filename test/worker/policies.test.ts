import { describe, expect, it } from "vitest";
import { createWorkspace, expectError, joinWorkspace, newId, pull, push, pushOk, snapshot } from "./helpers";

const annotation = (entityId: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: newId(),
  entity: "annotation",
  entityId,
  op: "upsert",
  fields,
  ...extra,
});

const shared = {
  url: "https://acme.atlassian.net/wiki/spaces/LEG/pages/1/DPA",
  quote: "data is stored in the EU",
  body: "Legal: is this still true after the provider switch?",
  selectors: [{ type: "TextQuoteSelector", exact: "data is stored in the EU", prefix: "All customer ", suffix: " region." }],
};

describe("entity policies", () => {
  it("keeps departments for admins to manage", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const before = await snapshot();
    expectError(
      await push(member.token, [{ id: newId(), entity: "department", entityId: newId("d"), op: "upsert", fields: { name: "Legal" } }]),
      403,
      "forbidden",
    );
    expect(await snapshot()).toEqual(before);
    await pushOk(admin.token, [{ id: newId(), entity: "department", entityId: newId("d"), op: "upsert", fields: { name: "Legal" } }]);
    expect((await pull(member.token)).changes.map((c) => c.data?.name)).toEqual(["Legal"]);
  });

  it("lets only its author edit or delete an annotation; replies are the teammates' own", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const id = newId("a");
    await pushOk(author.token, [annotation(id, shared)]);
    const before = await snapshot();
    expectError(await push(teammate.token, [annotation(id, { body: "rewritten" })]), 403, "forbidden");
    expectError(await push(teammate.token, [{ id: newId(), entity: "annotation", entityId: id, op: "delete" }]), 403, "forbidden");
    expect(await snapshot()).toEqual(before);

    const reply = newId("a");
    await pushOk(teammate.token, [annotation(reply, { url: shared.url, body: "Yes, confirmed by Ops.", parent: id })]);
    const page = await pull(author.token);
    expect(page.changes.find((c) => c.id === reply)?.data).toMatchObject({ parent: id, body: "Yes, confirmed by Ops." });
  });

  it("refuses a stale annotation edit with 409 and the current row, writing nothing", async () => {
    const author = await createWorkspace();
    const id = newId("a");
    const created = await pushOk(author.token, [annotation(id, shared)]);
    const v1 = created.results[0].version as number;
    const edited = await pushOk(author.token, [annotation(id, { body: "Edited on the laptop" }, { baseVersion: v1 })]);
    const v2 = edited.results[0].version as number;
    expect(v2).toBeGreaterThan(v1);

    const before = await snapshot();
    const stale = await push(author.token, [annotation(id, { body: "Edited on the phone, offline" }, { baseVersion: v1 })]);
    expectError(stale, 409, "conflict");
    expect(stale.json.error.details.current).toMatchObject({
      id,
      version: v2,
      data: expect.objectContaining({ body: "Edited on the laptop" }),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("merges shared entities field by field even from an old base version", async () => {
    const admin = await createWorkspace();
    const member = await joinWorkspace(admin);
    const id = newId("r");
    const risk = { title: "EU latency", likelihood: 4, impact: 5 };
    const created = await pushOk(admin.token, [{ id: newId(), entity: "risk", entityId: id, op: "upsert", fields: risk }]);
    const base = created.results[0].version;
    await pushOk(admin.token, [
      { id: newId(), entity: "risk", entityId: id, op: "upsert", fields: { mitigation: "Add a regional endpoint" } },
    ]);
    await pushOk(member.token, [
      { id: newId(), entity: "risk", entityId: id, op: "upsert", fields: { status: "mitigating" }, baseVersion: base },
    ]);
    const [row] = (await pull(admin.token)).changes;
    expect(row.data).toMatchObject({ ...risk, mitigation: "Add a regional endpoint", status: "mitigating" });
  });

  it("never shows a private annotation in anyone else's pull", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const secret = newId("a");
    const open = newId("a");
    await pushOk(author.token, [
      annotation(secret, { ...shared, body: "my private reminder", visibility: "private" }),
      annotation(open, shared),
    ]);
    await pushOk(author.token, [annotation(secret, { tags: ["todo"] })]);

    const teammatePage = await pull(teammate.token);
    expect(teammatePage.changes.map((c) => c.id)).toEqual([open]);
    expect(JSON.stringify(teammatePage)).not.toContain("private reminder");
    expect(JSON.stringify(teammatePage)).not.toContain(secret);
    // The cursor still moves past the hidden rows, so the teammate does not read them again and again.
    expect(teammatePage.cursor).toBe((await pull(author.token)).cursor);

    expect((await pull(author.token)).changes.map((c) => c.id).sort()).toEqual([secret, open].sort());

    // Shared later: it reaches the teammate. Taken back: refused.
    await pushOk(author.token, [annotation(secret, { visibility: "workspace" })]);
    expect((await pull(teammate.token, teammatePage.cursor)).changes.map((c) => c.id)).toEqual([secret]);
    expectError(await push(author.token, [annotation(secret, { visibility: "private" })]), 400, "invalid_mutation");
  });

  it("validates every entity's fields", async () => {
    const admin = await createWorkspace();
    const before = await snapshot();
    const bad = [
      { entity: "risk", fields: { title: "x", likelihood: 6, impact: 1 } },
      { entity: "risk", fields: { title: "x", likelihood: 1, impact: 1, status: "panic" } },
      { entity: "responsibility", fields: { target: "github:acme/app#7", person: "Pat", role: "X" } },
      { entity: "responsibility", fields: { target: "not a key", person: "Pat", role: "A" } },
      { entity: "meeting", fields: { title: "Sync", date: "tomorrow" } },
      { entity: "decision", fields: { text: "" } },
      { entity: "annotation", fields: { url: "javascript:alert(1)" } },
      { entity: "annotation", fields: { url: shared.url, selectors: [{ type: "TextPositionSelector", start: 9, end: 2 }] } },
      { entity: "annotation", fields: { url: shared.url, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
    ];
    for (const { entity, fields } of bad) {
      expectError(await push(admin.token, [{ id: newId(), entity, entityId: newId("e"), op: "upsert", fields }]), 400);
    }
    expect(await snapshot()).toEqual(before);
  });
});
