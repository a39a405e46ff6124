// How pages, content scripts, the side panel and options ask the background something: one message sent, its reply unwrapped.
import { browser } from "wxt/browser";
import type { MessageType, PageMessage, Replies } from "./messages";

// Types only from the message declarations (zod), so that pages and content scripts can ask without bundling them.

export type Reply<T extends MessageType> = { ok: true; value: Replies[T] } | { ok: false; error: string };

class MessageError extends Error {}

/** Sends a message to the background and unwraps its reply; a refusal becomes a thrown MessageError. */
export async function ask<M extends PageMessage>(message: M): Promise<Replies[M["type"]]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<M["type"]> | undefined;
  if (!reply) throw new MessageError("Liaison's background did not answer");
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
