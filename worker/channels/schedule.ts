// The hourly chat notices: each department's weekly report at the weekday and hour its channel names, and action items just gone overdue.
import { channelRiskScore } from "../../shared/channels";
import { addDays, inWeek, isoWeek, weekStart } from "../../shared/dates";
import type { ActionItem, Checkin, Escalation, Risk } from "../../shared/kinds/schemas";
import { activeRiskStatuses } from "../../shared/summary";
import { type ChannelRow, markSent, unpausedChannels } from "../db/channels";
import type { ChannelEvent, WeeklyFigures } from "./events";
import { type ChannelQueueMessage, wants } from "./queue";

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
 * come, and action items that went overdue. Each goes to a channel once.
 */
export async function sendScheduledNotices(env: Env, at: Date): Promise<number> {
  const db = env.DB;
  const today = at.toISOString().slice(0, 10);
  const stamp = at.toISOString();
  const byWorkspace = new Map<string, ChannelRow[]>();
  for (const channel of await unpausedChannels(db))
    byWorkspace.set(channel.workspace_id, [...(byWorkspace.get(channel.workspace_id) ?? []), channel]);
  const deliveries: Array<{ body: ChannelQueueMessage }> = [];
  for (const [workspaceId, channels] of byWorkspace) {
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
          if (wants(channel, event) && (await markSent(db, channel.id, `weekly:${department}:${weekly.week}`, stamp))) {
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
        const event: ChannelEvent = {
          ...probe,
          id,
          title: item.text,
          departments: item.department ? [item.department] : [],
          person: item.owner,
          due: item.due,
          targets: item.targets,
        };
        if (wants(channel, event) && (await markSent(db, channel.id, `overdue:${id}:${item.due}`, stamp))) {
          deliveries.push({ body: { type: "deliver", channelId: channel.id, events: [event] } });
        }
      }
    }
  }
  for (let index = 0; index < deliveries.length; index += 100) await env.CHANNEL_QUEUE.sendBatch(deliveries.slice(index, index + 100));
  return deliveries.length;
}
