// "Add another browser": the one-time sign-in code's request and the member's browsers as the API lists them.
import { z } from "zod";
import { text } from "./text";
import { normalizeInviteCode } from "./workspace";

/** The browser a member joined or created the workspace with, in the list of their browsers and in its path. */
export const firstBrowserId = "first";

/** How long a sign-in code for another browser works. */
export const browserCodeMinutes = 10;

/** A sign-in code is typed like an invite code (case, spaces and dashes do not matter), but is 8 characters. */
const browserCode = z
  .string()
  .max(40)
  .refine((code) => /^[A-Z0-9]{8}$/.test(normalizeInviteCode(code)), "must be a sign-in code like ABCD-EFGH");

export const browserSignInRequest = z.object({ code: browserCode, label: text(80).optional() }).strict();

/** One of a member's signed-in browsers. */
export interface Browser {
  /** `firstBrowserId` for the one they joined with. */
  id: string;
  label: string | null;
  createdAt: string;
  /** The one they joined with: it is not revoked on its own (an admin removes the member). */
  first: boolean;
  /** The browser asking. */
  current: boolean;
}
