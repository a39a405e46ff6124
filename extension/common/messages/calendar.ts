// The messages of calendar feeds: my secret feed addresses for a calendar app, made, listed and revoked in options.
import { z } from "zod";
import type { CalendarFeed, NewCalendarFeed } from "../../../shared/calendar-feeds";
import { id } from "../../../shared/text";
import { defineMessage, defineMessages } from "./define";

export const calendarMessages = defineMessages({
  /** A new feed address: shown once, as the server keeps only a hash of its secret. */
  "calendarFeed.create": defineMessage(z.object({ type: z.literal("calendarFeed.create") }).strict(), "extension")<NewCalendarFeed>(),
  "calendarFeed.list": defineMessage(z.object({ type: z.literal("calendarFeed.list") }).strict(), "extension")<{ feeds: CalendarFeed[] }>(),
  /** Stops a feed address working, for good. */
  "calendarFeed.revoke": defineMessage(z.object({ type: z.literal("calendarFeed.revoke"), id }).strict(), "extension")<
    Record<string, never>
  >(),
});
