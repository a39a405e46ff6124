// The channels' queue: a push's events fanned out to the channels that want them, each delivered with retries, rate limits and digests.
import type { ChannelEventKind } from "../../shared/channels";
import {
  type ChannelRow,
  channelById,
  holdBack,
  listChannels,
  recordDelivered,
  recordFailure,
  takeBacklog,
  takeSendSlot,
  windowEnd,
} from "../db/channels";
import { describeAnswer, rateLimits, send } from "./deliver";
import type { ChannelEvent } from "./events";
import { chatMessage, platformBody } from "./messages";

type Channel = NonNullable<Awaited<ReturnType<typeof channelById>>>;

export type ChannelQueueMessage =
  | { type: "events"; workspaceId: string; events: ChannelEvent[] }
  | { type: "deliver"; channelId: string; events: ChannelEvent[] }
  | { type: "digest"; channelId: string };

/** Deliveries are tried this many times (with growing delays) before the failure is kept on the channel. */
const maxAttempts = 5;
/** A channel failing this long, with no delivery getting through, is paused. */
const pauseAfterMs = 24 * 60 * 60 * 1000;

/** Seconds before the next try: 30 s, doubling, at most 30 minutes. */
const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(0, attempts - 1), 1800);

// A queue message holds at most 128 KB and a batch 256 KB: messages are kept well under the one, batches under the other.
const maxMessageBytes = 100_000;
const maxBatchBytes = 200_000;
/** A batch holds at most 100 messages. */
const maxBatchMessages = 100;
/** An event's free text is cut to this many characters before it is queued; a chat message shows less anyway. */
const maxDetailChars = 2000;
const maxTitleChars = 500;
const maxTargets = 20;
const maxTargetChars = 300;

/** A message's size, counted high: the queue stores strings as V8 serializes them, at one or two bytes a character. */
const bytesOf = (value: unknown) => JSON.stringify(value).length * 2;
const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** An event small enough to queue: long text and long lists of tracker items shortened. */
export function queueable(event: ChannelEvent): ChannelEvent {
  return {
    ...event,
    title: cut(event.title, maxTitleChars),
    ...(event.detail === undefined ? {} : { detail: cut(event.detail, maxDetailChars) }),
    targets: event.targets.slice(0, maxTargets).map((target) => cut(target, maxTargetChars)),
  };
}

/** Splits items into runs that each stay under `maxBytes` serialized and `maxCount` long (an item alone always makes a run). */
function bySize<T>(items: T[], maxBytes: number, maxCount: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = bytesOf(item) + 1;
    if (run.length > 0 && (size + bytes > maxBytes || run.length >= maxCount)) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += bytes;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Hands a push's events to the queue, in messages under the queue's size limit, each sent on its
 * own: a message that cannot be queued loses only its events. A failure is logged (without the
 * events' text), never raised to the push.
 */
export async function enqueueChannelEvents(env: Env, workspaceId: string, events: ChannelEvent[]): Promise<void> {
  // One after another, so that channels hear of things in the order they happened.
  for (const group of bySize(events.map(queueable), maxMessageBytes - 1000, Number.POSITIVE_INFINITY)) {
    try {
      await env.CHANNEL_QUEUE.send({ type: "events", workspaceId, events: group } satisfies ChannelQueueMessage);
    } catch (error) {
      console.error(
        `liaison: ${group.length} channel events could not be queued`,
        error instanceof Error ? error.message : "unknown error",
      );
    }
  }
}

/** Whether a channel wants an event: its kind (none listed: all) and a department it covers (none listed: all). */
export function wants(channel: Pick<ChannelRow, "departments" | "events" | "paused_at">, event: ChannelEvent): boolean {
  if (channel.paused_at) return false;
  const kinds = JSON.parse(channel.events) as ChannelEventKind[];
  const departments = JSON.parse(channel.departments) as string[];
  if (kinds.length > 0 && !kinds.includes(event.kind)) return false;
  return departments.length === 0 || event.departments.some((department) => departments.includes(department));
}

/** Queues deliveries in batches under the queue's limits (count and bytes). */
export async function sendDeliveries(env: Env, deliveries: Array<{ body: ChannelQueueMessage }>): Promise<void> {
  for (const batch of bySize(deliveries, maxBatchBytes, maxBatchMessages)) await env.CHANNEL_QUEUE.sendBatch(batch);
}

/** Queues each channel's deliveries: one message per channel and event, so each is retried alone. */
async function fanOut(env: Env, channels: ChannelRow[], events: ChannelEvent[]): Promise<number> {
  const deliveries: Array<{ body: ChannelQueueMessage }> = [];
  for (const channel of channels) {
    for (const event of events)
      if (wants(channel, event)) deliveries.push({ body: { type: "deliver", channelId: channel.id, events: [event] } });
  }
  await sendDeliveries(env, deliveries);
  return deliveries.length;
}

/** A decision taken in a meeting concerns the meeting's departments: a channel limited to one of them gets it. */
async function withMeetingDepartments(db: D1Database, workspaceId: string, events: ChannelEvent[]): Promise<ChannelEvent[]> {
  const meetings = [...new Set(events.flatMap((event) => event.meeting ?? []))];
  if (meetings.length === 0) return events;
  const { results } = await db
    .prepare(
      `SELECT id, data FROM entities WHERE workspace_id = ?1 AND entity = 'meeting' AND deleted = 0
         AND id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(workspaceId, JSON.stringify(meetings))
    .all<{ id: string; data: string }>();
  const departments = new Map(results.map((row) => [row.id, (JSON.parse(row.data) as { departments?: string[] }).departments ?? []]));
  return events.map((event) =>
    event.meeting ? { ...event, departments: [...new Set([...event.departments, ...(departments.get(event.meeting) ?? [])])] } : event,
  );
}

/** Sends events to a channel now, or holds them for a digest when the platform's limit for the minute is used up. */
async function deliver(env: Env, message: Message<ChannelQueueMessage>, channel: Channel, events: ChannelEvent[], digest: boolean) {
  const db = env.DB;
  const nowMs = Date.now();
  if (!(await takeSendSlot(db, channel.id, rateLimits[channel.platform], nowMs))) {
    const due = await windowEnd(db, channel.id);
    const schedule = await holdBack(
      db,
      channel.id,
      events.map((event) => JSON.stringify(event)),
      due,
      new Date(nowMs).toISOString(),
    );
    const delaySeconds = Math.max(1, Math.ceil((due - nowMs) / 1000));
    if (schedule) await env.CHANNEL_QUEUE.send({ type: "digest", channelId: channel.id }, { delaySeconds });
    message.ack();
    return;
  }
  const language = channel.language;
  const result = await send(channel, platformBody(channel.platform, chatMessage(events, language), language, events));
  const at = new Date().toISOString();
  if (result.ok) {
    await recordDelivered(db, channel.id, at);
    message.ack();
  } else if (result.retry && message.attempts < maxAttempts) {
    // A digest's events wait in the backlog again, so that events arriving meanwhile join them.
    if (digest)
      await holdBack(
        db,
        channel.id,
        events.map((event) => JSON.stringify(event)),
        nowMs,
        at,
      );
    message.retry({ delaySeconds: backoffSeconds(message.attempts) });
  } else {
    const failure = { at, platform: result.platform, status: result.status, code: result.code, kind: result.kind ?? "http" } as const;
    const paused = await recordFailure(db, channel.id, failure, pauseAfterMs);
    console.warn(
      `liaison: delivery to channel ${channel.id} failed for good (${describeAnswer(result)})${paused ? "; the channel is paused" : ""}`,
    );
    message.ack();
  }
}

async function handle(env: Env, message: Message<ChannelQueueMessage>) {
  const body = message.body;
  if (body.type === "events") {
    const channels = await listChannels(env.DB, body.workspaceId);
    if (channels.length > 0) await fanOut(env, channels, await withMeetingDepartments(env.DB, body.workspaceId, body.events));
    message.ack();
    return;
  }
  const channel = await channelById(env.DB, body.channelId);
  if (!channel || channel.paused_at) {
    message.ack();
    return;
  }
  if (body.type === "deliver") return deliver(env, message, channel, body.events, false);
  const held = (await takeBacklog(env.DB, channel.id)).map((event) => JSON.parse(event) as ChannelEvent);
  if (held.length === 0) message.ack();
  else await deliver(env, message, channel, held, true);
}

/**
 * The queue's consumer: messages of different channels at once, one channel's in order (so that a
 * channel hears of things in the order they happened); a message that throws is retried later.
 */
export async function consumeChannelQueue(batch: MessageBatch<ChannelQueueMessage>, env: Env): Promise<void> {
  const byChannel = new Map<string, Array<Message<ChannelQueueMessage>>>();
  for (const message of batch.messages) {
    const key = message.body.type === "events" ? `workspace:${message.body.workspaceId}` : message.body.channelId;
    byChannel.set(key, [...(byChannel.get(key) ?? []), message]);
  }
  await Promise.all(
    [...byChannel.values()].map(async (messages) => {
      for (const message of messages) {
        try {
          await handle(env, message);
        } catch (error) {
          console.error("liaison: a channel queue message failed", error instanceof Error ? error.message : "unknown error");
          message.retry({ delaySeconds: backoffSeconds(message.attempts) });
        }
      }
    }),
  );
}
