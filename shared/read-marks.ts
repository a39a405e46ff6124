// The "For me" read marks as the API takes and gives them: a member's own, never another's.
import { z } from "zod";
import { forMeKeyPattern, maxReadMarksPerRequest } from "./for-me";

/** The server keeps a member's newest marks up to this many. */
export const maxReadMarks = 5000;

export const markReadRequest = z
  .object({
    keys: z
      .array(z.string().max(200).regex(forMeKeyPattern, "must be an entry key like action_item:<id>:assigned:<member>"))
      .min(1)
      .max(maxReadMarksPerRequest),
  })
  .strict();

/** GET and POST /v1/me/read answer the caller's read marks. */
export interface ReadMarksResponse {
  keys: string[];
}
