// The messages of importing minutes: the side panel asks the background to read the notes page in view.
import { z } from "zod";
import type { TextQuoteSelector } from "../../../shared/kinds/schemas";
import type { MinutesPage } from "../../../shared/minutes/plan";
import { isoDate } from "../../../shared/text";
import { defineMessage, defineMessages } from "./define";

/** A notes page's ticked tasks whose action items are still open: each item's id and words. */
export interface TickedInNotes {
  url: string;
  title: string;
  items: Array<{ id: string; text: string }>;
}

export const minutesMessages = defineMessages({
  /**
   * Read the minutes of the tab in view (or of the tab the context menu was used on): the
   * background injects the reader into it and answers what it read. The page is never sent anywhere else.
   */
  "minutes.read": defineMessage(z.object({ type: z.literal("minutes.read"), today: isoDate }).strict(), "extension")<{
    page: MinutesPage;
  }>(),
  /**
   * The quotes, with their context either side, of items of the last reading (by their index in
   * it), read from the same tab when the user imports them; null for an item no longer there.
   */
  "minutes.quotes": defineMessage(
    z.object({ type: z.literal("minutes.quotes"), indexes: z.array(z.number().int().min(0).max(9_999)).max(10_000) }).strict(),
    "extension",
  )<{ quotes: Array<TextQuoteSelector | null> }>(),
  /** Whether the context menu's "Import from this page" just asked for the panel: it then reads at once. */
  "minutes.asked": defineMessage(z.object({ type: z.literal("minutes.asked") }).strict(), "extension")<{ asked: boolean }>(),
  /**
   * What the notes page in view says is done: imported action items still open here whose tasks
   * are ticked in the page, found when the page was opened (its meeting was imported from it).
   */
  "minutes.ticked": defineMessage(z.object({ type: z.literal("minutes.ticked") }).strict(), "extension")<{
    ticked: TickedInNotes | null;
  }>(),
  /** The user set the offer aside ("Not now"): the tab's badge and the panel's card go until the page is opened again. */
  "minutes.tickedDismiss": defineMessage(z.object({ type: z.literal("minutes.tickedDismiss") }).strict(), "extension")<
    Record<string, never>
  >(),
});
