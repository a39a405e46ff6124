// The hourly chat notices: each department's weekly report at the weekday and hour its channel names, and action items just gone overdue.
import { channelRiskScore } from "../../shared/channels";
import { addDays, inWeek, isoWeek, weekStart } from "../../shared/dates";
import type { ActionItem, Checkin, Escalation, Risk } from "../../shared/kinds/schemas";
import { activeRiskStatuses } from "../../shared/summary";
import { type ChannelRow, markSent, unmarkSent, unpausedChannels } from "../db/channels";
import type { ChannelEvent, WeeklyFigures } from "./events";
import { type ChannelQueueMessage, queueable, sendDeliveries, wants } from "./queue";

interface Record<T> {
  entity: string;
  id: string;
  data: T;
  updated_at: string;
}

/** Items this many days past due are still announced (should an hourly run have been missed); older ones never. */
const overdueWindowDays = 3;

async function readRecords(db: D1Database, workspaceId: string) {
  const { results } = await db
    .prepare(
      `SELECT entity, id, data, updated_at FROM entities
       WHERE workspace_id = ?1 AND deleted = 0 AND private_to IS NULL AND entity IN ('action_item', 'risk', 'escalation', 'checkin', 'department')`,
    )
    .bind(workspaceId)
    .all<{ entity: string; id: string; data: string; updated_at: string }>();
  const of = <T>(entity: string) =>
    results.filter((row) => row.entity === entity).map((row) => ({ ...row, data: JSON.parse(row.data) as T }) as Record<T>);
  return {
    actions: of<ActionItem>("action_item"),
    risks: of<Risk>("risk"),
    escalations: of<Escalation>("escalation"),
    checkins: of<Checkin>("checkin"),
    departments: of<{ name: string }>("department").map((row) => row.data.name),
  };
}

type Records = Awaited<ReturnType<typeof readRecords>>;

/** One department's week in numbers, as of `today`. */
function weeklyFigures(records: Records, department: string, today: string): WeeklyFigures {
  const monday = weekStart(today);
  const week = isoWeek(today);
  const actions = records.actions.filter(({ data }) => data.department === department);
  const open = actions.filter(({ data }) => data.status === "open");
  const checkin = records.checkins.find(({ data }) => data.department === department && data.week === week)?.data;
  return {
    week,
    openActions: open.length,
    overdueActions: open.filter(({ data }) => data.due !== null && data.due < today).length,
    doneActions: actions.filter(({ data, updated_at }) => data.status === "done" && inWeek(updated_at, monday)).length,
    highRisks: records.risks.filter(
      ({ data }) =>
        data.department === department && activeRiskStatuses.includes(data.status) && data.likelihood * data.impact >= channelRiskScore,
    ).length,
    openEscalations: records.escalations.filter(({ data }) => data.status === "open" && data.departments.includes(department)).length,
    health: checkin?.status ?? null,
    helpNeeded: checkin?.helpNeeded.length ?? 0,
  };
}

/**
 * Queues what is due this hour: the weekly report of each department a channel covers (its own
 * departments, else every department of the workspace) when the channel's weekday and hour (UTC)
 * come, and action items that went overdue. Each goes to a channel once. Workspace by workspace:
 * each one's notices are marked sent and queued before the next; when they cannot be queued the
 * marks are taken back (the next hourly run tries again) and the other workspaces still get theirs.
 */
export async function sendScheduledNotices(env: Env, at: Date): Promise<number> {
  const byWorkspace = new Map<string, ChannelRow[]>();
  for (const channel of await unpausedChannels(env.DB))
    byWorkspace.set(channel.workspace_id, [...(byWorkspace.get(channel.workspace_id) ?? []), channel]);
  let queued = 0;
  for (const [workspaceId, channels] of byWorkspace) {
    const marks: Array<{ channelId: string; key: string }> = [];
    try {
      const deliveries = await workspaceNotices(env.DB, workspaceId, channels, at, marks);
      await sendDeliveries(env, deliveries);
      queued += deliveries.length;
    } catch (error) {
      console.error(
        `liaison: the scheduled notices of workspace ${workspaceId} could not be queued`,
        error instanceof Error ? error.message : "unknown error",
      );
      await unmarkSent(env.DB, marks).catch(() => undefined);
    }
  }
  return queued;
}

/** One workspace's notices due at `at`, each marked sent (the marks listed in `marks`, to be taken back should queueing fail). */
async function workspaceNotices(
  db: D1Database,
  workspaceId: string,
  channels: ChannelRow[],
  at: Date,
  marks: Array<{ channelId: string; key: string }>,
): Promise<Array<{ body: ChannelQueueMessage }>> {
  const today = at.toISOString().slice(0, 10);
  const stamp = at.toISOString();
  const deliveries: Array<{ body: ChannelQueueMessage }> = [];
  const claim = async (channelId: string, key: string) => {
    if (!(await markSent(db, channelId, key, stamp))) return false;
    marks.push({ channelId, key });
    return true;
  };
  let records: Records | null = null;
  const load = async () => {
    records ??= await readRecords(db, workspaceId);
    return records;
  };
  for (const channel of channels) {
    if (channel.weekly_weekday === at.getUTCDay() && channel.weekly_hour === at.getUTCHours()) {
      const data = await load();
      const own = JSON.parse(channel.departments) as string[];
      const departments =
        own.length > 0 ? own : [...new Set([...data.departments, ...data.actions.flatMap(({ data: a }) => a.department ?? [])])].sort();
      for (const department of departments) {
        const weekly = weeklyFigures(data, department, today);
        const event: ChannelEvent = {
          kind: "weekly_report",
          entity: "department",
          id: department,
          title: department,
          departments: [department],
          person: null,
          due: null,
          targets: [],
          by: "",
          at: stamp,
          weekly,
        };
        if (wants(channel, event) && (await claim(channel.id, `weekly:${department}:${weekly.week}`))) {
          deliveries.push({ body: { type: "deliver", channelId: channel.id, events: [event] } });
        }
      }
    }
    const probe: ChannelEvent = {
      kind: "action_overdue",
      entity: "action_item",
      id: "",
      title: "",
      departments: [],
      person: null,
      due: null,
      targets: [],
      by: "",
      at: stamp,
    };
    const kinds = JSON.parse(channel.events) as string[];
    if (kinds.length > 0 && !kinds.includes(probe.kind)) continue;
    const data = await load();
    for (const { id, data: item } of data.actions) {
      if (item.status !== "open" || item.due === null || item.due >= today || item.due < addDays(today, -overdueWindowDays)) continue;
      const event: ChannelEvent = queueable({
        ...probe,
        id,
        title: item.text,
        departments: item.department ? [item.department] : [],
        person: item.owner,
        due: item.due,
        targets: item.targets,
      });
      if (wants(channel, event) && (await claim(channel.id, `overdue:${id}:${item.due}`))) {
        deliveries.push({ body: { type: "deliver", channelId: channel.id, events: [event] } });
      }
    }
  }
  return deliveries;
}
