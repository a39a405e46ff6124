// The messages of sync: a sync on request, a conflict settled, a change the server did not take dismissed, and a local change to any record.
import { z } from "zod";
import { entityNames } from "../../../shared/entities";
import { mutation } from "../../../shared/sync";
import { id } from "../../../shared/text";
import type { SyncStatus } from "../../store/status";
import { defineMessage, defineMessages } from "./define";

export const syncMessages = defineMessages({
  "sync.now": defineMessage(z.object({ type: z.literal("sync.now") }).strict(), "extension")<{ status: SyncStatus }>(),
  /** The user picked between a stale edit and the current version. */
  "conflict.resolve": defineMessage(
    z.object({ type: z.literal("conflict.resolve"), mutationId: id, keep: z.enum(["mine", "theirs"]) }).strict(),
    "extension",
  )<Record<string, never>>(),
  /** The user has read a change the server did not take: it leaves the "Not saved" list (all of them without an id). */
  "notSaved.dismiss": defineMessage(z.object({ type: z.literal("notSaved.dismiss"), mutationId: id.optional() }).strict(), "extension")<
    Record<string, never>
  >(),
  /** A local change to any entity (it lands in the local store at once and is queued for the server). */
  "entity.mutate": defineMessage(
    z
      .object({
        type: z.literal("entity.mutate"),
        entity: z.enum(entityNames),
        entityId: id,
        op: z.enum(["upsert", "delete", "restore"]),
        fields: z.record(z.string(), z.unknown()).optional(),
        /** The version a record's details were opened on: a teammate's edit of the same field since then is a conflict. */
        baseVersion: z.number().int().nonnegative().optional(),
      })
      .strict()
      .superRefine((value, ctx) => {
        const check = mutation.safeParse({
          id: "local-check",
          entity: value.entity,
          entityId: value.entityId,
          op: value.op,
          fields: value.fields,
          baseVersion: value.baseVersion,
        });
        if (!check.success) ctx.addIssue({ code: "custom", message: check.error.issues[0]?.message ?? "invalid change" });
      }),
    "extension",
  )<{ id: string }>(),
});
