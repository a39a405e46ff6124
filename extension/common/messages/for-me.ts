// The messages of "For me": entries read in this browser (the background sends the marks to my other browsers through the server).
import { z } from "zod";
import { forMeKeyPattern, maxReadMarksPerRequest } from "../../../shared/for-me";
import { defineMessage, defineMessages } from "./define";

export const forMeMessages = defineMessages({
  /** The user opened these entries, or marked them all read. */
  "forMe.read": defineMessage(
    z
      .object({
        type: z.literal("forMe.read"),
        keys: z.array(z.string().max(200).regex(forMeKeyPattern)).min(1).max(maxReadMarksPerRequest),
      })
      .strict(),
    "extension",
  )<Record<string, never>>(),
});
