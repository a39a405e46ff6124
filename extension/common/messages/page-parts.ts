// The messages of the page parts and overlays: what a tracker page reads, and the side panel's view of the tab in view.
import { z } from "zod";
import { targetKeySchema } from "../../../shared/entities";
import type { TargetSummary } from "../../../shared/summary";
import { httpUrl, id } from "../../../shared/text";
import { anchoringStatuses } from "../../../shared/vocabulary";
import type { PageAnnotation } from "../page-annotation";
import { defineMessage, defineMessages } from "./define";

type Done = Record<string, never>;

export const pagePartMessages = defineMessages({
  /** A later part of Liaison for this page (page/parts.ts), injected into the asking frame. */
  "page.part": defineMessage(
    z.object({ type: z.literal("page.part"), part: z.enum(["annotations", "capture"]) }).strict(),
    "content",
  )<Done>(),
  /** Summaries for the items on the page, from the local store. Only the keys with something recorded; the others summarize as an empty index does. */
  "overlay.query": defineMessage(
    z.object({ type: z.literal("overlay.query"), keys: z.array(targetKeySchema).max(2000) }).strict(),
    "content",
  )<{ summaries: Record<string, TargetSummary> }>(),
  /** The catalogue of the language chosen in options (content scripts cannot read extension files). */
  "i18n.catalogue": defineMessage(z.object({ type: z.literal("i18n.catalogue"), language: z.enum(["en", "zh_CN"]) }).strict(), "content")<{
    catalogue: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  }>(),
  /** Open the side panel on an item (a click on its chip), or on one annotation of it (a click on a highlight). */
  "overlay.open": defineMessage(
    z.object({ type: z.literal("overlay.open"), key: targetKeySchema, annotationId: id.optional() }).strict(),
    "content",
  )<Done>(),
  /** The annotations of the page, matched by its address or the items it shows, from the local store. */
  "annotations.forPage": defineMessage(
    z.object({ type: z.literal("annotations.forPage"), url: httpUrl, keys: z.array(targetKeySchema).max(50) }).strict(),
    "content",
  )<{ annotations: PageAnnotation[] }>(),
  /** What the page found for each of its annotations (all of them, each time one changes): the side panel lists orphans. */
  "annotations.status": defineMessage(
    z
      .object({
        type: z.literal("annotations.status"),
        url: httpUrl,
        statuses: z.record(id, z.enum(anchoringStatuses)).refine((value) => Object.keys(value).length <= 1000, "too many annotations"),
      })
      .strict(),
    "content",
  )<Done>(),
  /** What the page says about its item (title, state as shown, assignees): kept, and synced, only for items with records. */
  "tracker.seen": defineMessage(
    z
      .object({
        type: z.literal("tracker.seen"),
        keys: z.array(targetKeySchema).min(1).max(5),
        title: z.string().max(300),
        state: z.string().max(60),
        assignees: z.array(z.string().min(1).max(100)).max(20),
      })
      .strict(),
    "content",
  )<Done>(),
  /** The titles list rows show for items the team has records about: kept as those items' tracker titles. */
  "tracker.rows": defineMessage(
    z
      .object({
        type: z.literal("tracker.rows"),
        rows: z.array(z.object({ key: targetKeySchema, title: z.string().min(1).max(300) }).strict()).max(500),
      })
      .strict(),
    "content",
  )<Done>(),
  /** The item of the tab in view, as its overlay reported it. */
  "panel.context": defineMessage(z.object({ type: z.literal("panel.context") }).strict(), "extension")<{
    key: string | null;
    title: string | null;
    url: string | null;
  }>(),
});
