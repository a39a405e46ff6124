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
