// The fields a record's details let one change, per record kind: each labelled as when the record was made, read from the record as text and written back as its value.
import { weekStart } from "../../../shared/dates";
import type { EntityName } from "../../../shared/entities";
import type { RecordKindName } from "../../../shared/kinds";
import { maxLengths } from "../../../shared/limits";
import { parseTargetList } from "../../../shared/target-input";
import {
  actionItemStatuses,
  annotationVisibilities,
  escalationStatuses,
  goalKinds,
  healthStatuses,
  priorities,
  raciRoles,
  riskScale,
  riskStatuses,
} from "../../../shared/vocabulary";
import type { Member } from "../../../shared/workspace";
import { t } from "../../ui/i18n";
import {
  actionItemStatusLabels,
  escalationStatusLabels,
  goalKindLabels,
  healthLabels,
  priorityLabels,
  raciLabels,
  riskStatusLabels,
  visibilityLabels,
} from "../../ui/labels";
import type { PanelData } from "../panel-data";

type Control =
  | { type: "text"; max?: number; required?: boolean }
  | { type: "textarea"; max?: number; required?: boolean }
  | { type: "date" }
  | { type: "number" }
  | { type: "select"; options: Array<{ value: string; label: string }> }
  /** One of the workspace's members (or whoever the record names now). */
  | { type: "person" }
  | { type: "department" };

export interface Field {
  /** The form's key: the record's field, or a part of one (`indicator.0.name`). */
  name: string;
  label: string;
  control: Control;
  /** The record's value as the field shows it. */
  value: string;
  /** The record's fields this field sets; absent when the kind's `compose` reads it. */
  write?: (value: string) => Record<string, unknown>;
  /** Fields of one part of a record (an indicator) are drawn together under this heading. */
  group?: string;
}

export interface DetailsSpec {
  fields: Field[];
  /** The fields written from several of the form's values at once (a goal's indicators). */
  compose?: (form: Record<string, string>) => Record<string, unknown>;
}

interface Context {
  data: PanelData;
  knownKeys: string[];
  today: string;
  /** The record's own id (a goal is not its own parent). */
  id: string;
}

type Fields = Record<string, unknown>;

const options = <V extends string>(values: readonly V[], label: (value: V) => string) =>
  values.map((value) => ({ value, label: label(value) }));

const list = (value: string) =>
  value
    .split(/[,，;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);

/** "Legal: sign-off by Friday" lines, one per department. */
const pairs = (value: string, second: string) =>
  value
    .split("\n")
    .map((line) => /^([^:：]+)[:：]\s*(.+)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ department: match[1].trim(), [second]: match[2].trim() }));

const number = (value: string) => {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed)) throw new Error(t("errorNumber"));
  return parsed;
};

function targets(record: Fields, context: Context, name = "targets"): Field {
  return {
    name,
    label: t("fieldTargets"),
    control: { type: "text" },
    value: ((record[name] as string[] | undefined) ?? []).join(", "),
    write: (value) => {
      const parsed = parseTargetList(value, context.knownKeys);
      if (parsed.unknown.length) throw new Error(t("unknownTargets", parsed.unknown.join(", ")));
      return { [name]: parsed.keys };
    },
  };
}

const text = (record: Fields, name: string, label: string, max: number, required = false): Field => ({
  name,
  label,
  control: { type: "text", max, required },
  value: (record[name] as string | null) ?? "",
  write: (value) => ({ [name]: required ? value.trim() : value }),
});

const longText = (record: Fields, name: string, label: string, max: number, required = false): Field => ({
  ...text(record, name, label, max, required),
  control: { type: "textarea", max, required },
});

const optional = (record: Fields, name: string, label: string, control: Control): Field => ({
  name,
  label,
  control,
  value: (record[name] as string | null) ?? "",
  write: (value) => ({ [name]: value.trim() || null }),
});

const choice = (record: Fields, name: string, label: string, choices: Array<{ value: string; label: string }>): Field => ({
  name,
  label,
  control: { type: "select", options: choices },
  value: String(record[name] ?? ""),
  write: (value) => ({ [name]: value }),
});

const scale = (record: Fields, name: string, label: string): Field => ({
  ...choice(
    record,
    name,
    label,
    riskScale.map((n) => ({ value: String(n), label: String(n) })),
  ),
  write: (value) => ({ [name]: Number(value) }),
});

const names = (record: Fields, name: string, label: string): Field => ({
  name,
  label,
  control: { type: "text" },
  value: ((record[name] as string[] | undefined) ?? []).join(", "),
  write: (value) => ({ [name]: list(value) }),
});

/** A person named on the record with their member id: picking a member sets both; leaving the name as it was keeps both. */
function person(record: Fields, name: string, idName: string, label: string, members: Member[], required = false): Field {
  const current = (record[name] as string | null) ?? "";
  return {
    name,
    label,
    control: { type: "person" },
    value: current,
    write: (value) => {
      const picked = value.trim();
      if (picked === current) return { [name]: record[name] ?? null, [idName]: record[idName] ?? null };
      const member = members.find((m) => m.name === picked);
      return { [name]: picked || (required ? "" : null), [idName]: member?.id ?? null };
    },
  };
}

/** A record's other record of a kind (a goal, a meeting), picked by its title. */
function reference(record: Fields, name: string, label: string, choices: Array<{ id: string; title: string }>): Field {
  return {
    ...optional(record, name, label, {
      type: "select",
      options: [{ value: "", label: "—" }, ...choices.map((c) => ({ value: c.id, label: c.title }))],
    }),
  };
}

function actionItemFields(r: Fields, c: Context): DetailsSpec {
  return {
    fields: [
      longText(r, "text", t("fieldText"), maxLengths.actionItem.text, true),
      person(r, "owner", "ownerId", t("fieldOwner"), c.data.members),
      optional(r, "department", t("fieldDepartment"), { type: "department" }),
      optional(r, "due", t("fieldDue"), { type: "date" }),
      choice(
        r,
        "priority",
        t("fieldPriority"),
        options(priorities, (v) => t(priorityLabels[v])),
      ),
      choice(
        r,
        "status",
        t("fieldStatus"),
        options(actionItemStatuses, (v) => t(actionItemStatusLabels[v])),
      ),
      reference(
        r,
        "goal",
        t("kind_goal"),
        c.data.goals.map((g) => ({ id: g.id, title: g.data.title })),
      ),
      targets(r, c),
    ],
  };
}

function decisionFields(r: Fields, c: Context): DetailsSpec {
  return {
    fields: [
      longText(r, "text", t("fieldDecision"), maxLengths.decision.text, true),
      targets(r, c),
      optional(r, "decidedBy", t("fieldDecidedBy"), { type: "person" }),
      optional(r, "date", t("fieldDate"), { type: "date" }),
      reference(
        r,
        "meeting",
        t("kind_meeting"),
        c.data.meetings.map((m) => ({ id: m.id, title: m.data.title })),
      ),
    ],
  };
}

function meetingFields(r: Fields): DetailsSpec {
  return {
    fields: [
      text(r, "title", t("fieldTitle"), maxLengths.meeting.title, true),
      { ...text(r, "date", t("fieldDate"), 0, true), control: { type: "date" } },
      names(r, "departments", t("fieldDepartments")),
      names(r, "attendees", t("fieldAttendees")),
      longText(r, "notes", t("meetingNotes"), maxLengths.meeting.notes),
      optional(r, "url", t("fieldMeetingUrl"), { type: "text" }),
    ],
  };
}

function riskFields(r: Fields, c: Context): DetailsSpec {
  return {
    fields: [
      text(r, "title", t("fieldTitle"), maxLengths.risk.title, true),
      longText(r, "description", t("fieldDescription"), maxLengths.risk.description),
      scale(r, "likelihood", t("fieldLikelihood")),
      scale(r, "impact", t("fieldImpact")),
      choice(
        r,
        "status",
        t("fieldStatus"),
        options(riskStatuses, (v) => t(riskStatusLabels[v])),
      ),
      person(r, "owner", "ownerId", t("fieldOwner"), c.data.members),
      optional(r, "department", t("fieldDepartment"), { type: "department" }),
      longText(r, "mitigation", t("mitigation"), maxLengths.risk.mitigation),
      longText(r, "contingency", t("contingency"), maxLengths.risk.contingency),
      optional(r, "reviewOn", t("fieldReviewOn"), { type: "date" }),
      targets(r, c),
    ],
  };
}

interface Indicator {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  weekStartValue: number | null;
  updatedOn: string | null;
}

function goalFields(r: Fields, c: Context): DetailsSpec {
  const indicators = (r.indicators as Indicator[] | undefined) ?? [];
  const override = r.statusOverride as { status: string; reason: string } | null;
  const indicatorFields = indicators.flatMap((indicator, index): Field[] => {
    const key = (part: string) => `indicator.${index}.${part}`;
    const group = indicator.name;
    return [
      {
        name: key("name"),
        label: t("indicatorName"),
        control: { type: "text", max: maxLengths.indicator.name, required: true },
        value: indicator.name,
        group,
      },
      {
        name: key("unit"),
        label: t("indicatorUnit"),
        control: { type: "text", max: maxLengths.indicator.unit },
        value: indicator.unit,
        group,
      },
      { name: key("baseline"), label: t("indicatorBaseline"), control: { type: "number" }, value: String(indicator.baseline), group },
      { name: key("target"), label: t("indicatorTarget"), control: { type: "number" }, value: String(indicator.target), group },
      {
        name: key("current"),
        label: t("indicatorCurrent", indicator.name),
        control: { type: "number" },
        value: String(indicator.current),
        group,
      },
    ];
  });
  return {
    fields: [
      text(r, "title", t("fieldTitle"), maxLengths.goal.title, true),
      longText(r, "description", t("fieldDescription"), maxLengths.goal.description),
      choice(
        r,
        "kind",
        t("goalKind"),
        options(goalKinds, (v) => t(goalKindLabels[v])),
      ),
      reference(
        r,
        "parent",
        t("goalParent"),
        c.data.goals.filter((g) => g.data.kind === "project" && g.id !== c.id).map((g) => ({ id: g.id, title: g.data.title })),
      ),
      person(r, "owner", "ownerId", t("fieldOwner"), c.data.members),
      names(r, "departments", t("fieldDepartments")),
      optional(r, "due", t("fieldDue"), { type: "date" }),
      targets(r, c),
      {
        name: "overrideStatus",
        label: t("overrideStatus"),
        control: {
          type: "select",
          options: [{ value: "", label: t("healthComputed") }, ...options(healthStatuses, (v) => t(healthLabels[v]))],
        },
        value: override?.status ?? "",
      },
      {
        name: "overrideReason",
        label: t("overrideReason"),
        control: { type: "text", max: maxLengths.goal.statusReason },
        value: override?.reason ?? "",
      },
      ...indicatorFields,
    ],
    compose: (form) => {
      const monday = weekStart(c.today);
      const next = indicators.map((indicator, index) => {
        const value = (part: string) => form[`indicator.${index}.${part}`] ?? "";
        const current = number(value("current"));
        const moved = current !== indicator.current;
        return {
          ...indicator,
          name: value("name").trim(),
          unit: value("unit"),
          baseline: number(value("baseline")),
          target: number(value("target")),
          current,
          // The first change of a week keeps the value the week began with, for the weekly report.
          ...(moved
            ? {
                weekStartValue: !indicator.updatedOn || indicator.updatedOn < monday ? indicator.current : indicator.weekStartValue,
                updatedOn: c.today,
              }
            : {}),
        };
      });
      const status = form.overrideStatus ?? "";
      return {
        indicators: next,
        statusOverride: status ? { status, reason: (form.overrideReason ?? "").trim() } : null,
      };
    },
  };
}

function checkinFields(r: Fields): DetailsSpec {
  const help = (r.helpNeeded as Array<{ department: string; request: string }> | undefined) ?? [];
  return {
    fields: [
      { ...optional(r, "department", t("fieldDepartment"), { type: "department" }), write: (value) => ({ department: value.trim() }) },
      { ...text(r, "week", t("fieldWeek"), 0, true), control: { type: "text", required: true } },
      choice(
        r,
        "status",
        t("fieldStatus"),
        options(healthStatuses, (v) => t(healthLabels[v])),
      ),
      longText(r, "highlights", t("checkinHighlights"), maxLengths.checkin.highlights),
      longText(r, "blockers", t("checkinBlockers"), maxLengths.checkin.blockers),
      {
        name: "helpNeeded",
        label: t("checkinHelpLines"),
        control: { type: "textarea" },
        value: help.map((h) => `${h.department}: ${h.request}`).join("\n"),
        write: (value) => ({ helpNeeded: pairs(value, "request") }),
      },
    ],
  };
}

function escalationFields(r: Fields, c: Context): DetailsSpec {
  const needs = (r.needs as Array<{ department: string; need: string }> | undefined) ?? [];
  return {
    fields: [
      text(r, "title", t("fieldTitle"), maxLengths.escalation.title, true),
      names(r, "departments", t("fieldDepartments")),
      targets(r, c),
      {
        name: "needs",
        label: t("escalationNeeds"),
        control: { type: "textarea" },
        value: needs.map((n) => `${n.department}: ${n.need}`).join("\n"),
        write: (value) => ({ needs: pairs(value, "need") }),
      },
      person(r, "decider", "deciderId", t("decider"), c.data.members),
      optional(r, "deadline", t("fieldDeadline"), { type: "date" }),
      choice(
        r,
        "status",
        t("fieldStatus"),
        options(escalationStatuses, (v) => t(escalationStatusLabels[v])),
      ),
      longText(r, "resolution", t("resolution"), maxLengths.escalation.resolution),
    ],
  };
}

function responsibilityFields(r: Fields, c: Context): DetailsSpec {
  return {
    fields: [
      {
        name: "target",
        label: t("fieldItem"),
        control: { type: "text", required: true },
        value: (r.target as string) ?? "",
        write: (value) => {
          const parsed = parseTargetList(value, c.knownKeys);
          if (parsed.unknown.length || parsed.keys.length !== 1) throw new Error(t("unknownTargets", value));
          return { target: parsed.keys[0] };
        },
      },
      person(r, "person", "memberId", t("fieldPerson"), c.data.members, true),
      optional(r, "department", t("fieldDepartment"), { type: "department" }),
      choice(
        r,
        "role",
        t("fieldRole"),
        options(raciRoles, (v) => t(raciLabels[v])),
      ),
    ],
  };
}

function annotationFields(r: Fields): DetailsSpec {
  return {
    fields: [
      longText(r, "body", t("fieldNote"), maxLengths.annotation.body),
      {
        name: "tags",
        label: t("fieldTags"),
        control: { type: "text" },
        value: ((r.tags as string[] | undefined) ?? []).join(", "),
        write: (value) => ({ tags: list(value) }),
      },
      choice(
        r,
        "visibility",
        t("fieldVisibility"),
        options(annotationVisibilities, (v) => t(visibilityLabels[v])),
      ),
    ],
  };
}

const specs: Partial<Record<RecordKindName, (record: Fields, context: Context) => DetailsSpec>> = {
  action_item: actionItemFields,
  decision: decisionFields,
  meeting: meetingFields,
  risk: riskFields,
  goal: goalFields,
  checkin: checkinFields,
  escalation: escalationFields,
  responsibility: responsibilityFields,
  annotation: annotationFields,
};

/** The fields of a record's details; none for a kind the panel does not open (departments are edited in options). */
export function detailsSpec(entity: EntityName, record: Fields, context: Context): DetailsSpec | null {
  return specs[entity as RecordKindName]?.(record, context) ?? null;
}

/** The form's values, as a spec's fields show them. */
export const formValues = (spec: DetailsSpec) => Object.fromEntries(spec.fields.map((field) => [field.name, field.value]));

/** What a save sends: the record's fields the form changed, and only those. Throws when a value cannot be read. */
export function changedFields(spec: DetailsSpec, record: Fields, form: Record<string, string>): Fields {
  const next: Fields = {};
  for (const field of spec.fields) if (field.write) Object.assign(next, field.write(form[field.name] ?? ""));
  if (spec.compose) Object.assign(next, spec.compose(form));
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(record[key] ?? null)));
}
