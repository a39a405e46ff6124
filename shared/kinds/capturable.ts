// The record kinds a user can capture on a tracker page (the capture forms save them through one message).
import type { EntityName } from "../entities";

/**
 * Every kind the page may create, by name: the capture message (`record.create`) takes one option
 * per kind listed. Kept apart from the kinds' declarations as a typed list, and free of schemas,
 * so that in-page code may read it without bundling zod.
 */
export const capturableKinds = ["action_item", "risk", "annotation"] as const satisfies readonly EntityName[];
export type CapturableKind = (typeof capturableKinds)[number];
