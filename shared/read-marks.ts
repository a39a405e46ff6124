// The "For me" read marks as the API takes and gives them: a member's own, never another's.
import { z } from "zod";
import { forMeKeyPattern, maxReadMarksPerRequest } from "./for-me";

/**
 * Asked with `since`, the server answers the marks made at or after it less this slack: a mark
 * made meanwhile through a Worker whose clock runs a little behind is still in the next answer.
 */
export const readMarksSlackMs = 2 * 60_000;

/**
 * `since`: the cursor an earlier answer gave (empty for all marks). Without it the answer is all
 * the marks and no cursor, as before cursors were kept.
 */
export const readMarksQuery = z.object({ since: z.union([z.literal(""), z.iso.datetime()]).optional() });

export const markReadRequest = z
  .object({
    keys: z
      .array(z.string().max(200).regex(forMeKeyPattern, "must be an entry key like action_item:<id>:assigned:<member>"))
      .min(1)
      .max(maxReadMarksPerRequest),
  })
  .strict();

/**
 * GET and POST /v1/me/read answer the caller's read marks, newest first. Asked with `since`, only
 * those marked since (see `readMarksSlackMs`), and `cursor`: the newest mark's time, to ask with
 * next (the `since` given when there is none newer).
 */
export interface ReadMarksResponse {
  keys: string[];
  cursor?: string;
}
