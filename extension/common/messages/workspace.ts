// The messages of workspace administration: creating, joining and leaving a workspace, invites, members and my token.
import { z } from "zod";
import type { Browser } from "../../../shared/browsers";
import { httpsOrLoopbackUrl, id, text } from "../../../shared/text";
import { type Invite, memberProfile } from "../../../shared/workspace";
import type { PublicSession } from "../session";
import { defineMessage, defineMessages } from "./define";

/** The sync API's address: https, so that the token never travels unencrypted, except on this machine. */
const serverUrl = httpsOrLoopbackUrl(300);

export const workspaceMessages = defineMessages({
  "workspace.create": defineMessage(
    z.object({ type: z.literal("workspace.create"), serverUrl, name: text(80, 1), member: memberProfile }).strict(),
    "extension",
  )<{ session: PublicSession }>(),
  "workspace.join": defineMessage(
    z.object({ type: z.literal("workspace.join"), serverUrl, code: z.string().max(40), name: z.string(), department: z.string() }).strict(),
    "extension",
  )<{ session: PublicSession }>(),
  /** Signs this browser in as a member who made a sign-in code in another of their browsers. */
  "workspace.signInWithCode": defineMessage(
    z.object({ type: z.literal("workspace.signInWithCode"), serverUrl, code: z.string().max(40) }).strict(),
    "extension",
  )<{ session: PublicSession }>(),
  /** A one-time code that signs another browser in as me ("Add another browser"). */
  "browser.code": defineMessage(z.object({ type: z.literal("browser.code") }).strict(), "extension")<{
    code: string;
    expiresAt: string;
  }>(),
  "browser.list": defineMessage(z.object({ type: z.literal("browser.list") }).strict(), "extension")<{ browsers: Browser[] }>(),
  /** Signs one of my other browsers out; this one too, when it is the one named. */
  "browser.revoke": defineMessage(z.object({ type: z.literal("browser.revoke"), id }).strict(), "extension")<Record<string, never>>(),
  "workspace.leave": defineMessage(z.object({ type: z.literal("workspace.leave") }).strict(), "extension")<Record<string, never>>(),
  "invite.create": defineMessage(z.object({ type: z.literal("invite.create") }).strict(), "extension")<{
    code: string;
    expiresAt: string;
  }>(),
  /** Workspace administration and my own token, through the API (the server checks who may). */
  "workspace.admin": defineMessage(
    z
      .object({
        type: z.literal("workspace.admin"),
        action: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("invites.list") }).strict(),
          z.object({ kind: z.literal("invites.revoke"), id }).strict(),
          z.object({ kind: z.literal("members.role"), id, role: z.enum(["admin", "member"]) }).strict(),
          z.object({ kind: z.literal("members.remove"), id }).strict(),
          z.object({ kind: z.literal("workspace.rename"), name: text(80, 1) }).strict(),
          z.object({ kind: z.literal("token.rotate") }).strict(),
        ]),
      })
      .strict(),
    "extension",
  )<{ invites?: Invite[] }>(),
});
