// What every area of the background is given, and the shape of an area's handler map.
import type { Browser } from "wxt/browser";
import type { MessageOf, MessageType, Replies } from "../common/messages";
import type { StoredSession } from "../common/session";
import type { Db } from "../store/db";
import type { SyncStatus } from "../store/status";
import type { mutateLocal, StoreChange } from "../store/store";

/** What the areas share: the local store, who is signed in, and the way a change goes out. */
export interface Background {
  db: Promise<Db>;
  session(): Promise<StoredSession | null>;
  /** Syncs now; after a passing failure, tries again with backoff. */
  syncSoon(): Promise<SyncStatus>;
  /** A change made here: in the local store at once, then on its way to the server. Answers the record's id. */
  saveLocal(change: Parameters<typeof mutateLocal>[1]): Promise<string>;
  /** Runs whenever the store's rows or state change, here or in an extension page (not when only the tab in view did). */
  onStoreChange(listener: (change: Exclude<StoreChange, "context">) => void): void;
  /** Runs for every port that Liaison's own pages and content scripts open (any other is disconnected). */
  onPort(listener: (port: Browser.runtime.Port) => void): void;
}

/** What a handler is told besides its message: the opened store, and who sent it (already checked). */
interface MessageContext {
  store: Db;
  sender: Browser.runtime.MessageSender;
}

export type Handler<T extends MessageType> = (message: MessageOf<T>, context: MessageContext) => Promise<Replies[T]> | Replies[T];

/** An area's answers, one per message type it declares. */
export type Handlers<T extends MessageType> = { [K in T]: Handler<K> };
