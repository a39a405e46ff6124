import { beforeEach, describe, expect, it } from "vitest";
import { KnowledgeIndex } from "../../extension/background/knowledge";
import { openStore } from "../../extension/store/db";
import { clearStore, mutateLocal } from "../../extension/store/store";

beforeEach(async () => {
  await clearStore(await openStore());
});

describe("the background's knowledge for overlays", () => {
  it("answers only for the items something is recorded about, so a long list's answer stays small", async () => {
    const db = await openStore();
    await mutateLocal(
      db,
      {
        entity: "responsibility",
        entityId: "resp-0001",
        op: "upsert",
        fields: { target: "github:acme/app#1", person: "Pat Lee", role: "A", department: "Product" },
      },
      { memberId: null },
    );
    const keys = Array.from({ length: 500 }, (_, i) => `github:acme/app#${i + 1}`);
    const summaries = await new KnowledgeIndex(Promise.resolve(db)).summaries(keys);
    expect(Object.keys(summaries)).toEqual(["github:acme/app#1"]);
    expect(summaries["github:acme/app#1"]).toMatchObject({ accountable: [{ person: "Pat Lee", department: "Product" }], attention: [] });
  });
});
