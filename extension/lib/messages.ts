import { z } from "zod";
import { actionItem, entityNames, targetKeySchema } from "../../shared/entities";
import { mutation } from "../../shared/sync";
import { id, text } from "../../shared/text";
import { memberProfile } from "../../shared/workspace";
import { selfHostedKinds } from "./self-hosted";

const serverUrl = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

/** Messages a content script may send: it runs inside untrusted pages, so it may only capture and read. */
export const contentToBackground = z.discriminatedUnion("type", [
  /** Who can own an item, and who I am: fills the capture form. */
  z.object({ type: z.literal("capture.context") }).strict(),
  /** Save a new action item captured on the page. */
  z.object({ type: z.literal("actionItem.create"), fields: actionItem }).strict(),
  /** Summaries for the items on the page, from the local store. */
  z.object({ type: z.literal("overlay.query"), keys: z.array(targetKeySchema).max(2000) }).strict(),
  /** Open the side panel on an item (a click on its chip). */
  z.object({ type: z.literal("overlay.open"), key: targetKeySchema }).strict(),
]);

/** Messages the extension's own pages (side panel, options) may send, besides the content ones. */
export const pageToBackground = z.discriminatedUnion("type", [
  ...contentToBackground.options,
  z.object({ type: z.literal("workspace.create"), serverUrl, name: text(80, 1), member: memberProfile }).strict(),
  z.object({ type: z.literal("workspace.join"), serverUrl, code: z.string().max(40), name: z.string(), department: z.string() }).strict(),
  z.object({ type: z.literal("workspace.leave") }).strict(),
  z.object({ type: z.literal("invite.create") }).strict(),
  z.object({ type: z.literal("sync.now") }).strict(),
  /** A self-hosted tracker the user granted: Liaison's content script is registered there. */
  z.object({ type: z.literal("hosts.add"), origin: z.string().max(300), kind: z.enum(selfHostedKinds) }).strict(),
  z.object({ type: z.literal("hosts.remove"), origin: z.string().max(300) }).strict(),
  /** A local change to any entity (it lands in the local store at once and is queued for the server). */
  z
    .object({
      type: z.literal("entity.mutate"),
      entity: z.enum(entityNames),
      entityId: id,
      op: z.enum(["upsert", "delete"]),
      fields: z.record(z.string(), z.unknown()).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      const check = mutation.safeParse({
        id: "local-check",
        entity: value.entity,
        entityId: value.entityId,
        op: value.op,
        fields: value.fields,
      });
      if (!check.success) ctx.addIssue({ code: "custom", message: check.error.issues[0]?.message ?? "invalid change" });
    }),
]);

export type ContentMessage = z.infer<typeof contentToBackground>;
export type PageMessage = z.infer<typeof pageToBackground>;
