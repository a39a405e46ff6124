// Calendar feeds: a member makes, lists and revokes secret feed addresses, and a calendar app reads one with no other sign-in.
import { Hono } from "hono";
import { maxCalendarFeeds, type NewCalendarFeed } from "../../shared/calendar-feeds";
import type { WorkspaceLanguage } from "../../shared/channels";
import { addDays } from "../../shared/dates";
import { idPattern } from "../../shared/text";
import type { Member } from "../../shared/workspace";
import { deleteCalendarFeed, findCalendarFeed, insertCalendarFeed, listCalendarFeeds } from "../db/calendar-feeds";
import type { Db } from "../db/db";
import { now } from "../db/rows";
import type { AppEnv } from "../env";
import { actionItemEvent, byDayThenUid, escalationDeadlineEvent, meetingEvent, readRows, riskReviewEvent } from "../lib/calendar-events";
import { ApiError, notFound } from "../lib/errors";
import { toIcs } from "../lib/ics";
import { newId, newSecret, sha256 } from "../lib/tokens";
import { requireMember } from "../middleware/auth";
import { countForAddress } from "../middleware/rate-limit";
import { memberNames, type Scope } from "./w3c";

/** A feed's address ends in its secret and `.ics`; anything else is no feed. */
const feedFile = /^(lcf_[A-Za-z0-9_-]{43})\.ics$/;

/** How far back a feed lists meetings: calendar apps keep what they already read. */
const meetingsBackDays = 90;

/** My calendar feeds: make one (its address is shown this once), list them, revoke one. */
export const calendarFeeds = new Hono<AppEnv>()
  .use(requireMember)
  .post("/", async (c) => {
    const [db, workspaceId, memberId] = [c.get("db"), c.get("workspace").id, c.get("member").id];
    if ((await listCalendarFeeds(db, workspaceId, memberId)).length >= maxCalendarFeeds) {
      throw new ApiError(409, "too_many_feeds", `A member holds at most ${maxCalendarFeeds} calendar feeds; revoke one first`);
    }
    const secret = newSecret("lcf_");
    const feed = { id: newId(), createdAt: now() };
    await insertCalendarFeed(db, {
      id: feed.id,
      workspace_id: workspaceId,
      member_id: memberId,
      secret_hash: await sha256(secret),
      created_at: feed.createdAt,
    });
    const body: NewCalendarFeed = { feed, url: `${new URL(c.req.url).origin}/v1/calendar/${secret}.ics` };
    return c.json(body, 201);
  })
  .get("/", async (c) => c.json({ feeds: await listCalendarFeeds(c.get("db"), c.get("workspace").id, c.get("member").id) }))
  .delete("/:id", async (c) => {
    const id = c.req.param("id");
    const deleted = idPattern.test(id) && (await deleteCalendarFeed(c.get("db"), c.get("workspace").id, c.get("member").id, id));
    if (!deleted) throw notFound("Calendar feed");
    return c.body(null, 204);
  });

/** What makes two names one person's (as member names are kept unique): case, spaces and Unicode forms do not count. */
const nameKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** One member's calendar: my open action items' due dates, my risks' reviews, the escalations I decide, and the meetings I attend. */
async function memberCalendar(
  db: Db,
  workspace: { id: string; name: string },
  member: Member,
  language: WorkspaceLanguage,
): Promise<string> {
  const scope: Scope = { workspaceId: workspace.id, memberId: member.id };
  const me = nameKey(member.name);
  const isMe = (id: string | null, name: string | null) => id === member.id || (!id && name !== null && nameKey(name) === me);
  const names = await memberNames(db, workspace.id);
  const since = addDays(now().slice(0, 10), -meetingsBackDays);
  const [actionItems, risks, escalations, meetings] = await Promise.all([
    readRows(db, scope, "action_item"),
    readRows(db, scope, "risk"),
    readRows(db, scope, "escalation"),
    readRows(db, scope, "meeting"),
  ]);
  const events = [
    ...actionItems
      .filter(({ data }) => data.due && data.status === "open" && isMe(data.ownerId, data.owner))
      .map((item) => actionItemEvent(workspace.id, item, names, language)),
    ...risks
      .filter(({ data }) => data.reviewOn && data.status !== "closed" && isMe(data.ownerId, data.owner))
      .map((risk) => riskReviewEvent(workspace.id, risk, names, language)),
    ...escalations
      .filter(({ data }) => data.deadline && data.status === "open" && isMe(data.deciderId, data.decider))
      .map((escalation) => escalationDeadlineEvent(workspace.id, escalation, language)),
    ...meetings
      .filter(({ data }) => data.date >= since && data.attendees.some((name) => nameKey(name) === me))
      .map((meeting) => meetingEvent(workspace.id, meeting, language)),
  ].sort(byDayThenUid);
  return toIcs({
    prodId: "-//Liaison//Liaison sync API//EN",
    name: `Liaison: ${member.name} (${workspace.name})`,
    refreshMinutes: 60,
    events,
  });
}

/**
 * A calendar feed, read by a calendar app with the secret in its address and nothing else.
 * Counted per client address like every route nobody signs in for; an unknown, revoked or
 * malformed secret, or one of a removed member, is a 404.
 */
export const calendar = new Hono<AppEnv>().get("/:file", async (c) => {
  await countForAddress(c);
  const secret = feedFile.exec(c.req.param("file"))?.[1];
  // Read at the primary: a feed revoked a moment ago must not answer from a replica behind it.
  const db = c.env.DB.withSession("first-primary");
  const found = secret ? await findCalendarFeed(db, await sha256(secret)) : null;
  if (!found) throw notFound("Calendar feed");
  const ics = await memberCalendar(db, found.workspace, found.member, found.language);
  c.header("Content-Type", "text/calendar; charset=utf-8");
  c.header("Content-Disposition", 'inline; filename="liaison.ics"');
  // One member's data: never kept by a shared cache, and the address is not passed on as a referrer.
  c.header("Cache-Control", "private, no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(ics);
});
