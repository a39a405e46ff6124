// How a record's fields read in the side panel's history, conflicts and trash: field names from the catalogue, values as people read them.
import type { Member } from "../../../shared/workspace";
import { formatDay, t, uiLocale } from "../../ui/i18n";
import {
  actionItemStatusLabels,
  changedFieldLabels,
  escalationStatusLabels,
  goalKindLabels,
  healthLabels,
  meetingRepeatLabels,
  priorityLabels,
  raciLabels,
  recordKindLabels,
  riskStatusLabels,
  visibilityLabels,
} from "../../ui/labels";

/** A field's name as the catalogue says it; a field it does not know keeps its own name. */
export function fieldLabel(field: string): string {
  return field in changedFieldLabels ? t(changedFieldLabels[field as keyof typeof changedFieldLabels]) : field;
}

/** A record kind's name ("Risk"); an unknown kind keeps its own name. */
export function kindLabel(entity: string): string {
  return entity in recordKindLabels ? t(recordKindLabels[entity as keyof typeof recordKindLabels]) : entity;
}

/** What a record says it is: its title, text or name, shortened; null when it has none. */
export function recordTitle(data: Record<string, unknown> | null | undefined): string | null {
  for (const field of ["title", "text", "name", "body", "quote", "highlights"]) {
    const value = data?.[field];
    if (typeof value === "string" && value.trim()) return shorten(value.trim(), 120);
  }
  return null;
}

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A value of the vocabularies (statuses, priorities, roles, ...) in the user's language; null for any other. */
function vocabulary(entity: string, field: string, value: string): string | null {
  const has = (map: object) => Object.hasOwn(map, value);
  // Checked by has() first: a key of that map.
  const known = value as never;
  if (field === "priority" && has(priorityLabels)) return t(priorityLabels[known]);
  if (field === "role" && has(raciLabels)) return t(raciLabels[known]);
  if (field === "visibility" && has(visibilityLabels)) return t(visibilityLabels[known]);
  if (field === "kind" && has(goalKindLabels)) return t(goalKindLabels[known]);
  if (field === "repeats" && has(meetingRepeatLabels)) return t(meetingRepeatLabels[known]);
  if (field !== "status") return null;
  if (entity === "risk" && has(riskStatusLabels)) return t(riskStatusLabels[known]);
  if (entity === "escalation" && has(escalationStatusLabels)) return t(escalationStatusLabels[known]);
  if ((entity === "checkin" || entity === "goal") && has(healthLabels)) return t(healthLabels[known]);
  if (entity === "action_item" && has(actionItemStatusLabels)) return t(actionItemStatusLabels[known]);
  return null;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A field's value as people read it: a member id as their name, a day as a date, a list joined,
 * yes or no, a vocabulary value in the user's language, nothing as a dash.
 */
export function formatValue(entity: string, field: string, value: unknown, members: Member[] = []): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("valueYes") : t("valueNo");
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map((item) => formatValue(entity, field, item, members)).join(", ");
  if (typeof value === "string") {
    if (/Id$/.test(field)) return members.find((member) => member.id === value)?.name ?? value;
    if (isoDay.test(value)) return formatDay(value);
    if (isoInstant.test(value)) return formatDay(instantDay(value));
    return shorten(vocabulary(entity, field, value) ?? value, 200);
  }
  const object = value as Record<string, unknown>;
  // A capture source names its page; a status override its status and reason.
  if (typeof object.title === "string" && object.title) return shorten(object.title, 200);
  if (typeof object.url === "string") return object.url;
  if (typeof object.status === "string")
    return [vocabulary(entity, "status", object.status) ?? object.status, object.reason].filter(Boolean).join(": ");
  return shorten(JSON.stringify(value), 200);
}

/** The calendar day of an instant, in the user's time zone. */
function instantDay(at: string): string {
  const date = new Date(at);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** When something happened, short: "2 Dec", with the year when it is not this one. */
export function shortDate(at: string, now = new Date(), locale = uiLocale()): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) }).format(date);
}
