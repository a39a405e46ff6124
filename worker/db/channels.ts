// The D1 queries of team chat channels: the admins' list, deliveries' rate windows, held-back events, failures and pauses.
import type { Channel, ChannelEventKind, ChannelFailure, ChannelPlatform, WorkspaceLanguage } from "../../shared/channels";
import type { Db } from "./db";

export interface ChannelRow {
  id: string;
  workspace_id: string;
  name: string;
  platform: ChannelPlatform;
  url: string;
  secret: string | null;
  departments: string;
  events: string;
  weekly_weekday: number | null;
  weekly_hour: number | null;
  last_failure: string | null;
  last_delivered_at: string | null;
  failing_since: string | null;
  paused_at: string | null;
  digest_due: number | null;
  created_at: string;
}

const columns =
  "id, workspace_id, name, platform, url, secret, departments, events, weekly_weekday, weekly_hour, last_failure, last_delivered_at, failing_since, paused_at, digest_due, created_at";

/** An address as the API shows it: scheme and host only, since the path or query (a token, a key) is the credential. */
function maskedUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}/…`;
  } catch {
    return "…";
  }
}

/** A kept failure, also one written before failures had their parts (then only its status is known). */
function failureOf(row: ChannelRow): ChannelFailure | null {
  if (!row.last_failure) return null;
  const kept = JSON.parse(row.last_failure) as Partial<ChannelFailure> & { at: string; status: number };
  return {
    at: kept.at,
    platform: kept.platform ?? row.platform,
    status: kept.status,
    code: kept.code ?? null,
    kind: kept.kind ?? (kept.status === 0 ? "unreachable" : "http"),
  };
}

/** A channel as the API sends it: the secret and the address stay here. */
export const toChannel = (row: ChannelRow): Channel => ({
  id: row.id,
  name: row.name,
  platform: row.platform,
  url: maskedUrl(row.url),
  urlHint: row.url.slice(-4),
  hasUrl: row.url.length > 0,
  hasSecret: !!row.secret,
  departments: JSON.parse(row.departments) as string[],
  events: JSON.parse(row.events) as ChannelEventKind[],
  weekly: row.weekly_weekday === null || row.weekly_hour === null ? null : { weekday: row.weekly_weekday, hour: row.weekly_hour },
  lastFailure: failureOf(row),
  lastDeliveredAt: row.last_delivered_at,
  pausedAt: row.paused_at,
  createdAt: row.created_at,
});

export async function listChannels(db: Db, workspaceId: string): Promise<ChannelRow[]> {
  const { results } = await db
    .prepare(`SELECT ${columns} FROM channels WHERE workspace_id = ?1 ORDER BY created_at, id`)
    .bind(workspaceId)
    .all<ChannelRow>();
  return results;
}

export function findChannel(db: Db, workspaceId: string, id: string) {
  return db.prepare(`SELECT ${columns} FROM channels WHERE workspace_id = ?1 AND id = ?2`).bind(workspaceId, id).first<ChannelRow>();
}

/** A channel by id alone, with its workspace's language, for the queue's consumer (the id came from the workspace's own fan-out). */
export function channelById(db: Db, id: string) {
  return db
    .prepare(
      `SELECT ${columns.replace(/(^|, )/g, "$1c.")}, w.language FROM channels c JOIN workspaces w ON w.id = c.workspace_id WHERE c.id = ?1`,
    )
    .bind(id)
    .first<ChannelRow & { language: WorkspaceLanguage }>();
}

export interface ChannelValues {
  name: string;
  platform: ChannelPlatform;
  url: string;
  secret: string | null;
  departments: string[];
  events: ChannelEventKind[];
  weekly: { weekday: number; hour: number } | null;
}

/** A channel's written fields, in the order both writes bind them (?3 to ?10). */
const channelColumns = (values: ChannelValues) => [
  values.name,
  values.platform,
  values.url,
  values.secret,
  JSON.stringify(values.departments),
  JSON.stringify(values.events),
  values.weekly?.weekday ?? null,
  values.weekly?.hour ?? null,
];

export function insertChannel(db: Db, workspaceId: string, id: string, values: ChannelValues, at: string) {
  return db
    .prepare(
      `INSERT INTO channels (workspace_id, id, name, platform, url, secret, departments, events, weekly_weekday, weekly_hour, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)`,
    )
    .bind(workspaceId, id, ...channelColumns(values), at)
    .run();
}

/** Writes a channel's fields; `resume` clears its pause and failure streak. */
export function updateChannel(db: Db, workspaceId: string, id: string, values: ChannelValues, resume: boolean, at: string) {
  return db
    .prepare(
      `UPDATE channels SET name = ?3, platform = ?4, url = ?5, secret = ?6, departments = ?7, events = ?8, weekly_weekday = ?9,
         weekly_hour = ?10, updated_at = ?11,
         paused_at = CASE WHEN ?12 THEN NULL ELSE paused_at END, failing_since = CASE WHEN ?12 THEN NULL ELSE failing_since END
       WHERE workspace_id = ?1 AND id = ?2`,
    )
    .bind(workspaceId, id, ...channelColumns(values), at, resume ? 1 : 0)
    .run();
}

export async function deleteChannel(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const [deleted] = await db.batch([
    db.prepare("DELETE FROM channels WHERE workspace_id = ?1 AND id = ?2").bind(workspaceId, id),
    db.prepare("DELETE FROM channel_backlog WHERE channel_id = ?1 AND NOT EXISTS (SELECT 1 FROM channels WHERE id = ?1)").bind(id),
    db.prepare("DELETE FROM channel_sent WHERE channel_id = ?1 AND NOT EXISTS (SELECT 1 FROM channels WHERE id = ?1)").bind(id),
  ]);
  return (deleted.meta.changes ?? 0) > 0;
}

export async function workspaceLanguage(db: Db, workspaceId: string): Promise<WorkspaceLanguage> {
  const row = await db.prepare("SELECT language FROM workspaces WHERE id = ?1").bind(workspaceId).first<{ language: WorkspaceLanguage }>();
  return row?.language ?? "en";
}

export function setWorkspaceLanguage(db: Db, workspaceId: string, language: WorkspaceLanguage) {
  return db.prepare("UPDATE workspaces SET language = ?2 WHERE id = ?1").bind(workspaceId, language).run();
}

/**
 * Takes one message of the channel's rate limit for the minute: true when it may send now. The
 * window restarts a minute after it began; one statement, so concurrent deliveries count right.
 */
export async function takeSendSlot(db: Db, channelId: string, limit: number, nowMs: number): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE channels SET
         window_count = CASE WHEN window_start <= ?2 - 60000 THEN 1 ELSE window_count + 1 END,
         window_start = CASE WHEN window_start <= ?2 - 60000 THEN ?2 ELSE window_start END
       WHERE id = ?1 AND (window_start <= ?2 - 60000 OR window_count < ?3)
       RETURNING window_count`,
    )
    .bind(channelId, nowMs, limit)
    .first<{ window_count: number }>();
  return row !== null;
}

/** When the channel's current rate window ends (ms). */
export async function windowEnd(db: Db, channelId: string): Promise<number> {
  const row = await db.prepare("SELECT window_start FROM channels WHERE id = ?1").bind(channelId).first<{ window_start: number }>();
  return (row?.window_start ?? 0) + 60_000;
}

/**
 * Holds events back for the channel's next digest. True when this call must schedule the digest
 * (none was due yet), for `dueMs`.
 */
export async function holdBack(db: Db, channelId: string, events: string[], dueMs: number, at: string): Promise<boolean> {
  const answers = await db.batch([
    ...events.map((event) =>
      db.prepare("INSERT INTO channel_backlog (channel_id, event, at) VALUES (?1, ?2, ?3)").bind(channelId, event, at),
    ),
    db.prepare("UPDATE channels SET digest_due = ?2 WHERE id = ?1 AND digest_due IS NULL RETURNING id").bind(channelId, dueMs),
  ]);
  return (answers[answers.length - 1].results?.length ?? 0) > 0;
}

/** Takes every held-back event of the channel (oldest first) and clears its digest. */
export async function takeBacklog(db: Db, channelId: string): Promise<string[]> {
  const [taken] = await db.batch<{ event: string }>([
    db.prepare("DELETE FROM channel_backlog WHERE channel_id = ?1 RETURNING event, seq").bind(channelId),
    db.prepare("UPDATE channels SET digest_due = NULL WHERE id = ?1").bind(channelId),
  ]);
  return (taken.results as Array<{ event: string; seq: number }>).sort((a, b) => a.seq - b.seq).map((row) => row.event);
}

/** Says the channel got a delivery through (written at most once a minute while all is well, to spare busy channels a write each). */
export function recordDelivered(db: Db, channelId: string, at: string) {
  return db
    .prepare(
      `UPDATE channels SET last_delivered_at = ?2, failing_since = NULL
       WHERE id = ?1 AND (last_delivered_at IS NULL OR failing_since IS NOT NULL OR julianday(?2) - julianday(last_delivered_at) > 1.0 / 1440)`,
    )
    .bind(channelId, at)
    .run();
}

/**
 * Keeps a delivery's last failure on its channel; a channel failing for `pauseMs` with no
 * success between is paused. Answers whether it is paused now.
 */
export async function recordFailure(db: Db, channelId: string, failure: ChannelFailure, pauseMs: number): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE channels SET last_failure = ?2, failing_since = coalesce(failing_since, ?3),
         paused_at = CASE WHEN paused_at IS NULL AND julianday(?3) - julianday(coalesce(failing_since, ?3)) >= ?4 THEN ?3 ELSE paused_at END
       WHERE id = ?1 RETURNING paused_at`,
    )
    .bind(channelId, JSON.stringify(failure), failure.at, pauseMs / 86_400_000)
    .first<{ paused_at: string | null }>();
  return !!row?.paused_at;
}

/** Marks a once-only notice (a weekly report, an overdue item) sent; false when it already was. */
export async function markSent(db: Db, channelId: string, key: string, at: string): Promise<boolean> {
  const result = await db
    .prepare("INSERT OR IGNORE INTO channel_sent (channel_id, key, at) VALUES (?1, ?2, ?3)")
    .bind(channelId, key, at)
    .run();
  return (result.meta.changes ?? 0) > 0;
}

/** Takes back marks of notices that could not be queued, so that the next hourly run sends them. */
export async function unmarkSent(db: Db, marks: Array<{ channelId: string; key: string }>): Promise<void> {
  if (marks.length === 0) return;
  await db.batch(
    marks.map(({ channelId, key }) => db.prepare("DELETE FROM channel_sent WHERE channel_id = ?1 AND key = ?2").bind(channelId, key)),
  );
}

/** Every channel still sending, for the hourly notices. */
export async function unpausedChannels(db: Db): Promise<ChannelRow[]> {
  const { results } = await db.prepare(`SELECT ${columns} FROM channels WHERE paused_at IS NULL`).all<ChannelRow>();
  return results;
}
