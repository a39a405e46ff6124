// The caller's "For me" read marks (GET and POST /v1/me/read): their own only, those since a cursor when asked so, and their other browsers are told at once.
import { Hono } from "hono";
import { markReadRequest, type ReadMarksResponse, readMarksQuery } from "../../shared/read-marks";
import type { Db } from "../db/db";
import { addReadMarks, listReadMarks } from "../db/read-marks";
import { now } from "../db/rows";
import type { AppEnv } from "../env";
import { tellMemberRead } from "../live/room-client";
import { validate } from "../middleware/validate";

/** The answer: every mark without `since` (as it always was), else those since it and the cursor to ask with next. */
async function marks(db: Db, workspaceId: string, memberId: string, since: string | undefined) {
  const { keys, cursor } = await listReadMarks(db, workspaceId, memberId, since);
  return (since === undefined ? { keys } : { keys, cursor }) satisfies ReadMarksResponse;
}

/** Mounted under /v1/me, whose middleware signs the member in: every query is scoped to them. */
export const readMarks = new Hono<AppEnv>()
  .get("/", validate("query", readMarksQuery), async (c) => {
    return c.json(await marks(c.get("db"), c.get("workspace").id, c.get("member").id, c.req.valid("query").since));
  })
  .post("/", validate("query", readMarksQuery), validate("json", markReadRequest), async (c) => {
    const [db, workspaceId, memberId] = [c.get("db"), c.get("workspace").id, c.get("member").id];
    await addReadMarks(db, workspaceId, memberId, c.req.valid("json").keys, now());
    await tellMemberRead(c.env, workspaceId, memberId);
    return c.json(await marks(db, workspaceId, memberId, c.req.valid("query").since));
  });
