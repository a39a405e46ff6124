// The calendar's events, shared by the workspace's calendar export and members' calendar feeds: due dates, risk reviews, escalation deadlines and meetings, in the workspace's language.
import type { WorkspaceLanguage } from "../../shared/channels";
import { type EntityFields, type EntityName, entitySchemas } from "../../shared/entities";
import { urlForTargetKey } from "../../shared/sites/keys";
import type { priorities, riskStatuses } from "../../shared/vocabulary";
import type { Db } from "../db/db";
import type { EntityRow } from "../db/entities";
import { readVisible, type Scope } from "../routes/w3c";
import { type AllDayEvent, icsUri } from "./ics";

/**
 * The page a target key opens, or null when none can be built from it: the API accepts any
 * well-formed key, and a calendar leaves out a link it cannot make rather than fail.
 */
function targetLink(key: string | undefined): string | null {
  if (!key) return null;
  try {
    return icsUri(urlForTargetKey(key));
  } catch {
    return null;
  }
}

export interface Row<T> {
  row: EntityRow;
  data: T;
}

/** The smallest valid row of each kind on a calendar, for the defaults of fields an older row predates. */
const seeds = {
  action_item: { text: "-" },
  risk: { title: "-", likelihood: 1, impact: 1 },
  escalation: { title: "-", departments: ["-"] },
  meeting: { title: "-", date: "1970-01-01" },
} satisfies Partial<Record<EntityName, unknown>>;

/** The live rows of a kind the member may read, each parsed (a row an older schema wrote keeps what it has). */
export async function readRows<E extends keyof typeof seeds>(db: Db, scope: Scope, entity: E): Promise<Row<EntityFields<E>>[]> {
  const schema = entitySchemas[entity];
  const defaults = schema.parse(seeds[entity]);
  const rows = await readVisible(db, scope, entity);
  return rows.map((row) => {
    const raw = JSON.parse(row.data);
    const parsed = schema.safeParse(raw);
    return { row, data: (parsed.success ? parsed.data : { ...defaults, ...raw }) as EntityFields<E> };
  });
}

type Names = Map<string, string>;
const ownerName = (data: { owner: string | null; ownerId: string | null }, names: Names) =>
  data.owner ?? (data.ownerId ? names.get(data.ownerId) : undefined);

const lines = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join("\n");

/** The words of calendar events, in the workspace's language (the one its chat messages are written in). */
const words = {
  en: {
    owner: "Owner: ",
    department: "Department: ",
    departments: "Departments: ",
    priority: "Priority: ",
    items: "Items: ",
    from: "From: ",
    reviewRisk: "Review risk: ",
    decide: "Decide: ",
    mitigation: "Mitigation: ",
    attendees: "Attendees: ",
    needs: (department: string, need: string) => `${department} needs: ${need}`,
    risk: (likelihood: number, impact: number, status: string) => `Likelihood ${likelihood} of 5, impact ${impact} of 5; status ${status}`,
    list: ", ",
    priorities: { low: "low", medium: "medium", high: "high", urgent: "urgent" },
    riskStatuses: { open: "open", mitigating: "mitigating", accepted: "accepted", closed: "closed", occurred: "occurred" },
    categories: { actionItem: "Action item", riskReview: "Risk review", escalation: "Escalation", meeting: "Meeting" },
  },
  "zh-CN": {
    owner: "负责人：",
    department: "部门：",
    departments: "部门：",
    priority: "优先级：",
    items: "关联条目：",
    from: "来源：",
    reviewRisk: "复核风险：",
    decide: "待决定：",
    mitigation: "应对措施：",
    attendees: "参会人：",
    needs: (department: string, need: string) => `${department} 需要：${need}`,
    risk: (likelihood: number, impact: number, status: string) => `可能性 ${likelihood}/5，影响 ${impact}/5；状态：${status}`,
    list: "、",
    priorities: { low: "低", medium: "中", high: "高", urgent: "紧急" },
    riskStatuses: { open: "未处理", mitigating: "缓解中", accepted: "已接受", closed: "已关闭", occurred: "已发生" },
    categories: { actionItem: "行动项", riskReview: "风险复核", escalation: "升级事项", meeting: "会议" },
  },
} satisfies Record<
  WorkspaceLanguage,
  {
    priorities: Record<(typeof priorities)[number], string>;
    riskStatuses: Record<(typeof riskStatuses)[number], string>;
  } & Record<string, unknown>
>;

export function actionItemEvent(
  workspaceId: string,
  { row, data }: Row<EntityFields<"action_item">>,
  names: Names,
  language: WorkspaceLanguage,
): AllDayEvent {
  const owner = ownerName(data, names);
  const say = words[language];
  return {
    uid: `action-item.${row.id}.${workspaceId}@liaison`,
    date: data.due as string,
    summary: data.text,
    description: lines([
      owner && `${say.owner}${owner}`,
      data.department && `${say.department}${data.department}`,
      `${say.priority}${say.priorities[data.priority]}`,
      data.targets.length > 0 && `${say.items}${data.targets.join(" ")}`,
      data.source && `${say.from}${data.source.title || data.source.url}`,
    ]),
    url: icsUri(data.source?.url) ?? targetLink(data.targets[0]),
    categories: [say.categories.actionItem],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function riskReviewEvent(
  workspaceId: string,
  { row, data }: Row<EntityFields<"risk">>,
  names: Names,
  language: WorkspaceLanguage,
): AllDayEvent {
  const owner = ownerName(data, names);
  const say = words[language];
  return {
    uid: `risk-review.${row.id}.${workspaceId}@liaison`,
    date: data.reviewOn as string,
    summary: `${say.reviewRisk}${data.title}`,
    description: lines([
      say.risk(data.likelihood, data.impact, say.riskStatuses[data.status]),
      owner && `${say.owner}${owner}`,
      data.department && `${say.department}${data.department}`,
      data.targets.length > 0 && `${say.items}${data.targets.join(" ")}`,
      data.mitigation && `${say.mitigation}${data.mitigation}`,
    ]),
    url: targetLink(data.targets[0]),
    categories: [say.categories.riskReview],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function escalationDeadlineEvent(
  workspaceId: string,
  { row, data }: Row<EntityFields<"escalation">>,
  language: WorkspaceLanguage,
): AllDayEvent {
  const say = words[language];
  return {
    uid: `escalation-deadline.${row.id}.${workspaceId}@liaison`,
    date: data.deadline as string,
    summary: `${say.decide}${data.title}`,
    description: lines([
      `${say.departments}${data.departments.join(say.list)}`,
      ...data.needs.map((need) => say.needs(need.department, need.need)),
      data.targets.length > 0 && `${say.items}${data.targets.join(" ")}`,
    ]),
    url: targetLink(data.targets[0]),
    categories: [say.categories.escalation],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The longest agenda a meeting's event carries: calendar apps show the start of a long description only. */
const maxAgendaChars = 4000;

export function meetingEvent(workspaceId: string, { row, data }: Row<EntityFields<"meeting">>, language: WorkspaceLanguage): AllDayEvent {
  const agenda = data.agenda.trim();
  const say = words[language];
  return {
    uid: `meeting.${row.id}.${workspaceId}@liaison`,
    date: data.date,
    summary: data.title,
    description: lines([
      data.departments.length > 0 && `${say.departments}${data.departments.join(say.list)}`,
      data.attendees.length > 0 && `${say.attendees}${data.attendees.join(say.list)}`,
      agenda && `\n${agenda.length > maxAgendaChars ? `${agenda.slice(0, maxAgendaChars)}…` : agenda}`,
    ]),
    url: icsUri(data.url),
    categories: [say.categories.meeting],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Events in calendar order: by day, then by UID so that the order is stable. */
export const byDayThenUid = (a: AllDayEvent, b: AllDayEvent) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid);
