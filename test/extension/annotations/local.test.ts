import { beforeEach, describe, expect, it } from "vitest";
import { pageAnnotations, recordAnchoring } from "../../../extension/background/annotations";
import { emptyAnnotations, readPageAnnotations } from "../../../extension/panel/annotations-read";
import { type Db, openStore, setKv } from "../../../extension/store/db";
import { clearStore, mutateLocal, newLocalId, outboxSize } from "../../../extension/store/store";
import { pageRefFor } from "../../../shared/annotation-page";
import type { Annotation } from "../../../shared/entities";
import { entry, issueUrl, members, pat, sam } from "./fixtures";

let db: Db;

/** An annotation saved here, as the background saves one a page sends. */
async function createAnnotation(store: Db, fields: Annotation, memberId: string | null): Promise<string> {
  const id = newLocalId();
  await mutateLocal(store, { entity: "annotation", entityId: id, op: "upsert", fields }, { memberId });
  return id;
}

beforeEach(async () => {
  db = await openStore("annotations-local-test");
  await clearStore(db);
  await setKv(db, "members", members);
});

describe("the background's annotation requests", () => {
  it("saves an annotation locally and queues it, then serves it to its page with author and reply count", async () => {
    const root = entry("unused-00001", pat, {
      quote: "the words",
      body: "Legal: please review",
      addressedTo: { department: "Legal", memberId: null },
    });
    const id = await createAnnotation(db, root.annotation, pat.id);
    await createAnnotation(db, { ...entry("unused-00002", sam, { parent: id, body: "Done." }).annotation }, sam.id);
    await createAnnotation(
      db,
      { ...entry("unused-00003", sam, { url: "https://github.com/acme/app/issues/8", targets: ["github:acme/app#8"] }).annotation },
      sam.id,
    );
    expect(await outboxSize(db)).toBe(3);

    const onPage = await pageAnnotations(db, pageRefFor(`${issueUrl}#issuecomment-2`));
    expect(onPage).toEqual([
      expect.objectContaining({
        id,
        quote: "the words",
        body: "Legal: please review",
        author: "Pat Lee",
        addressedTo: "Legal",
        replies: 1,
        resolved: false,
      }),
    ]);
  });

  it("keeps what each page found, telling whether anything changed, for the side panel to list orphans", async () => {
    expect(await recordAnchoring(db, issueUrl, { a1: "anchored", a2: "orphan" })).toBe(true);
    expect(await recordAnchoring(db, `${issueUrl}?x=1`, { a1: "anchored", a2: "orphan" })).toBe(false);
    expect(await recordAnchoring(db, "https://example.com/other", { a1: "orphan" })).toBe(true);

    const here = await readPageAnnotations(db, pageRefFor(issueUrl));
    expect(here.anchoring).toEqual({ a1: "anchored", a2: "orphan" });
    const everywhere = await readPageAnnotations(db, null);
    expect(everywhere.anchoring).toEqual({ a1: "orphan", a2: "orphan" });
    expect(emptyAnnotations.threads).toEqual([]);
  });
});
