// The sync protocol between the extension and the Worker: the push and pull requests and answers, and their limits.
import { z } from "zod";
import { describeIssues, entityNames, entitySchemas } from "./entities";
import { id } from "./text";

export const maxMutationsPerPush = 100;
const maxPullLimit = 1000;

export const mutation = z
  .object({
    id,
    entity: z.enum(entityNames),
    entityId: id,
    op: z.enum(["upsert", "delete", "restore"]),
    fields: z.record(z.string(), z.unknown()).optional(),
    baseVersion: z.number().int().nonnegative().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.op === "delete") {
      if (value.fields !== undefined) ctx.addIssue({ code: "custom", path: ["fields"], message: "a delete carries no fields" });
      return;
    }
    if (!value.fields || Object.keys(value.fields).length === 0) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: "an upsert carries at least one field" });
      return;
    }
    // Only the fields sent are checked here; the merged row is checked against the whole schema when applied.
    const changed = entitySchemas[value.entity].partial().safeParse(value.fields);
    if (!changed.success) ctx.addIssue({ code: "custom", path: ["fields"], message: describeIssues(changed.error) });
  });
export type Mutation = z.infer<typeof mutation>;

export const pushRequest = z
  .object({
    clientId: id,
    mutations: z.array(mutation).min(1).max(maxMutationsPerPush),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

type MutationStatus = "applied" | "duplicate" | "gone" | "rejected";

export interface MutationResult {
  id: string;
  status: MutationStatus;
  entity: string;
  entityId: string;
  version?: number;
  message?: string;
}

export interface PushResponse {
  results: MutationResult[];
  cursor: number;
}

export const pullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(500),
});

export interface Change {
  entity: string;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  meta: { createdBy: string | null; createdAt: string; updatedBy: string | null; updatedAt: string };
}

export interface PullResponse {
  changes: Change[];
  cursor: number;
  more: boolean;
  /** The cursor predates tombstones the server has purged (or is unknown to it): pull again from 0. */
  reset?: boolean;
}
