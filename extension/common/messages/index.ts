// Every message the background answers, gathered from the areas that declare them; the background checks each against these.
import { z } from "zod";
import { calendarMessages } from "./calendar";
import { captureMessages } from "./capture";
import { channelMessages } from "./channels";
import type { Declared } from "./define";
import { forMeMessages } from "./for-me";
import { hostMessages } from "./hosts";
import { minutesMessages } from "./minutes";
import { pagePartMessages } from "./page-parts";
import { recordMessages } from "./records";
import { syncMessages } from "./sync";
import { workspaceMessages } from "./workspace";

/** Adding a message is its declaration in one of these areas and its handler in the background's area of the same name. */
export const messages = {
  ...captureMessages,
  ...pagePartMessages,
  ...workspaceMessages,
  ...syncMessages,
  ...hostMessages,
  ...recordMessages,
  ...forMeMessages,
  ...minutesMessages,
  ...calendarMessages,
  ...channelMessages,
};

type Messages = typeof messages;
export type MessageType = keyof Messages;
/** The types a content script may send too. */
type ContentMessageType = { [T in MessageType]: Messages[T]["from"] extends "content" ? T : never }[MessageType];

/** A message as its sender writes it (defaults may be left out). */
type MessageInput<T extends MessageType> = z.input<Messages[T]["schema"]>;
/** A message as the background's handler receives it: checked, defaults filled in. */
export type MessageOf<T extends MessageType> = z.output<Messages[T]["schema"]>;
/** What the background answers to each message. */
export type Replies = { [T in MessageType]: Messages[T] extends { reply?: infer Reply } ? Reply : never };

export type PageMessage = { [T in MessageType]: MessageInput<T> }[MessageType];
type ContentMessage = { [T in ContentMessageType]: MessageInput<T> }[ContentMessageType];
type CheckedPageMessage = { [T in MessageType]: MessageOf<T> }[MessageType];
type CheckedContentMessage = { [T in ContentMessageType]: MessageOf<T> }[ContentMessageType];

function vocabulary(declared: Declared<z.ZodType<{ type: string }>, unknown>[]) {
  const [first, ...others] = declared.map((message) => message.schema as unknown as z.ZodObject);
  return z.discriminatedUnion("type", [first, ...others]);
}

/** Messages a content script may send: it runs inside untrusted pages, so it may only capture and read. */
export const contentToBackground = vocabulary(
  Object.values(messages).filter((message) => message.from === "content"),
) as unknown as z.ZodType<CheckedContentMessage, ContentMessage>;

/** Messages the extension's own pages (side panel, options) may send: the content ones and the rest. */
export const pageToBackground = vocabulary(Object.values(messages)) as unknown as z.ZodType<CheckedPageMessage, PageMessage>;
