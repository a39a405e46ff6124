// The messages of team chat channels (admins): list, add, change, test and delete a channel, and set the workspace's language.
import { z } from "zod";
import {
  type Channel,
  type ChannelTestResult,
  createChannelRequest,
  updateChannelRequest,
  type WorkspaceLanguage,
  workspaceLanguageRequest,
} from "../../../shared/channels";
import { id } from "../../../shared/text";
import { defineMessage, defineMessages } from "./define";

export const channelMessages = defineMessages({
  /** Channel administration through the API (the server checks the caller is an admin). */
  "channels.admin": defineMessage(
    z
      .object({
        type: z.literal("channels.admin"),
        action: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("list") }).strict(),
          z.object({ kind: z.literal("create"), channel: createChannelRequest }).strict(),
          z.object({ kind: z.literal("update"), id, change: updateChannelRequest }).strict(),
          z.object({ kind: z.literal("delete"), id }).strict(),
          z.object({ kind: z.literal("test"), id }).strict(),
          z.object({ kind: z.literal("language"), language: workspaceLanguageRequest }).strict(),
        ]),
      })
      .strict(),
    "extension",
  )<{ channels?: Channel[]; language?: WorkspaceLanguage; result?: ChannelTestResult }>(),
});
