// How the side panel and options save or delete a record: through the background, which stores it at once and queues it for sync.
import type { EntityName } from "../../shared/entities";
import { ask } from "../common/ask";
import { newLocalId } from "../store/local-rows";

/** Saves a change locally at once (the background queues it for the server). */
export function save(entity: EntityName, fields: Record<string, unknown>, entityId = newLocalId()): Promise<{ id: string }> {
  return ask({ type: "entity.mutate", entity, entityId, op: "upsert", fields });
}

export function remove(entity: EntityName, entityId: string): Promise<{ id: string }> {
  return ask({ type: "entity.mutate", entity, entityId, op: "delete" });
}

/**
 * The `entity.mutate` message as record details send it: an edit names the version it was made
 * on (a teammate's edit since then makes it a conflict), and an undone delete is a restore.
 */
type RecordChange = { entity: EntityName; entityId: string } & (
  | { op: "upsert"; fields: Record<string, unknown>; baseVersion: number }
  | { op: "delete" }
  | { op: "restore" }
);

/** Sends a change made in a record's details. */
export function mutateRecord(change: RecordChange): Promise<{ id: string }> {
  return ask({ type: "entity.mutate", ...change });
}
