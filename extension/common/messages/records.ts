// The messages of a record's past, asked of the server through the background: the trash, a record's history and the workspace's exports.
import { z } from "zod";
import { entityNames } from "../../../shared/entities";
import { id } from "../../../shared/text";
import { defineMessage, defineMessages } from "./define";

/** A deleted record the asking member may restore (the server keeps them 30 days). */
export interface TrashItem {
  entity: string;
  id: string;
  data: Record<string, unknown> | null;
  deletedAt: string;
  deletedBy: string | null;
  deletedByName: string | null;
}

/** One version of a record: who made it when, and what changed, field by field. */
export interface HistoryEntry {
  version: number;
  at: string;
  memberId: string | null;
  memberName: string | null;
  op: "create" | "update" | "delete" | "restore";
  changes: Array<{ field: string; old: unknown; new: unknown }>;
}

/** The files the API exports for the workspace. */
const exportFiles = ["action-items.csv", "calendar.ics", "annotations.jsonld"] as const;

export const recordMessages = defineMessages({
  /** What the member may restore: records deleted in the last 30 days that they wrote, or any when an admin. */
  "trash.list": defineMessage(z.object({ type: z.literal("trash.list") }).strict(), "extension")<{ items: TrashItem[] }>(),
  /** A record's history, newest first. */
  "history.get": defineMessage(z.object({ type: z.literal("history.get"), entity: z.enum(entityNames), id }).strict(), "extension")<{
    entries: HistoryEntry[];
  }>(),
  /** One of the workspace's exports, as the file to save. */
  "export.fetch": defineMessage(z.object({ type: z.literal("export.fetch"), file: z.enum(exportFiles) }).strict(), "extension")<{
    filename: string;
    mimeType: string;
    text: string;
  }>(),
});
