// The messages of host permissions: self-hosted trackers the user grants or removes in options.
import { z } from "zod";
import { type SelfHostedSite, selfHostedKinds } from "../self-hosted";
import { defineMessage, defineMessages } from "./define";

export const hostMessages = defineMessages({
  /** A self-hosted tracker the user granted: Liaison's content script is registered there. */
  "hosts.add": defineMessage(
    z.object({ type: z.literal("hosts.add"), origin: z.string().max(300), kind: z.enum(selfHostedKinds) }).strict(),
    "extension",
  )<{ sites: SelfHostedSite[] }>(),
  "hosts.remove": defineMessage(z.object({ type: z.literal("hosts.remove"), origin: z.string().max(300) }).strict(), "extension")<{
    sites: SelfHostedSite[];
  }>(),
});
