// The team chat channel routes (admins only): list, add, change, delete and test a channel; secrets go in and never come out.
import { type Context, Hono } from "hono";
import { type ChannelTestResult, createChannelRequest, updateChannelRequest } from "../../shared/channels";
import { idPattern } from "../../shared/text";
import { rateLimits, send } from "../channels/deliver";
import { platformBody, testMessage } from "../channels/messages";
import type { ChannelQueueMessage } from "../channels/queue";
import {
  type ChannelValues,
  deleteChannel,
  findChannel,
  insertChannel,
  listChannels,
  recordDelivered,
  takeSendSlot,
  toChannel,
  updateChannel,
  windowEnd,
  workspaceLanguage,
} from "../db/channels";
import { now } from "../db/rows";
import type { AppEnv } from "../env";
import { ApiError, notFound } from "../lib/errors";
import { newId } from "../lib/tokens";
import { requireAdmin, requireMember } from "../middleware/auth";
import { validate } from "../middleware/validate";

/** A workspace keeps at most this many channels. */
const maxChannels = 100;
/** Test messages a channel takes a minute (fewer while it is busy delivering): enough to check a fix, too few to use it as a relay. */
const testsPerMinute = 3;

async function channelOf(c: Context<AppEnv>, id: string) {
  const row = idPattern.test(id) ? await findChannel(c.get("db"), c.get("workspace").id, id) : null;
  if (!row) throw notFound("Channel");
  return row;
}

export const channels = new Hono<AppEnv>()
  .use(requireMember)
  .use(requireAdmin)
  .get("/", async (c) => {
    const db = c.get("db");
    const workspaceId = c.get("workspace").id;
    const rows = await listChannels(db, workspaceId);
    return c.json({ channels: rows.map(toChannel), language: await workspaceLanguage(db, workspaceId) });
  })
  .post("/", validate("json", createChannelRequest), async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const workspaceId = c.get("workspace").id;
    if ((await listChannels(db, workspaceId)).length >= maxChannels) {
      throw new ApiError(409, "too_many_channels", `A workspace has at most ${maxChannels} channels`);
    }
    const id = newId();
    await insertChannel(db, workspaceId, id, { ...body, secret: body.secret || null }, now());
    const row = await findChannel(db, workspaceId, id);
    return c.json({ channel: toChannel(row as NonNullable<typeof row>) }, 201);
  })
  .patch("/:id", validate("json", updateChannelRequest), async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const workspaceId = c.get("workspace").id;
    const current = await channelOf(c, c.req.param("id"));
    const was = toChannel(current);
    const values: ChannelValues = {
      name: body.name ?? was.name,
      platform: body.platform ?? was.platform,
      url: body.url ?? current.url,
      secret: body.secret === undefined ? current.secret : body.secret || null,
      departments: body.departments ?? was.departments,
      events: body.events ?? was.events,
      weekly: body.weekly === undefined ? was.weekly : body.weekly,
    };
    // A new address or secret is the fix for a failing channel: it resumes, as `paused: false` says outright.
    const resume = body.paused === false || body.url !== undefined || body.secret !== undefined;
    await updateChannel(db, workspaceId, current.id, values, resume, now());
    // Events held back for a digest while it was paused go out now, merged, as the digest they were waiting for.
    if (resume && current.paused_at && current.digest_due !== null) {
      await c.env.CHANNEL_QUEUE.send({ type: "digest", channelId: current.id } satisfies ChannelQueueMessage);
    }
    const row = await findChannel(db, workspaceId, current.id);
    return c.json({ channel: toChannel(row as NonNullable<typeof row>) });
  })
  .delete("/:id", async (c) => {
    const current = await channelOf(c, c.req.param("id"));
    await deleteChannel(c.get("db"), c.get("workspace").id, current.id);
    return c.body(null, 204);
  })
  // Sends a test message now and says what the receiver answered (its status and error code only); a success says it got through.
  // A test takes one of the channel's sends of the minute, and only while fewer than `testsPerMinute` went: a 429 beyond.
  .post("/:id/test", async (c) => {
    const db = c.get("db");
    const channel = await channelOf(c, c.req.param("id"));
    const nowMs = Date.now();
    if (!(await takeSendSlot(db, channel.id, Math.min(testsPerMinute, rateLimits[channel.platform]), nowMs))) {
      const retryAfter = Math.max(1, Math.ceil(((await windowEnd(db, channel.id)) - nowMs) / 1000));
      throw new ApiError(429, "rate_limited", `This channel was sent enough this minute; test it again in ${retryAfter} s`, { retryAfter });
    }
    const language = await workspaceLanguage(db, c.get("workspace").id);
    const result = await send(channel, platformBody(channel.platform, testMessage(language), language, []));
    if (result.ok) await recordDelivered(db, channel.id, now());
    const answer: ChannelTestResult = {
      ok: result.ok,
      platform: result.platform,
      status: result.status,
      code: result.code,
      kind: result.kind,
    };
    return c.json({ result: answer });
  });
