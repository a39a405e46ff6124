// How the background takes a message: only from Liaison's own pages and content scripts, each within its own vocabulary.
import { type Browser, browser } from "wxt/browser";
import { describeIssues } from "../../shared/entities";
import type { Reply } from "../common/ask";
import { contentToBackground, type MessageType, pageToBackground } from "../common/messages";
import type { Db } from "../store/db";
import type { Handler, Handlers } from "./context";

/** The vocabulary a sender may use: extension pages all of it, content scripts in tabs the smaller one; anyone else none. */
function vocabularyFor(sender: Browser.runtime.MessageSender) {
  if (sender.id !== browser.runtime.id) return null;
  if (sender.url?.startsWith(browser.runtime.getURL("/"))) return pageToBackground;
  if (sender.tab?.id !== undefined) return contentToBackground;
  return null;
}

/** The listener for `runtime.onMessage`: checks each message against its sender's vocabulary, then hands it to its area. */
export function receiver(handlers: Handlers<MessageType>, db: Promise<Db>) {
  return (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply<MessageType>) => void): boolean => {
    const vocabulary = vocabularyFor(sender);
    if (!vocabulary) return false;
    const parsed = vocabulary.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `Refused message: ${describeIssues(parsed.error)}` });
      return false;
    }
    const message = parsed.data;
    const handle = handlers[message.type] as Handler<MessageType>;
    db.then((store) => handle(message as never, { store, sender })).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}
