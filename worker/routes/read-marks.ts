// The caller's "For me" read marks (GET and POST /v1/me/read): their own only, and their other browsers are told at once.
import { Hono } from "hono";
import { markReadRequest, type ReadMarksResponse } from "../../shared/read-marks";
import { addReadMarks, listReadMarks } from "../db/read-marks";
import { now } from "../db/rows";
import type { AppEnv } from "../env";
import { tellMemberRead } from "../live/room-client";
import { validate } from "../middleware/validate";

/** Mounted under /v1/me, whose middleware signs the member in: every query is scoped to them. */
export const readMarks = new Hono<AppEnv>()
  .get("/", async (c) => {
    const keys = await listReadMarks(c.get("db"), c.get("workspace").id, c.get("member").id);
    return c.json({ keys } satisfies ReadMarksResponse);
  })
  .post("/", validate("json", markReadRequest), async (c) => {
    const [db, workspaceId, memberId] = [c.get("db"), c.get("workspace").id, c.get("member").id];
    await addReadMarks(db, workspaceId, memberId, c.req.valid("json").keys, now());
    await tellMemberRead(c.env, workspaceId, memberId);
    return c.json({ keys: await listReadMarks(db, workspaceId, memberId) } satisfies ReadMarksResponse);
  });
