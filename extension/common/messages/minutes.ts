// The messages of importing minutes: the side panel asks the background to read the notes page in view.
import { z } from "zod";
import type { MinutesPage } from "../../../shared/minutes/plan";
import { isoDate } from "../../../shared/text";
import { defineMessage, defineMessages } from "./define";

export const minutesMessages = defineMessages({
  /**
   * Read the minutes of the tab in view (or of the tab the context menu was used on): the
   * background injects the reader into it and answers what it read. The page is never sent anywhere else.
   */
  "minutes.read": defineMessage(z.object({ type: z.literal("minutes.read"), today: isoDate }).strict(), "extension")<{
    page: MinutesPage;
  }>(),
  /** Whether the context menu's "Import from this page" just asked for the panel: it then reads at once. */
  "minutes.asked": defineMessage(z.object({ type: z.literal("minutes.asked") }).strict(), "extension")<{ asked: boolean }>(),
});
