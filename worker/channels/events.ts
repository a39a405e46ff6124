// The events team chat channels are sent, derived from a push by comparing each changed row with what it was before.
import { type ChannelEventKind, channelRiskScore } from "../../shared/channels";
import type { ActionItem, Checkin, Decision, Escalation, Risk } from "../../shared/kinds/schemas";
import type { Member } from "../../shared/workspace";
import type { EntityRow } from "../db/entities";

/** The week's numbers of one department, as the weekly report says them. */
export interface WeeklyFigures {
  week: string;
  openActions: number;
  overdueActions: number;
  doneActions: number;
  highRisks: number;
  openEscalations: number;
  /** The department's check-in of the week: its health, or null when it has not posted one. */
  health: string | null;
  helpNeeded: number;
}

/** One thing that happened, as a channel is told it (in the workspace's language, when delivered). */
export interface ChannelEvent {
  kind: ChannelEventKind;
  entity: string;
  id: string;
  title: string;
  /** The departments it concerns: a channel limited to departments gets it when one of them is there. */
  departments: string[];
  /** The owner, the one to decide, or whoever the event names. */
  person: string | null;
  due: string | null;
  score?: number;
  /** What else to say: the resolution of a decided escalation, the help a check-in asks for. */
  detail?: string;
  targets: string[];
  /** A decision's meeting, whose departments the decision concerns (filled in when the events are fanned out). */
  meeting?: string;
  /** Who made the change (empty for the workspace's own notices: overdue items, the weekly report). */
  by: string;
  at: string;
  weekly?: WeeklyFigures;
}

const parse = <T>(row: EntityRow | null | undefined): T | null => (row && !row.deleted ? (JSON.parse(row.data) as T) : null);

const score = (risk: Risk) => risk.likelihood * risk.impact;

/**
 * The events of a push: for each row it changed, what the change means to a channel. A row
 * deleted, or changed in a way no channel is told of, makes none.
 */
export function channelEvents(before: Map<string, EntityRow>, after: EntityRow[], member: Member, at: string): ChannelEvent[] {
  const events: ChannelEvent[] = [];
  for (const row of after) {
    const previous = before.get(`${row.entity}/${row.id}`);
    const base = { entity: row.entity, id: row.id, by: member.name, at };
    if (row.deleted) continue;
    if (row.entity === "action_item") {
      const now = parse<ActionItem>(row) as ActionItem;
      const was = parse<ActionItem>(previous);
      const owner = now.ownerId ?? now.owner;
      if (now.status === "open" && owner && owner !== (was?.ownerId ?? was?.owner ?? null)) {
        events.push({
          ...base,
          kind: "action_assigned",
          title: now.text,
          departments: now.department ? [now.department] : [],
          person: now.owner,
          due: now.due,
          targets: now.targets,
        });
      }
    } else if (row.entity === "escalation") {
      const now = parse<Escalation>(row) as Escalation;
      const was = parse<Escalation>(previous);
      const common = {
        ...base,
        title: now.title,
        departments: now.departments,
        person: now.decider,
        due: now.deadline,
        targets: now.targets,
      };
      if (now.status === "open" && was?.status !== "open") events.push({ ...common, kind: "escalation_opened" });
      if (now.status === "decided" && was?.status !== "decided")
        events.push({ ...common, kind: "escalation_decided", detail: now.resolution });
    } else if (row.entity === "risk") {
      const now = parse<Risk>(row) as Risk;
      const was = parse<Risk>(previous);
      const common = {
        ...base,
        title: now.title,
        departments: now.department ? [now.department] : [],
        person: now.owner,
        due: now.reviewOn,
        score: score(now),
        targets: now.targets,
      };
      if (score(now) >= channelRiskScore && (!was || score(was) < channelRiskScore)) events.push({ ...common, kind: "risk_recorded" });
      if (now.status === "occurred" && was?.status !== "occurred") events.push({ ...common, kind: "risk_occurred" });
    } else if (row.entity === "decision") {
      const now = parse<Decision>(row) as Decision;
      if (!parse<Decision>(previous)) {
        events.push({
          ...base,
          kind: "decision_recorded",
          title: now.text,
          departments: [],
          person: now.decidedBy,
          due: now.date,
          targets: now.targets,
          ...(now.meeting ? { meeting: now.meeting } : {}),
        });
      }
    } else if (row.entity === "checkin") {
      const now = parse<Checkin>(row) as Checkin;
      const asked = new Set((parse<Checkin>(previous)?.helpNeeded ?? []).map((help) => `${help.department}\n${help.request}`));
      const fresh = now.helpNeeded.filter((help) => !asked.has(`${help.department}\n${help.request}`));
      if (fresh.length > 0) {
        events.push({
          ...base,
          kind: "help_needed",
          title: now.department,
          departments: [...new Set([now.department, ...fresh.map((help) => help.department)])],
          person: null,
          due: null,
          detail: fresh.map((help) => `→ ${help.department}: ${help.request}`).join("\n"),
          targets: [],
        });
      }
    }
  }
  return events;
}
