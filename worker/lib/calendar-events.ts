// The calendar's events, shared by the workspace's calendar export and members' calendar feeds: due dates, risk reviews, escalation deadlines and meetings.
import { type EntityFields, type EntityName, entitySchemas } from "../../shared/entities";
import { urlForTargetKey } from "../../shared/sites/keys";
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

export function actionItemEvent(workspaceId: string, { row, data }: Row<EntityFields<"action_item">>, names: Names): AllDayEvent {
  const owner = ownerName(data, names);
  return {
    uid: `action-item.${row.id}.${workspaceId}@liaison`,
    date: data.due as string,
    summary: data.text,
    description: lines([
      owner && `Owner: ${owner}`,
      data.department && `Department: ${data.department}`,
      `Priority: ${data.priority}`,
      data.targets.length > 0 && `Items: ${data.targets.join(" ")}`,
      data.source && `From: ${data.source.title || data.source.url}`,
    ]),
    url: icsUri(data.source?.url) ?? targetLink(data.targets[0]),
    categories: ["Action item"],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function riskReviewEvent(workspaceId: string, { row, data }: Row<EntityFields<"risk">>, names: Names): AllDayEvent {
  const owner = ownerName(data, names);
  return {
    uid: `risk-review.${row.id}.${workspaceId}@liaison`,
    date: data.reviewOn as string,
    summary: `Review risk: ${data.title}`,
    description: lines([
      `Likelihood ${data.likelihood} of 5, impact ${data.impact} of 5; status ${data.status}`,
      owner && `Owner: ${owner}`,
      data.department && `Department: ${data.department}`,
      data.targets.length > 0 && `Items: ${data.targets.join(" ")}`,
      data.mitigation && `Mitigation: ${data.mitigation}`,
    ]),
    url: targetLink(data.targets[0]),
    categories: ["Risk review"],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function escalationDeadlineEvent(workspaceId: string, { row, data }: Row<EntityFields<"escalation">>): AllDayEvent {
  return {
    uid: `escalation-deadline.${row.id}.${workspaceId}@liaison`,
    date: data.deadline as string,
    summary: `Decide: ${data.title}`,
    description: lines([
      `Departments: ${data.departments.join(", ")}`,
      ...data.needs.map((need) => `${need.department} needs: ${need.need}`),
      data.targets.length > 0 && `Items: ${data.targets.join(" ")}`,
    ]),
    url: targetLink(data.targets[0]),
    categories: ["Escalation"],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The longest agenda a meeting's event carries: calendar apps show the start of a long description only. */
const maxAgendaChars = 4000;

export function meetingEvent(workspaceId: string, { row, data }: Row<EntityFields<"meeting">>): AllDayEvent {
  const agenda = data.agenda.trim();
  return {
    uid: `meeting.${row.id}.${workspaceId}@liaison`,
    date: data.date,
    summary: data.title,
    description: lines([
      data.departments.length > 0 && `Departments: ${data.departments.join(", ")}`,
      data.attendees.length > 0 && `Attendees: ${data.attendees.join(", ")}`,
      agenda && `\n${agenda.length > maxAgendaChars ? `${agenda.slice(0, maxAgendaChars)}…` : agenda}`,
    ]),
    url: icsUri(data.url),
    categories: ["Meeting"],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Events in calendar order: by day, then by UID so that the order is stable. */
export const byDayThenUid = (a: AllDayEvent, b: AllDayEvent) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid);
