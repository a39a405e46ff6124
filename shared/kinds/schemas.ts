// The fields of every record kind, as zod schemas: what sync, the stores and the Worker validate. Kept apart from the kinds' declarations so that the side panel, which loops over the kinds, bundles no zod.
import { z } from "zod";
import { targetKey } from "../sites/keys";
import { departmentName, httpUrl, id, isoDate, personName, text } from "../text";
import {
  actionItemStatuses,
  annotationVisibilities,
  escalationStatuses,
  goalKinds,
  healthStatuses,
  meetingRepeats,
  priorities,
  raciRoles,
  riskStatuses,
  trackerStatuses,
} from "../vocabulary";

/** W3C Web Annotation TextQuoteSelector: the exact words plus a little context either side. */
export const textQuoteSelector = z
  .object({
    type: z.literal("TextQuoteSelector"),
    exact: text(4000, 1),
    prefix: z.string().max(64).default(""),
    suffix: z.string().max(64).default(""),
  })
  .strict();
export type TextQuoteSelector = z.infer<typeof textQuoteSelector>;

/** Where a captured item came from: the page, its title and the quote it was made from. */
export const captureSource = z
  .object({
    url: httpUrl,
    title: text(300).default(""),
    selector: textQuoteSelector.nullable().default(null),
  })
  .strict();

export const targetKeySchema = z.string().max(2048).regex(targetKey, "must be a target key like github:acme/app#7");

export const actionItem = z
  .object({
    text: text(2000, 1),
    owner: personName.nullable().default(null),
    ownerId: id.nullable().default(null),
    department: departmentName.nullable().default(null),
    due: isoDate.nullable().default(null),
    status: z.enum(actionItemStatuses).default("open"),
    priority: z.enum(priorities).default("medium"),
    targets: z.array(targetKeySchema).max(20).default([]),
    source: captureSource.nullable().default(null),
    meeting: id.nullable().default(null),
    /** The goal this action item serves. */
    goal: id.nullable().default(null),
    /** The risk whose mitigation this action item is a step of. */
    risk: id.nullable().default(null),
  })
  .strict();
export type ActionItem = z.infer<typeof actionItem>;

/** Likelihood and impact are scored 1 (rare, minor) to 5 (almost certain, severe). */
const scale = z.number().int().min(1).max(5);
const targets = z.array(targetKeySchema).max(20).default([]);

const department = z
  .object({
    name: departmentName,
    lead: personName.nullable().default(null),
    leadId: id.nullable().default(null),
  })
  .strict();
export type Department = z.infer<typeof department>;

/** One person's RACI role on one tracker item. */
const responsibility = z
  .object({
    target: targetKeySchema,
    person: personName,
    memberId: id.nullable().default(null),
    department: departmentName.nullable().default(null),
    role: z.enum(raciRoles),
  })
  .strict();
export type Responsibility = z.infer<typeof responsibility>;

export const risk = z
  .object({
    title: text(200, 1),
    description: text(4000).default(""),
    targets,
    likelihood: scale,
    impact: scale,
    status: z.enum(riskStatuses).default("open"),
    owner: personName.nullable().default(null),
    ownerId: id.nullable().default(null),
    department: departmentName.nullable().default(null),
    mitigation: text(4000).default(""),
    contingency: text(4000).default(""),
    reviewOn: isoDate.nullable().default(null),
  })
  .strict();
export type Risk = z.infer<typeof risk>;

export const meeting = z
  .object({
    title: text(200, 1),
    date: isoDate,
    departments: z.array(departmentName).max(30).default([]),
    attendees: z.array(personName).max(100).default([]),
    notes: text(20_000).default(""),
    url: httpUrl.nullable().default(null),
    /** A recurring meeting's cadence, or null for a one-off. */
    repeats: z.enum(meetingRepeats).nullable().default(null),
    /** The occurrence of the same recurring meeting this one comes after. */
    follows: id.nullable().default(null),
    /** What to go through, drafted from the occurrence before when this one was made. */
    agenda: text(20_000).default(""),
  })
  .strict();
export type Meeting = z.infer<typeof meeting>;

export const decision = z
  .object({
    meeting: id.nullable().default(null),
    text: text(2000, 1),
    targets,
    decidedBy: personName.nullable().default(null),
    date: isoDate.nullable().default(null),
    /** The page and words it was imported from (minutes). */
    source: captureSource.nullable().default(null),
  })
  .strict();
export type Decision = z.infer<typeof decision>;

const textPositionSelector = z
  .object({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((value) => value.end >= value.start, "end must not come before start");
const xpathSelector = z
  .object({ type: z.literal("XPathSelector"), value: z.string().min(1).max(1000), refinedBy: textPositionSelector.optional() })
  .strict();
const cssSelector = z
  .object({ type: z.literal("CssSelector"), value: z.string().min(1).max(1000), refinedBy: textPositionSelector.optional() })
  .strict();
const rangeSelector = z
  .object({
    type: z.literal("RangeSelector"),
    startSelector: z.union([xpathSelector, cssSelector]),
    endSelector: z.union([xpathSelector, cssSelector]),
  })
  .strict();

/** The W3C Web Annotation selectors Liaison stores and serves. */
export const annotationSelector = z.union([textQuoteSelector, textPositionSelector, xpathSelector, cssSelector, rangeSelector]);
export type AnnotationSelector = z.infer<typeof annotationSelector>;

export const annotation = z
  .object({
    url: httpUrl,
    targets,
    selectors: z.array(annotationSelector).max(5).default([]),
    quote: text(4000).default(""),
    body: text(10_000).default(""),
    tags: z.array(text(40, 1)).max(20).default([]),
    visibility: z.enum(annotationVisibilities).default("workspace"),
    /** The annotation this one replies to. */
    parent: id.nullable().default(null),
    resolved: z.boolean().default(false),
    addressedTo: z
      .object({ department: departmentName.nullable().default(null), memberId: id.nullable().default(null) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type Annotation = z.infer<typeof annotation>;

/** A measurable indicator of a goal: where it started, where it should get, where it is. */
const indicator = z
  .object({
    id: id,
    name: text(120, 1),
    unit: text(20).default(""),
    baseline: z.number().finite(),
    target: z.number().finite(),
    current: z.number().finite(),
    /** The value when the current week began, so the weekly report can say what changed. */
    weekStartValue: z.number().finite().nullable().default(null),
    updatedOn: isoDate.nullable().default(null),
  })
  .strict()
  .refine((value) => value.target !== value.baseline, "target must differ from baseline");

export const goal = z
  .object({
    title: text(200, 1),
    description: text(4000).default(""),
    kind: z.enum(goalKinds).default("project"),
    /** The project goal a phase goal (milestone) belongs to. */
    parent: id.nullable().default(null),
    owner: personName.nullable().default(null),
    ownerId: id.nullable().default(null),
    departments: z.array(departmentName).max(30).default([]),
    due: isoDate.nullable().default(null),
    indicators: z.array(indicator).max(20).default([]),
    /** Tracker items that serve this goal. */
    targets,
    /** The owner's own reading of the goal's health, with the reason, over the computed one. */
    statusOverride: z
      .object({ status: z.enum(healthStatuses), reason: text(500, 1) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type Goal = z.infer<typeof goal>;

/** A department's weekly status: highlights, blockers and the help it needs from other departments. */
export const checkin = z
  .object({
    department: departmentName,
    week: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "must be an ISO week like 2026-W48"),
    status: z.enum(healthStatuses),
    highlights: text(4000).default(""),
    blockers: text(4000).default(""),
    helpNeeded: z
      .array(z.object({ department: departmentName, request: text(1000, 1) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type Checkin = z.infer<typeof checkin>;

/** A conflict or blocker between departments, to be settled by someone before a deadline. */
export const escalation = z
  .object({
    title: text(200, 1),
    departments: z.array(departmentName).min(1).max(10),
    targets,
    needs: z
      .array(z.object({ department: departmentName, need: text(1000, 1) }).strict())
      .max(10)
      .default([]),
    decider: personName.nullable().default(null),
    deciderId: id.nullable().default(null),
    deadline: isoDate.nullable().default(null),
    status: z.enum(escalationStatuses).default("open"),
    resolution: text(4000).default(""),
    /** The decision the resolution was recorded as. */
    decision: id.nullable().default(null),
  })
  .strict();
export type Escalation = z.infer<typeof escalation>;

/**
 * What the tracker itself last said about an item Liaison has records on, as a member's browser
 * read it on the item's page: its title, its state in the page's words and what that comes to,
 * and its assignees. One row per item (its id is made from the key), so teammates' readings meet.
 */
const trackerItem = z
  .object({
    target: targetKeySchema,
    title: text(300).default(""),
    state: text(60).default(""),
    status: z.enum(trackerStatuses).nullable().default(null),
    assignees: z.array(text(100, 1)).max(20).default([]),
    /** The day a member first saw it closed, merged or done (null while it is open): the weekly report's "closed in the tracker". */
    closedOn: isoDate.nullable().default(null),
  })
  .strict();
export type TrackerItem = z.infer<typeof trackerItem>;

/**
 * Every record kind's schema, by kind name. A kind in the registry (`./index.ts`) has its
 * schema here; test/shared/kinds.test.ts holds the two lists together.
 */
export const recordSchemas = {
  department,
  responsibility,
  risk,
  meeting,
  decision,
  action_item: actionItem,
  annotation,
  goal,
  checkin,
  escalation,
  tracker_item: trackerItem,
} as const;

/** The fields of a record of the kind named N (unknown for a kind with no schema here). */
export type RecordFields<N extends string> = N extends keyof typeof recordSchemas ? z.output<(typeof recordSchemas)[N]> : unknown;
