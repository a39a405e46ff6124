import type { EntityName } from "../../shared/entities";
import type { Db, LocalRow } from "./db";

// The store's reading side, free of schemas (zod), so that pages reading the store load quickly.

/** Tells every open extension page that the local store changed. */
export const storeChannelName = "liaison-store";

export function announceChange(type: "changed" | "context" = "changed"): void {
  const channel = new BroadcastChannel(storeChannelName);
  channel.postMessage({ type });
  channel.close();
}

export function newLocalId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/** The live (not deleted) rows of one entity. */
export async function listRows(db: Db, entity: EntityName): Promise<LocalRow[]> {
  const rows = await db.getAllFromIndex("rows", "byEntity", entity);
  return rows.filter((row) => !row.deleted && row.data);
}
