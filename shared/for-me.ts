// The "For me" inbox: what landed on a member, derived from the synced records and who made them; `@name` mentions; read marks merged.
import { compareCodeUnits } from "./dates";
import type { ActionItem, Annotation, Checkin, Decision, Escalation, Responsibility, Risk } from "./kinds/schemas";

/** The kinds of entries, each with its own notification switch in options. */
export const forMeKinds = ["assigned", "reassigned", "note", "escalation", "risk", "help", "decision"] as const;
export type ForMeKind = (typeof forMeKinds)[number];

/** Why an entry is mine, which its line says. */
export type ForMeReason =
  | "assigned"
  | "reassigned"
  | "addressedToMe"
  | "addressedToDepartment"
  | "mention"
  | "reply"
  | "escalationDecider"
  | "escalationParty"
  | "escalationDecided"
  | "riskReview"
  | "riskOccurred"
  | "help"
  | "decision";

export interface ForMeEntry {
  /** Stable across browsers (`entity:id:what`): the read marks are kept by it. */
  key: string;
  kind: ForMeKind;
  reason: ForMeReason;
  entity: "action_item" | "annotation" | "escalation" | "risk" | "checkin" | "decision";
  id: string;
  /** When it landed (an ISO time, or a review's day). */
  at: string;
  /** The member whose change it was; null for a review coming due. */
  by: string | null;
  /** The record's own words, shortened. */
  title: string;
}

/** The server keeps a member's newest read marks up to this many; a browser keeps as many. */
export const maxReadMarks = 5000;

/** At most this many read marks go in one request (the API's limit). */
export const maxReadMarksPerRequest = 500;

/** A read mark's key: `entity:id:what`, letters, digits and `_-.:` only. */
export const forMeKeyPattern = /^[a-z_]{1,20}:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_.:-]{1,80}$/;

interface Meta {
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
}
interface RowOf<T> {
  id: string;
  data: T;
  meta: Meta;
}

/** An action item taken from me by someone else, as a pull showed it (the row itself no longer says). */
export interface ReassignedAway {
  id: string;
  version: number;
  at: string;
  by: string | null;
  text: string;
}

interface Person {
  id: string;
  name: string;
  department: string;
}

interface ForMeInput {
  me: Person;
  members: readonly Pick<Person, "id" | "name">[];
  today: string;
  actionItems?: readonly RowOf<ActionItem>[];
  annotations?: readonly RowOf<Annotation>[];
  escalations?: readonly RowOf<Escalation>[];
  risks?: readonly RowOf<Risk>[];
  checkins?: readonly RowOf<Checkin>[];
  decisions?: readonly RowOf<Decision>[];
  responsibilities?: readonly RowOf<Responsibility>[];
  reassigned?: readonly ReassignedAway[];
}

const short = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text).replace(/\s+/g, " ").trim();

/** The last change's author and time, unless that was me: then the record's creation, unless that was me too (null). */
function landedBy(meta: Meta, me: string): { by: string | null; at: string } | null {
  if (meta.updatedBy !== me) return { by: meta.updatedBy, at: meta.updatedAt };
  if (meta.createdBy !== me) return { by: meta.createdBy, at: meta.createdAt };
  return null;
}

const isMe = (me: Person, id: string | null, name: string | null) => (id ? id === me.id : name !== null && name === me.name);

/** Everything that landed on `me`, newest first; nothing for my own actions. */
export function forMeEntries(input: ForMeInput): ForMeEntry[] {
  const { me, today } = input;
  const entries: ForMeEntry[] = [];
  const add = (entry: ForMeEntry) => entries.push(entry);

  for (const row of input.actionItems ?? []) {
    if (!isMe(me, row.data.ownerId, row.data.owner)) continue;
    const landed = landedBy(row.meta, me.id);
    if (!landed) continue;
    const { id, data } = row;
    add({
      key: `action_item:${id}:assigned:${me.id}`,
      kind: "assigned",
      reason: "assigned",
      entity: "action_item",
      id,
      ...landed,
      title: short(data.text),
    });
  }
  for (const away of input.reassigned ?? []) {
    if (away.by === me.id) continue;
    const { id } = away;
    add({
      key: `action_item:${id}:reassigned:${away.version}`,
      kind: "reassigned",
      reason: "reassigned",
      entity: "action_item",
      id,
      at: away.at,
      by: away.by,
      title: short(away.text),
    });
  }

  const notes = input.annotations ?? [];
  const authors = new Map(notes.map((row) => [row.id, row.meta.createdBy]));
  for (const row of notes) {
    if (row.meta.createdBy === me.id) continue;
    const { data } = row;
    const reason: ForMeReason | null =
      data.addressedTo?.memberId === me.id
        ? "addressedToMe"
        : mentionedMembers(data.body, input.members).includes(me.id)
          ? "mention"
          : data.parent !== null && authors.get(data.parent) === me.id
            ? "reply"
            : data.addressedTo?.department && data.addressedTo.department === me.department
              ? "addressedToDepartment"
              : null;
    if (!reason) continue;
    add({
      key: `annotation:${row.id}:note`,
      kind: "note",
      reason,
      entity: "annotation",
      id: row.id,
      at: row.meta.createdAt,
      by: row.meta.createdBy,
      title: short(data.body || data.quote),
    });
  }

  for (const row of input.escalations ?? []) {
    const { data, meta, id } = row;
    const decider = isMe(me, data.deciderId, data.decider);
    const party = data.departments.includes(me.department);
    if (!decider && !party) continue;
    if (meta.createdBy !== me.id) {
      const reason = decider ? "escalationDecider" : "escalationParty";
      add({
        key: `escalation:${id}:opened`,
        kind: "escalation",
        reason,
        entity: "escalation",
        id,
        at: meta.createdAt,
        by: meta.createdBy,
        title: short(data.title),
      });
    }
    if (data.status === "decided" && !decider && meta.updatedBy !== me.id) {
      add({
        key: `escalation:${id}:decided`,
        kind: "escalation",
        reason: "escalationDecided",
        entity: "escalation",
        id,
        at: meta.updatedAt,
        by: meta.updatedBy,
        title: short(data.title),
      });
    }
  }

  for (const row of input.risks ?? []) {
    const { data, meta, id } = row;
    if (!isMe(me, data.ownerId, data.owner)) continue;
    if (data.status === "occurred") {
      if (meta.updatedBy !== me.id)
        add({
          key: `risk:${id}:occurred`,
          kind: "risk",
          reason: "riskOccurred",
          entity: "risk",
          id,
          at: meta.updatedAt,
          by: meta.updatedBy,
          title: short(data.title),
        });
    } else if (data.status !== "closed" && data.reviewOn !== null && data.reviewOn <= today) {
      add({
        key: `risk:${id}:review:${data.reviewOn}`,
        kind: "risk",
        reason: "riskReview",
        entity: "risk",
        id,
        at: data.reviewOn,
        by: null,
        title: short(data.title),
      });
    }
  }

  for (const row of input.checkins ?? []) {
    const { data, id } = row;
    if (data.department === me.department) continue;
    const asks = data.helpNeeded.filter((help) => help.department === me.department);
    const landed = asks.length > 0 ? landedBy(row.meta, me.id) : null;
    if (!landed) continue;
    add({
      key: `checkin:${id}:help`,
      kind: "help",
      reason: "help",
      entity: "checkin",
      id,
      ...landed,
      title: short(`${data.department}: ${asks.map((help) => help.request).join("; ")}`),
    });
  }

  const accountable = new Set(
    (input.responsibilities ?? [])
      .filter((row) => (row.data.role === "A" || row.data.role === "R") && isMe(me, row.data.memberId, row.data.person))
      .map((row) => row.data.target),
  );
  if (accountable.size > 0) {
    for (const row of input.decisions ?? []) {
      const { data, meta, id } = row;
      if (meta.createdBy === me.id || !data.targets.some((target) => accountable.has(target))) continue;
      add({
        key: `decision:${id}:recorded`,
        kind: "decision",
        reason: "decision",
        entity: "decision",
        id,
        at: meta.createdAt,
        by: meta.createdBy,
        title: short(data.text),
      });
    }
  }

  return entries.sort((a, b) => compareCodeUnits(b.at, a.at) || compareCodeUnits(a.key, b.key));
}

const wordChar = /[A-Za-z0-9_]/;

/**
 * The members a text mentions as `@name` (their ids, each once). Names may hold spaces, so the
 * longest member name written after an `@` wins; a Latin name must end where the word does.
 */
export function mentionedMembers(text: string, members: readonly Pick<Person, "id" | "name">[]): string[] {
  if (!text.includes("@")) return [];
  const lower = text.toLowerCase();
  const byLength = [...members].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  for (let at = lower.indexOf("@"); at >= 0; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && wordChar.test(text[at - 1])) continue; // an e-mail address, not a mention
    const member = byLength.find((m) => {
      const name = m.name.toLowerCase();
      if (!lower.startsWith(name, at + 1)) return false;
      const next = text[at + 1 + name.length];
      return next === undefined || !(wordChar.test(next) && wordChar.test(name[name.length - 1]));
    });
    if (member) found.add(member.id);
  }
  return [...found];
}

/** The `@name` being typed before the caret: where its `@` is and what follows it; null when none is. */
export function mentionBeingTyped(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && wordChar.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || query.startsWith(" ")) return null;
  return { start: at, query };
}

/** Members whose name starts with what is typed (case aside), at most `limit`. */
export function mentionChoices<P extends Pick<Person, "name">>(members: readonly P[], query: string, limit = 6): P[] {
  const wanted = query.toLowerCase();
  return members.filter((m) => m.name.toLowerCase().startsWith(wanted)).slice(0, limit);
}

/** The text with the mention being typed (from `start` to the caret) replaced by `@name `, and the caret after it. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** What is read: the server's marks and the ones this browser has not sent yet. */
export function readKeys(server: readonly string[] = [], pending: readonly string[] = []): Set<string> {
  return new Set([...server, ...pending]);
}

/** The marks still to send once `sent` reached the server (new ones may have joined meanwhile). */
export function stillPending(pending: readonly string[], sent: readonly string[]): string[] {
  const done = new Set(sent);
  return pending.filter((key) => !done.has(key));
}

/** Marks added to a list, each once. */
export function withMarks(list: readonly string[] = [], keys: readonly string[]): string[] {
  return [...new Set([...list, ...keys])];
}
