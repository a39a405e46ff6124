// The extension's local IndexedDB store: its rows, the outbox and small settings (kv), and how it is opened.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { Change } from "../../shared/sync";
import type { StoredSession } from "../common/session";
import type { SyncStatus } from "./status";

/** A synced row as this browser sees it: the server's last word plus local changes not yet sent. */
export interface LocalRow {
  entity: string;
  id: string;
  /** The server's version of the row; 0 while it exists only here. */
  version: number;
  deleted: boolean;
  /** What the user sees: the server's data with pending local changes merged over it. */
  data: Record<string, unknown> | null;
  meta: Change["meta"];
  /** Local mutations not yet acknowledged by the server. */
  pending: number;
  /**
   * The server's own data at `version` while local changes are shown over it: when the server
   * answers that it took them before that version, this is what the row settles on.
   */
  serverData?: Record<string, unknown> | null;
  /** A deleted row's last data, kept so that a restore brings it back at once and a refused delete undoes itself. */
  lastData?: Record<string, unknown> | null;
}

export interface OutboxEntry {
  seq?: number;
  id: string;
  entity: string;
  entityId: string;
  op: "upsert" | "delete" | "restore";
  fields?: Record<string, unknown>;
  /** The server version this edit was made on: the server refuses it (409) when a field it sends changed since. */
  baseVersion?: number;
  createdAt: string;
}

/** A local edit the server refused as stale: the user sees both versions and picks. */
interface Conflict {
  entry: OutboxEntry;
  current: Change;
  /** The fields someone else changed since (the server says which; absent from older answers). */
  fields?: string[];
}

/**
 * A change the server did not take, listed in the side panel until dismissed: `gone`, the record
 * was deleted (or is too old to restore); `forbidden`, only its author or an admin may do that;
 * `invalid`, the server refused it for another reason (`reason` says which).
 */
export type NotSaved = OutboxEntry & { reason: string; why?: "gone" | "forbidden" | "invalid"; title?: string | null };

export interface KvValues {
  session: StoredSession;
  cursor: number;
  clientId: string;
  members: import("../../shared/workspace").Member[];
  status: SyncStatus;
  /** Mutations the server refused, kept so that nothing the user typed is silently dropped. */
  rejected: NotSaved[];
  conflicts: Conflict[];
  /** The item whose chip (or annotation highlight) was clicked last: the side panel opens on it. */
  focus: { key: string; at: string; annotationId?: string };
  /**
   * What each page's content script found for the page's annotations, by page (`url:` key):
   * anchored, orphan (its words are gone) or page (a note about the whole page).
   */
  anchoring: Record<string, { at: string; statuses: Record<string, import("../../shared/vocabulary").AnchoringStatus> }>;
  /** Self-hosted trackers the user added (not secret; kept with the rest for one place to look). */
  selfHosted: import("../common/self-hosted").SelfHostedSite[];
  /**
   * Live updates over a WebSocket while Liaison is in use (on unless false). False means polling
   * only: every 30 s while the side panel is open, every minute otherwise.
   */
  live: boolean;
  /** Whether a live connection is open now (written by the background, shown by the side panel). */
  liveConnected: boolean;
  /** Notify on the day my action items are due (options; on unless turned off). */
  notifyDue: boolean;
  /** The day the due notification was last shown. */
  notifiedOn: string;
  /** The weekday (0 Monday to 6 Sunday) department leads are reminded to check in; Friday unless set. */
  checkinWeekday: number;
  remindedCheckinOn: string;
  /** "For me": the entries I have read, as the server last said (shared by all my browsers). */
  readMarks: string[];
  /** Entries read here and not yet sent to the server. */
  readPending: string[];
  /** Where the server's answer of read marks stopped, for the member it was (the next sync asks only for newer marks). */
  readCursor: { memberId: string; cursor: string };
  /** Action items taken from me, as pulls showed them (the rows no longer say): the newest 200. */
  forMeReassigned: import("../../shared/for-me").ReassignedAway[];
  /** Entries already notified in this browser (the newest 1000), so that each is notified once. */
  forMeNotified: string[];
  /** Action items already notified as ticked in their notes page (the newest 500), so that each is notified once. */
  tickedNotified: string[];
  /** Notifications per kind of "For me" entry (options; each on unless false). */
  forMeNotify: Partial<Record<import("../../shared/for-me").ForMeKind, boolean>>;
  /** A notification was clicked: the side panel opens "For me", or this record in it. */
  panelRequest: { at: string; record: { entity: import("../../shared/entities").EntityName; id: string } | null };
}

interface LiaisonDb extends DBSchema {
  rows: {
    key: [string, string];
    value: LocalRow;
    indexes: { byEntity: string; byCreated: [string, string]; byTargets: string; byTarget: string };
  };
  outbox: { key: number; value: OutboxEntry };
  kv: { key: string; value: unknown };
}

export type Db = IDBPDatabase<LiaisonDb>;

const opening = new Map<string, Promise<Db>>();

/**
 * The extension's own database (extension origin: pages and the background share it; content
 * scripts cannot). Opened once per name; other names are separate stores, as for tests that
 * simulate several browsers in one process.
 */
export function openStore(name = "liaison"): Promise<Db> {
  let db = opening.get(name);
  if (!db) {
    db = openDB<LiaisonDb>(name, 2, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const rows = db.createObjectStore("rows", { keyPath: ["entity", "id"] });
          rows.createIndex("byEntity", "entity");
          db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
          db.createObjectStore("kv");
        }
        // Version 2: an entity's rows newest first, and the rows about one tracker item, so that
        // the side panel's first screen is read without the rest.
        if (oldVersion < 2) {
          const rows = tx.objectStore("rows");
          rows.createIndex("byCreated", ["entity", "meta.createdAt"]);
          rows.createIndex("byTargets", "data.targets", { multiEntry: true });
          rows.createIndex("byTarget", "data.target");
        }
      },
      // A newer version of Liaison wants to upgrade the store: let it, and open again when next asked.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        opening.delete(name);
      },
    });
    opening.set(name, db);
  }
  return db;
}

export async function getKv<K extends keyof KvValues>(db: Db, key: K): Promise<KvValues[K] | undefined> {
  return (await db.get("kv", key)) as KvValues[K] | undefined;
}

export async function setKv<K extends keyof KvValues>(db: Db, key: K, value: KvValues[K]): Promise<void> {
  await db.put("kv", value, key);
}
