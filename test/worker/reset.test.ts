import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { purgeExpired, retentionDays } from "../../worker/maintenance";
import { actionItemDelete, actionItemUpsert, call, createWorkspace, newId, pull, pushOk, rows } from "./helpers";

const day = 24 * 60 * 60 * 1000;

describe("the tombstone horizon", () => {
  it("purges old tombstones and tells clients with an older cursor to resync from zero", async () => {
    const admin = await createWorkspace();
    const kept = newId("e");
    const dropped = newId("e");
    await pushOk(admin.token, [actionItemUpsert(kept, { text: "kept" }), actionItemUpsert(dropped, { text: "dropped" })]);
    const early = (await pull(admin.token)).cursor;
    await pushOk(admin.token, [actionItemDelete(dropped)]);
    const afterDelete = (await pull(admin.token)).cursor;

    await purgeExpired(env.DB, new Date(Date.now() + (retentionDays + 1) * day));
    expect(await rows("SELECT id FROM entities WHERE workspace_id = ?1 AND deleted = 1", admin.workspace.id)).toEqual([]);

    expect(await pull(admin.token, early)).toEqual({ changes: [], cursor: 0, more: true, reset: true });
    // A client that had already seen the delete goes on as usual; a full resync shows the survivor only.
    expect(await pull(admin.token, afterDelete)).toMatchObject({ changes: [], more: false });
    expect((await pull(admin.token, 0)).changes.map((c) => c.id)).toEqual([kept]);
  });

  it("keeps recent tombstones and idempotency records", async () => {
    const admin = await createWorkspace();
    const id = newId("e");
    await pushOk(admin.token, [actionItemUpsert(id, { text: "x" })]);
    await pushOk(admin.token, [actionItemDelete(id)]);
    await purgeExpired(env.DB);
    expect((await pull(admin.token)).changes).toEqual([expect.objectContaining({ id, deleted: true })]);
    expect((await rows("SELECT id FROM mutations WHERE workspace_id = ?1", admin.workspace.id)).length).toBe(2);
  });

  it("tells a client whose cursor is ahead of the server to resync", async () => {
    const admin = await createWorkspace();
    expect(await pull(admin.token, 99)).toEqual({ changes: [], cursor: 0, more: true, reset: true });
  });

  it("forgets the canonical IRI of an annotation deleted through sync, and keeps those of live ones", async () => {
    const admin = await createWorkspace();
    const post = (canonical: string) =>
      call("/w3c/annotations/", {
        token: admin.token,
        headers: { "Content-Type": "application/ld+json" },
        body: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", target: "https://example.org/page", canonical },
      });
    const kept = await post("urn:uuid:kept");
    const gone = await post("urn:uuid:gone");
    expect([kept.status, gone.status]).toEqual([201, 201]);
    const goneId = new URL(gone.json.id).pathname.split("/").at(-1) as string;
    await pushOk(admin.token, [{ id: newId(), entity: "annotation", entityId: goneId, op: "delete" }]);

    await purgeExpired(env.DB);
    expect(await rows("SELECT canonical FROM annotation_canonical WHERE workspace_id = ?1", admin.workspace.id)).toEqual([
      { canonical: "urn:uuid:kept" },
    ]);
  });
});
