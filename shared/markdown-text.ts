// The pieces every Markdown export writes with: escaped user text, the reader's labels, and "None" for an empty list.
import type { Health } from "./goals";
import type { RiskLevel } from "./summary";
import type { riskStatuses } from "./vocabulary";

/** User text on one Markdown line: line breaks folded, characters that would start markup escaped. */
export function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/([\\`*_[\]<>|])/g, "\\$1");
}

export interface Dated<T> {
  id: string;
  data: T;
  meta: { createdAt: string; updatedAt: string };
}

/** Labels the Markdown uses, so the report and minutes come out in the reader's language. */
export interface MarkdownLabels {
  minutes: string;
  date: string;
  departments: string;
  attendees: string;
  notes: string;
  decisions: string;
  actionItems: string;
  owner: string;
  due: string;
  none: string;
  weeklyReport: string;
  done: string;
  open: string;
  overdue: string;
  risks: string;
  noDepartment: string;
  goals: string;
  checkins: string;
  escalationsOpened: string;
  escalationsDecided: string;
  sinceLastWeek: string;
  closedInTracker: string;
  openActionsLeft: string;
  health: Record<Health, string>;
  riskLevels: Record<RiskLevel, string>;
  riskStatuses: Record<(typeof riskStatuses)[number], string>;
  /** Each record kind's name (`kind_<name>` in the catalogues), for the headings of kinds with no label of their own. */
  kinds?: Record<string, string>;
}

export const englishLabels: MarkdownLabels = {
  minutes: "Minutes",
  date: "Date",
  departments: "Departments",
  attendees: "Attendees",
  notes: "Notes",
  decisions: "Decisions",
  actionItems: "Action items",
  owner: "owner",
  due: "due",
  none: "None",
  weeklyReport: "Weekly report",
  done: "Done",
  open: "Open",
  overdue: "Overdue",
  risks: "New or changed risks",
  noDepartment: "No department",
  goals: "Goals",
  checkins: "Department check-ins",
  escalationsOpened: "Escalations opened",
  escalationsDecided: "Escalations decided",
  sinceLastWeek: "since last week",
  closedInTracker: "Closed in the tracker",
  openActionsLeft: "action items still open",
  health: { "on-track": "on track", "at-risk": "at risk", "off-track": "off track" },
  riskLevels: { low: "low", medium: "medium", high: "high", critical: "critical" },
  riskStatuses: { open: "open", mitigating: "mitigating", accepted: "accepted", closed: "closed", occurred: "occurred" },
};

/** A kind's name for a heading: the reader's word for it, else the kind's own name. */
export const kindLabel = (labels: MarkdownLabels, kind: string) => labels.kinds?.[kind] ?? kind;

/** The lines of a list, or one "None" line for an empty one. */
export const orNone = (lines: string[], labels: MarkdownLabels) => (lines.length > 0 ? lines : [`- ${labels.none}`]);
