import { z } from "zod";
import { targetKey } from "./targets";
import { departmentName, httpUrl, id, isoDate, personName, text } from "./text";
import { actionItemStatuses, priorities } from "./vocabulary";

/** W3C Web Annotation TextQuoteSelector: the exact words plus a little context either side. */
export const textQuoteSelector = z
  .object({
    type: z.literal("TextQuoteSelector"),
    exact: text(4000, 1),
    prefix: z.string().max(64).default(""),
    suffix: z.string().max(64).default(""),
  })
  .strict();
export type TextQuoteSelector = z.infer<typeof textQuoteSelector>;

/** Where a captured item came from: the page, its title and the quote it was made from. */
export const captureSource = z
  .object({
    url: httpUrl,
    title: text(300).default(""),
    selector: textQuoteSelector.nullable().default(null),
  })
  .strict();
export type CaptureSource = z.infer<typeof captureSource>;

export const targetKeySchema = z.string().max(2048).regex(targetKey, "must be a target key like github:acme/app#7");

export const actionItem = z
  .object({
    text: text(2000, 1),
    owner: personName.nullable().default(null),
    ownerId: id.nullable().default(null),
    department: departmentName.nullable().default(null),
    due: isoDate.nullable().default(null),
    status: z.enum(actionItemStatuses).default("open"),
    priority: z.enum(priorities).default("medium"),
    targets: z.array(targetKeySchema).max(20).default([]),
    source: captureSource.nullable().default(null),
    meeting: id.nullable().default(null),
  })
  .strict();
export type ActionItem = z.infer<typeof actionItem>;

/**
 * Every synced entity and the schema of its fields. Upserts carry some of the fields; the
 * merged row must satisfy the whole schema. Adding an entity is one line here.
 */
export const entitySchemas = {
  action_item: actionItem,
} as const;

export type EntityName = keyof typeof entitySchemas;
export const entityNames = Object.keys(entitySchemas) as [EntityName, ...EntityName[]];
export type EntityFields<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;

/** Merges changed fields over a row, field by field, and checks the result is a whole, valid row. */
export function mergeEntity<E extends EntityName>(
  entity: E,
  current: Record<string, unknown> | null,
  changes: Record<string, unknown>,
): { ok: true; data: EntityFields<E> } | { ok: false; message: string } {
  const parsed = entitySchemas[entity].safeParse({ ...(current ?? {}), ...changes });
  if (parsed.success) return { ok: true, data: parsed.data as EntityFields<E> };
  return { ok: false, message: describeIssues(parsed.error) };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
