// The record kinds a user can capture on a tracker page (the capture forms save them through one message).
import type { EntityName } from "./entities";

/**
 * Every kind the page may create. One list, so that it can later come from the kinds registry's
 * `capturable` flag; it imports no schema, so in-page code may read it without bundling zod.
 */
export const capturableKinds = ["action_item", "risk", "annotation"] as const satisfies readonly EntityName[];
export type CapturableKind = (typeof capturableKinds)[number];
