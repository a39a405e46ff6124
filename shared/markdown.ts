import { addDays, inWeek, isoWeek } from "./dates";
import type { ActionItem, Checkin, Decision, Escalation, Goal, Meeting, Risk } from "./entities";
import { goalProgress, type Health } from "./goals";
import { type RiskLevel, riskLevel, riskScore } from "./summary";

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
  health: Record<Health, string>;
  riskLevels: Record<RiskLevel, string>;
  riskStatuses: Record<Risk["status"], string>;
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
  health: { "on-track": "on track", "at-risk": "at risk", "off-track": "off track" },
  riskLevels: { low: "low", medium: "medium", high: "high", critical: "critical" },
  riskStatuses: { open: "open", mitigating: "mitigating", accepted: "accepted", closed: "closed", occurred: "occurred" },
};

const actionLine = (item: ActionItem, labels: MarkdownLabels) =>
  `- [${item.status === "done" ? "x" : " "}] ${inline(item.text)} (${labels.owner}: ${item.owner ? inline(item.owner) : "—"}${item.department ? `, ${inline(item.department)}` : ""}; ${labels.due}: ${item.due ?? "—"})`;

const list = (lines: string[], labels: MarkdownLabels) => (lines.length > 0 ? lines : [`- ${labels.none}`]);

/** A meeting's minutes: attendees, notes, decisions and action items with owners and due dates. */
export function minutesMarkdown(meeting: Meeting, decisions: Decision[], actionItems: ActionItem[], labels = englishLabels): string {
  return [
    `# ${labels.minutes}: ${inline(meeting.title)}`,
    "",
    `- ${labels.date}: ${meeting.date}`,
    `- ${labels.departments}: ${meeting.departments.map(inline).join(", ") || "—"}`,
    `- ${labels.attendees}: ${meeting.attendees.map(inline).join(", ") || "—"}`,
    "",
    ...(meeting.notes.trim() ? [`## ${labels.notes}`, "", meeting.notes.trim(), ""] : []),
    `## ${labels.decisions}`,
    "",
    ...list(
      decisions.map((d) => `- ${inline(d.text)}${d.targets.length ? ` (${d.targets.join(", ")})` : ""}`),
      labels,
    ),
    "",
    `## ${labels.actionItems}`,
    "",
    ...list(
      actionItems.map((item) => actionLine(item, labels)),
      labels,
    ),
    "",
  ].join("\n");
}

/**
 * The weekly progress report per department for the week starting `monday`: done that week,
 * open, overdue, new or changed risks, and decisions.
 */
export function weeklyReportMarkdown(
  input: {
    monday: string;
    today: string;
    actionItems: Dated<ActionItem>[];
    risks: Dated<Risk>[];
    decisions: Dated<Decision>[];
    meetings: Dated<Meeting>[];
    goals?: Dated<Goal>[];
    checkins?: Dated<Checkin>[];
    escalations?: Dated<Escalation>[];
  },
  labels = englishLabels,
): string {
  const { monday, today } = input;
  const sunday = addDays(monday, 6);
  // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, which Math.min cannot compare.
  const asOf = today < sunday ? today : sunday;
  const departments = new Set<string>();
  for (const { data } of input.actionItems) departments.add(data.department ?? "");
  for (const { data } of input.risks) departments.add(data.department ?? "");
  const meetingDate = new Map(input.meetings.map((m) => [m.id, m.data.date]));
  const lines = [`# ${labels.weeklyReport} ${isoWeek(monday)} (${monday} – ${sunday})`, ""];
  for (const department of [...departments].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))) {
    const items = input.actionItems.filter(({ data }) => (data.department ?? "") === department);
    const done = items.filter(({ data, meta }) => data.status === "done" && inWeek(meta.updatedAt, monday));
    const open = items.filter(({ data, meta }) => data.status === "open" && meta.createdAt.slice(0, 10) <= sunday);
    const overdue = open.filter(({ data }) => data.due !== null && data.due < asOf);
    const risks = input.risks.filter(
      ({ data, meta }) => (data.department ?? "") === department && (inWeek(meta.createdAt, monday) || inWeek(meta.updatedAt, monday)),
    );
    if (done.length + open.length + risks.length === 0) continue;
    lines.push(`## ${department ? inline(department) : labels.noDepartment}`, "");
    lines.push(
      `### ${labels.done} (${done.length})`,
      "",
      ...list(
        done.map((r) => actionLine(r.data, labels)),
        labels,
      ),
      "",
    );
    lines.push(
      `### ${labels.open} (${open.length})`,
      "",
      ...list(
        open.map((r) => actionLine(r.data, labels)),
        labels,
      ),
      "",
    );
    lines.push(
      `### ${labels.overdue} (${overdue.length})`,
      "",
      ...list(
        overdue.map((r) => actionLine(r.data, labels)),
        labels,
      ),
      "",
    );
    lines.push(
      `### ${labels.risks} (${risks.length})`,
      "",
      ...list(
        risks.map(
          ({ data }) =>
            `- ${inline(data.title)}: ${riskScore(data)} (${labels.riskLevels[riskLevel(riskScore(data))]}), ${labels.riskStatuses[data.status]}`,
        ),
        labels,
      ),
      "",
    );
  }
  const decisions = input.decisions.filter(({ data, meta }) => {
    const day = data.date ?? (data.meeting ? meetingDate.get(data.meeting) : undefined) ?? meta.createdAt;
    return inWeek(day, monday);
  });
  lines.push(
    `## ${labels.decisions} (${decisions.length})`,
    "",
    ...list(
      decisions.map(({ data }) => `- ${inline(data.text)}`),
      labels,
    ),
    "",
  );
  lines.push(...goalLines(input, monday, asOf, labels), ...checkinLines(input, monday, labels), ...escalationLines(input, monday, labels));
  return lines.join("\n");
}

type ReportInput = Parameters<typeof weeklyReportMarkdown>[0];

/** Goal progress, with each indicator's change since the week began. */
function goalLines(input: ReportInput, monday: string, asOf: string, labels: MarkdownLabels): string[] {
  const goals = input.goals ?? [];
  if (goals.length === 0) return [];
  const lines = [`## ${labels.goals} (${goals.length})`, ""];
  for (const { id, data: goal, meta } of goals) {
    const linked = input.actionItems.filter((a) => a.data.goal === id).map((a) => a.data);
    const progress = goalProgress(goal, meta.createdAt, linked, asOf);
    lines.push(
      `- ${inline(goal.title)}: ${Math.round(progress.progress * 100)}%, ${labels.health[progress.status]}${goal.due ? ` (${labels.due}: ${goal.due})` : ""}`,
    );
    for (const i of goal.indicators) {
      const change = i.updatedOn && i.updatedOn >= monday && i.weekStartValue !== null ? i.current - i.weekStartValue : 0;
      const delta = change === 0 ? "" : `, ${change > 0 ? "+" : ""}${Number(change.toFixed(2))} ${labels.sinceLastWeek}`;
      lines.push(`  - ${inline(i.name)}: ${i.current}${i.unit ? ` ${inline(i.unit)}` : ""} (${i.baseline} → ${i.target}${delta})`);
    }
  }
  return [...lines, ""];
}

/** Each department's check-in for the week, with the help it asked for. */
function checkinLines(input: ReportInput, monday: string, labels: MarkdownLabels): string[] {
  const week = isoWeek(monday);
  const checkins = (input.checkins ?? []).filter(({ data }) => data.week === week);
  if (checkins.length === 0) return [];
  const lines = [`## ${labels.checkins} (${checkins.length})`, ""];
  for (const { data } of checkins) {
    lines.push(`- ${inline(data.department)}: ${labels.health[data.status]}`);
    if (data.highlights.trim()) lines.push(`  - ${inline(data.highlights)}`);
    if (data.blockers.trim()) lines.push(`  - ${inline(data.blockers)}`);
    for (const help of data.helpNeeded) lines.push(`  - → ${inline(help.department)}: ${inline(help.request)}`);
  }
  return [...lines, ""];
}

/** Escalations opened and decided during the week. */
function escalationLines(input: ReportInput, monday: string, labels: MarkdownLabels): string[] {
  const escalations = input.escalations ?? [];
  const opened = escalations.filter(({ meta }) => inWeek(meta.createdAt, monday));
  const decided = escalations.filter(({ data, meta }) => data.status === "decided" && inWeek(meta.updatedAt, monday));
  if (opened.length + decided.length === 0) return [];
  return [
    `## ${labels.escalationsOpened} (${opened.length})`,
    "",
    ...list(
      opened.map(({ data }) => `- ${inline(data.title)} (${data.departments.map(inline).join(" / ")})`),
      labels,
    ),
    "",
    `## ${labels.escalationsDecided} (${decided.length})`,
    "",
    ...list(
      decided.map(({ data }) => `- ${inline(data.title)}: ${inline(data.resolution)}`),
      labels,
    ),
    "",
  ];
}
