// The messages of capture: what the capture forms on a page need, and the one message that saves what they made.
import { z } from "zod";
import { type EntityFields, entitySchemas } from "../../../shared/entities";
import { type CapturableKind, capturableKinds } from "../../../shared/kinds/capturable";
import type { Member } from "../../../shared/workspace";
import type { PublicSession } from "../session";
import { defineMessage, defineMessages } from "./define";

/** A new record of a capturable kind, as the page sends it (its schema fills in the defaults). */
type RecordCreate = {
  [K in CapturableKind]: { type: "record.create"; kind: K; fields: z.input<(typeof entitySchemas)[K]> };
}[CapturableKind];
/** A new record of a capturable kind, checked against that kind's schema. */
type CheckedRecordCreate = {
  [K in CapturableKind]: { type: "record.create"; kind: K; fields: EntityFields<K> };
}[CapturableKind];

const [firstKind, ...otherKinds] = capturableKinds.map((kind) =>
  z.object({ type: z.literal("record.create"), kind: z.literal(kind), fields: entitySchemas[kind] }).strict(),
);
/** One option per capturable kind, so that a kind outside the list, or fields that fail its schema, are refused. */
const recordCreate = z.discriminatedUnion("kind", [firstKind, ...otherKinds]) as unknown as z.ZodType<CheckedRecordCreate, RecordCreate>;

export const captureMessages = defineMessages({
  /** Who can own an item, and who I am: fills the capture form. */
  "capture.context": defineMessage(z.object({ type: z.literal("capture.context") }).strict(), "content")<{
    session: PublicSession | null;
    members: Member[];
  }>(),
  /** Save a new record captured on the page: an action item, a risk or an annotation. */
  "record.create": defineMessage(recordCreate, "content")<{ id: string }>(),
});
