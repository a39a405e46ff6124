// The trash and history routes: the deletes a member may restore, and every accepted change of one record.
import { Hono } from "hono";
import { z } from "zod";
import { type EntityName, entityNames, entityPolicies } from "../../shared/entities";
import { type HistoryResponse, type TrashResponse, trashDays } from "../../shared/sync";
import { id } from "../../shared/text";
import { findRowAccess, readHistory, readTrash } from "../db/history";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";

/** The deleted records the caller may restore, deleted less than 30 days ago, newest first (restore them with a push's `op: "restore"`). */
export const trash = new Hono<AppEnv>().use(requireMember).get("/", async (c) => {
  const member = c.get("member");
  const after = new Date(Date.now() - trashDays * 24 * 60 * 60 * 1000).toISOString();
  const items = await readTrash(c.get("db"), c.get("workspace").id, member, after);
  // Admin-only kinds come back by an admin's hand alone, whoever created them.
  const restorable = items.filter((item) => member.role === "admin" || !entityPolicies[item.entity as EntityName]?.adminOnly);
  return c.json({ items: restorable } satisfies TrashResponse);
});

const recordParams = z.object({ entity: z.enum(entityNames), id }).strict();

/** A record's accepted changes, newest first; unknown, another workspace's or another member's private record: 404. */
export const history = new Hono<AppEnv>().use(requireMember).get("/:entity/:id", validate("param", recordParams), async (c) => {
  const { entity, id: entityId } = c.req.valid("param");
  const db = c.get("db");
  const workspaceId = c.get("workspace").id;
  const row = await findRowAccess(db, workspaceId, entity, entityId);
  if (!row || (row.private_to !== null && row.private_to !== c.get("member").id)) throw notFound("Record");
  return c.json({ entries: await readHistory(db, workspaceId, entity, entityId) } satisfies HistoryResponse);
});
