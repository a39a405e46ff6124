import { z } from "zod";
import { actionItem, annotation, entityNames, risk, targetKeySchema } from "../../shared/entities";
import { mutation } from "../../shared/sync";
import { httpUrl, id, text } from "../../shared/text";
import { anchoringStatuses } from "../../shared/vocabulary";
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
  /** Save a new risk captured on the page. */
  z.object({ type: z.literal("risk.create"), fields: risk }).strict(),
  /** A later part of Liaison for this page (lib/page-parts.ts), injected into the asking frame. */
  z.object({ type: z.literal("page.part"), part: z.enum(["annotations", "capture"]) }).strict(),
  /** Summaries for the items on the page, from the local store. */
  z.object({ type: z.literal("overlay.query"), keys: z.array(targetKeySchema).max(2000) }).strict(),
  /** The catalogue of the language chosen in options (content scripts cannot read extension files). */
  z.object({ type: z.literal("i18n.catalogue"), language: z.enum(["en", "zh_CN"]) }).strict(),
  /** Open the side panel on an item (a click on its chip), or on one annotation of it (a click on a highlight). */
  z.object({ type: z.literal("overlay.open"), key: targetKeySchema, annotationId: id.optional() }).strict(),
  /** The annotations of the page, matched by its address or the items it shows, from the local store. */
  z.object({ type: z.literal("annotations.forPage"), url: httpUrl, keys: z.array(targetKeySchema).max(50) }).strict(),
  /** Save a new annotation made on the page. */
  z.object({ type: z.literal("annotation.create"), fields: annotation }).strict(),
  /** What the page found for each of its annotations (all of them, each time one changes): the side panel lists orphans. */
  z
    .object({
      type: z.literal("annotations.status"),
      url: httpUrl,
      statuses: z.record(id, z.enum(anchoringStatuses)).refine((value) => Object.keys(value).length <= 1000, "too many annotations"),
    })
    .strict(),
]);

/** Messages the extension's own pages (side panel, options) may send, besides the content ones. */
export const pageToBackground = z.discriminatedUnion("type", [
  ...contentToBackground.options,
  z.object({ type: z.literal("workspace.create"), serverUrl, name: text(80, 1), member: memberProfile }).strict(),
  z.object({ type: z.literal("workspace.join"), serverUrl, code: z.string().max(40), name: z.string(), department: z.string() }).strict(),
  z.object({ type: z.literal("workspace.leave") }).strict(),
  z.object({ type: z.literal("invite.create") }).strict(),
  /** Workspace administration and my own token, through the API (the server checks who may). */
  z
    .object({
      type: z.literal("workspace.admin"),
      action: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("invites.list") }).strict(),
        z.object({ kind: z.literal("invites.revoke"), id }).strict(),
        z.object({ kind: z.literal("members.role"), id, role: z.enum(["admin", "member"]) }).strict(),
        z.object({ kind: z.literal("members.remove"), id }).strict(),
        z.object({ kind: z.literal("workspace.rename"), name: text(80, 1) }).strict(),
        z.object({ kind: z.literal("token.rotate") }).strict(),
      ]),
    })
    .strict(),
  z.object({ type: z.literal("sync.now") }).strict(),
  /** The user picked between a stale edit and the current version. */
  z.object({ type: z.literal("conflict.resolve"), mutationId: id, keep: z.enum(["mine", "theirs"]) }).strict(),
  /** The item of the tab in view, as its overlay reported it. */
  z.object({ type: z.literal("panel.context") }).strict(),
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
