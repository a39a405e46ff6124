// How a message to the background is declared: its schema, who may send it and what it answers, side by side.
import type { z } from "zod";

/**
 * Who may send a message. `content`: Liaison's content scripts too; they run inside untrusted
 * pages, so their messages may only capture and read. `extension`: only Liaison's own pages
 * (side panel, options).
 */
type Senders = "content" | "extension";

/** A message the background answers. */
export interface Declared<Schema extends z.ZodType<{ type: string }>, Reply, From extends Senders = Senders> {
  schema: Schema;
  from: From;
  /** Never set: it carries the reply's type to `ask()` and to the message's handler. */
  reply?: Reply;
}

/**
 * Declares a message: `defineMessage(schema, "content")<Reply>()`. The reply type is given
 * apart because TypeScript cannot take it while inferring the schema's.
 */
export function defineMessage<Schema extends z.ZodType<{ type: string }>, From extends Senders>(schema: Schema, from: From) {
  return <Reply>(): Declared<Schema, Reply, From> => ({ schema, from });
}

// biome-ignore lint/suspicious/noExplicitAny: any schema, any reply
type AnyDeclared = Declared<z.ZodType<{ type: string }>, any>;

/** An area's messages by type: each key must be its message's `type`, or this does not compile. */
export function defineMessages<M extends Record<string, AnyDeclared>>(
  messages: M & { [T in keyof M]: Declared<z.ZodType<{ type: T & string }>, unknown> },
): M {
  return messages;
}
