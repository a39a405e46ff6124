// Annotations in the background: a page's threads from the local store, and what each page's anchoring found (the side panel's orphans).
import { type PageRef, pageKeyOf } from "../../shared/annotation-page";
import type { AnchoringStatus } from "../../shared/vocabulary";
import { addresseeName, entriesFromRows, memberName, threadsFor } from "../common/annotation-threads";
import type { PageAnnotation } from "../common/page-annotation";
import { type Db, getKv, setKv } from "../store/db";
import { listRows } from "../store/store";

// What the background does for the annotation messages of content scripts: it reads and writes
// the local store only, never the network (the sync engine sends the writes on).

/** The annotations of a page, oldest first. */
export async function pageAnnotations(db: Db, page: PageRef): Promise<PageAnnotation[]> {
  const [rows, members] = await Promise.all([listRows(db, "annotation"), getKv(db, "members")]);
  const team = members ?? [];
  return threadsFor(entriesFromRows(rows), page).map(({ root, replies, resolved }) => ({
    id: root.id,
    selectors: root.annotation.selectors,
    quote: root.annotation.quote,
    body: root.annotation.body,
    tags: root.annotation.tags,
    visibility: root.annotation.visibility,
    author: memberName(team, root.authorId),
    addressedTo: addresseeName(root.annotation, team),
    replies: replies.filter((reply) => reply.annotation.body.trim()).length,
    resolved,
  }));
}

/** Pages whose anchoring results are kept: the most recently visited. */
const keptPages = 200;

/**
 * Keeps what a page's content script found for each of the page's annotations, for the side
 * panel to list orphans. Answers whether anything changed, so that the caller announces only
 * news (an announcement makes every open page ask for its annotations again).
 */
export async function recordAnchoring(db: Db, url: string, statuses: Record<string, AnchoringStatus>): Promise<boolean> {
  const page = pageKeyOf(url);
  if (!page) return false;
  const all = (await getKv(db, "anchoring")) ?? {};
  if (JSON.stringify(all[page]?.statuses ?? {}) === JSON.stringify(statuses)) return false;
  all[page] = { at: new Date().toISOString(), statuses };
  const recent = Object.entries(all)
    .sort(([, a], [, b]) => b.at.localeCompare(a.at))
    .slice(0, keptPages);
  await setKv(db, "anchoring", Object.fromEntries(recent));
  return true;
}
