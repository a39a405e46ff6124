// Work the server does not have (unsent, refused or in conflict), exported as a JSON file from the side panel or options.
import { type Db, getKv, type KvValues, type OutboxEntry } from "../store/db";
import { saveFile } from "./save-file";

/** Everything typed in this browser that the server does not have: to keep, re-enter elsewhere or hand to an admin. */
interface UnsyncedExport {
  format: "liaison-unsynced/1";
  exportedAt: string;
  serverUrl: string | null;
  workspace: { id: string; name: string } | null;
  member: { id: string; name: string } | null;
  /** Changes not yet sent, oldest first. */
  outbox: OutboxEntry[];
  /** Changes the server refused, with its reason. */
  rejected: KvValues["rejected"];
  /** Edits set aside because the item changed on the server meanwhile. */
  conflicts: KvValues["conflicts"];
}

export async function readUnsynced(db: Db, now = new Date()): Promise<UnsyncedExport> {
  const [session, outbox, rejected, conflicts] = await Promise.all([
    getKv(db, "session"),
    db.getAll("outbox"),
    getKv(db, "rejected"),
    getKv(db, "conflicts"),
  ]);
  return {
    format: "liaison-unsynced/1",
    exportedAt: now.toISOString(),
    serverUrl: session?.serverUrl ?? null,
    workspace: session ? { id: session.workspace.id, name: session.workspace.name } : null,
    member: session ? { id: session.member.id, name: session.member.name } : null,
    outbox,
    rejected: rejected ?? [],
    conflicts: conflicts ?? [],
  };
}

/** Saves a value as a JSON file through the browser's downloads (no permission needed from a page). */
export function downloadJson(doc: Document, filename: string, value: unknown): void {
  saveFile(doc, filename, JSON.stringify(value, null, 2), "application/json");
}
