// Annotation threads (a note, its replies, resolved or not and by whom), built from stored rows for the background and the side panel.
import { isOnPage, type PageRef } from "../../shared/annotation-page";
import type { Annotation } from "../../shared/entities";
import type { Member } from "../../shared/workspace";
import type { LocalRow } from "../store/db";

export interface AnnotationEntry {
  id: string;
  annotation: Annotation;
  authorId: string | null;
  createdAt: string;
  /** Local changes not yet acknowledged by the server. */
  pending: boolean;
}

/**
 * An annotation and its replies. Replies are annotations whose `parent` is the root, each
 * written by its own author (annotations are author-only on the server, so a teammate can
 * never edit someone else's). Resolving and reopening are replies too: `resolved: true`
 * resolves, an empty reply with `resolved: false` reopens; a plain comment changes nothing.
 * That way anyone can resolve a note addressed to them, and the thread keeps who did it.
 */
export interface AnnotationThread {
  root: AnnotationEntry;
  replies: AnnotationEntry[];
  resolved: boolean;
  /** Who resolved it last, when it is resolved. */
  resolvedBy: string | null;
}

type ReplyKind = "comment" | "resolved" | "reopened";

export function replyKind(reply: Annotation): ReplyKind {
  if (reply.resolved) return "resolved";
  return reply.body.trim() ? "comment" : "reopened";
}

export function entriesFromRows(rows: LocalRow[]): AnnotationEntry[] {
  return rows
    .filter((row) => row.data)
    .map((row) => ({
      id: row.id,
      annotation: row.data as Annotation,
      authorId: row.meta.createdBy,
      createdAt: row.meta.createdAt,
      pending: row.pending > 0,
    }));
}

const byTime = (a: AnnotationEntry, b: AnnotationEntry) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The threads of a page (every thread when `page` is null), oldest first, each with its replies in order. */
export function threadsFor(entries: AnnotationEntry[], page: PageRef | null): AnnotationThread[] {
  const replies = new Map<string, AnnotationEntry[]>();
  for (const entry of entries) {
    const parent = entry.annotation.parent;
    if (parent) replies.set(parent, [...(replies.get(parent) ?? []), entry]);
  }
  return entries
    .filter((entry) => !entry.annotation.parent && (!page || isOnPage(entry.annotation, page)))
    .sort(byTime)
    .map((root) => threadOf(root, (replies.get(root.id) ?? []).sort(byTime)));
}

function threadOf(root: AnnotationEntry, replies: AnnotationEntry[]): AnnotationThread {
  let resolved = root.annotation.resolved;
  let resolvedBy = resolved ? root.authorId : null;
  for (const reply of replies) {
    const kind = replyKind(reply.annotation);
    if (kind === "resolved") {
      resolved = true;
      resolvedBy = reply.authorId;
    } else if (kind === "reopened") {
      resolved = false;
      resolvedBy = null;
    }
  }
  return { root, replies, resolved, resolvedBy };
}

/** A member's name, or null for someone who left (or a member list not synced yet). */
export function memberName(members: Member[], id: string | null): string | null {
  return members.find((member) => member.id === id)?.name ?? null;
}

/** Whom an annotation is addressed to, as people read it: a teammate's name, else a department. */
export function addresseeName(annotation: Annotation, members: Member[]): string | null {
  const to = annotation.addressedTo;
  if (!to) return null;
  return memberName(members, to.memberId) ?? to.department;
}
