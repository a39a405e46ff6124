// What a record kind declares, once: its fields, who may change it, how it links to tracker items, and its part in search, the chip, the weekly report and the gaps.
import type { Dated, MarkdownLabels } from "../markdown-text";
import type { SummaryPart } from "../summary";
import type { RecordFields } from "./schemas";

export interface EntityPolicy {
  /** Only workspace admins may change it. */
  adminOnly?: boolean;
  /** Only its author may change or delete it, and a stale baseVersion is refused (409) instead of merged. */
  authorOnly?: boolean;
  /** What was seen last wins: edits name no base version, so a teammate's newer reading never makes a conflict to settle. */
  lastSeenWins?: boolean;
}

/**
 * How a record names the tracker items it is about: one key in `target`, a list in `targets`,
 * or none (a meeting, a department, a check-in).
 */
type Links = "target" | "targets" | "none";

/** What the coordination gaps view lists; a kind's gap rules fill some of it. */
export interface CoordinationGaps {
  /** Items the team tracks (anything shown on their chip) with nobody accountable. */
  noAccountable: string[];
  severalAccountable: string[];
  noResponsible: string[];
  unownedActions: string[];
  undatedActions: string[];
  /** Open overdue action items per department ("" for none), most first. */
  overdueByDepartment: Array<{ department: string; count: number }>;
  /** Items the tracker says are closed, merged or done that still have open action items. */
  closedWithOpenActions: string[];
  /** Items whose assignees in the tracker include nobody the team holds accountable. */
  assigneeNotAccountable: string[];
}

/** The week a report is written for, and the other kinds' records a kind's lines may draw on. */
export interface ReportWeek {
  monday: string;
  sunday: string;
  /** The last day the report can speak for: today, or the week's Sunday for a past week. */
  asOf: string;
  labels: MarkdownLabels;
  records(kind: string): Dated<unknown>[];
}

/** Lines a kind writes under each department's heading of the weekly report. */
interface DepartmentLines<T> {
  department(record: T): string | null;
  /** `shown` counts the records the lines are about: a department with none anywhere is left out. */
  lines(records: Dated<T>[], week: ReportWeek): { shown: number; lines: string[] };
}

interface RecordKind<Name extends string = string, List extends string = string, T = unknown> {
  /** The entity name in sync, the stores and the catalogues (`kind_<name>`). */
  name: Name;
  /** The name of the panel's list of these records (`PanelData[list]`) and of the report's input. */
  list: List;
  /** Shared records merge field by field in server order; a policy is the exception. */
  policy?: EntityPolicy;
  links: Links;
  /** What a search hit shows (`title`) and the further text it is found by. */
  search?(record: T): { title: string; text: Array<string | null | undefined> };
  /** What these records, all about one item, add to its chip: counts add up, lists join, the rest is set. */
  summary?(records: T[], today: string): SummaryPart;
  report?: {
    byDepartment?: DepartmentLines<T>;
    /** A section of its own after the departments' (empty for none). */
    section?(records: Dated<T>[], week: ReportWeek): string[];
  };
  /** Coordination gaps these records show; `items` are the items the team tracks, `records` another kind's rows. */
  gaps?(
    records: Array<{ id: string; data: T }>,
    context: { items: string[]; today: string; records(kind: string): Array<{ id: string; data: unknown }> },
  ): Partial<CoordinationGaps>;
}

/** A declared kind: its declaration, and the keys of the tracker items a record of it is about. */
export type DeclaredKind<Name extends string = string, List extends string = string, T = unknown> = RecordKind<Name, List, T> & {
  keys(record: T): string[];
};

/** The record's item keys as its `links` say; lenient with rows older or smaller than the schema. */
function keysBy(links: Links, record: unknown): string[] {
  const fields = (record ?? {}) as { target?: unknown; targets?: unknown };
  if (links === "target") return typeof fields.target === "string" ? [fields.target] : [];
  if (links === "targets")
    return Array.isArray(fields.targets) ? [...new Set(fields.targets.filter((key) => typeof key === "string"))] : [];
  return [];
}

/**
 * Declares a kind. Its records' type is that of its schema in `./schemas.ts`, found by its name
 * (the schema itself stays there, out of the panel's bundle).
 */
export function defineKind<const Name extends string, const List extends string, T = RecordFields<Name>>(
  kind: RecordKind<Name, List, T>,
): DeclaredKind<Name, List, T> {
  return { ...kind, keys: (record) => keysBy(kind.links, record) };
}
