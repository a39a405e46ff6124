// What the side panel's annotations view reads from the local store for a page: threads, anchoring results, members and focus.
import { type PageRef, pageKeyOf } from "../../shared/annotation-page";
import type { AnchoringStatus } from "../../shared/vocabulary";
import type { Member } from "../../shared/workspace";
import { type AnnotationThread, entriesFromRows, threadsFor } from "../common/annotation-threads";
import { type Db, getKv } from "../store/db";
import { listRows } from "../store/local-rows";

interface AnnotationsData {
  threads: AnnotationThread[];
  /** What the page's content script last found, per annotation id. */
  anchoring: Record<string, AnchoringStatus>;
  members: Member[];
  me: Member | null;
  /** The annotation whose highlight was clicked last, if any. */
  focusId: string | null;
}

export const emptyAnnotations: AnnotationsData = { threads: [], anchoring: {}, members: [], me: null, focusId: null };

/**
 * Everything the side panel's annotations view shows for a page, from the local store: for
 * `useStore((db) => readPageAnnotations(db, page), ...)`. With `page` null, every thread.
 */
export async function readPageAnnotations(db: Db, page: PageRef | null): Promise<AnnotationsData> {
  const [rows, anchoring, members, session, focus] = await Promise.all([
    listRows(db, "annotation"),
    getKv(db, "anchoring"),
    getKv(db, "members"),
    getKv(db, "session"),
    getKv(db, "focus"),
  ]);
  // This page's findings; without a page, each annotation's latest finding on any page.
  const pages = Object.entries(anchoring ?? {}).sort(([, a], [, b]) => a.at.localeCompare(b.at));
  const here = page ? pageKeyOf(page.url) : null;
  const statuses: Record<string, AnchoringStatus> = {};
  for (const [key, record] of pages) if (!here || key === here) Object.assign(statuses, record.statuses);
  return {
    threads: threadsFor(entriesFromRows(rows), page),
    anchoring: statuses,
    members: members ?? [],
    me: session?.member ?? null,
    focusId: focus?.annotationId ?? null,
  };
}
