// The synced entities: each record kind's schema, from shared/kinds/schemas.ts, and its policy, from its declaration in the kinds registry.
import type { z } from "zod";
import { recordKinds } from "./kinds";
import type { EntityPolicy } from "./kinds/kind";
import { recordSchemas } from "./kinds/schemas";

export {
  type ActionItem,
  type Annotation,
  type AnnotationSelector,
  actionItem,
  annotation,
  annotationSelector,
  type Checkin,
  captureSource,
  checkin,
  type Decision,
  type Department,
  decision,
  type Escalation,
  escalation,
  type Goal,
  goal,
  type Meeting,
  meeting,
  type Responsibility,
  type Risk,
  risk,
  type TextQuoteSelector,
  type TrackerItem,
  targetKeySchema,
  textQuoteSelector,
} from "./kinds/schemas";

/** Every synced entity and the schema of its fields. Upserts carry some of the fields; the merged row must satisfy the whole schema. */
export const entitySchemas = recordSchemas;

export type EntityName = keyof typeof entitySchemas;
export const entityNames = Object.keys(entitySchemas) as [EntityName, ...EntityName[]];

/** Shared entities merge field by field in server order; the kinds that declare a policy are the exceptions. */
export const entityPolicies: Partial<Record<EntityName, EntityPolicy>> = Object.fromEntries(
  recordKinds.flatMap((kind) => (kind.policy ? [[kind.name, kind.policy] as const] : [])),
);

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
