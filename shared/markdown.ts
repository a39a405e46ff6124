// Markdown exports: a meeting's minutes and the weekly report, in the reader's language.
import { addDays, isoWeek } from "./dates";
import type { ActionItem, Decision, Meeting } from "./entities";
import { type AnyKind, type KindRecord, kindNamed, recordKinds, recordsOf } from "./kinds";
import { actionLine } from "./kinds/action-item";
import type { ReportWeek } from "./kinds/kind";
import { type Dated, englishLabels, inline, type MarkdownLabels, orNone } from "./markdown-text";

export { englishLabels, inline, type MarkdownLabels };

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
    ...orNone(
      decisions.map((d) => `- ${inline(d.text)}${d.targets.length ? ` (${d.targets.join(", ")})` : ""}`),
      labels,
    ),
    "",
    `## ${labels.actionItems}`,
    "",
    ...orNone(
      actionItems.map((item) => actionLine(item, labels)),
      labels,
    ),
    "",
  ].join("\n");
}

/** The report's input: the week, and each kind's records under its list name (`actionItems`, `risks`, ...). */
type ReportInput = { monday: string; today: string } & Partial<{
  [K in (typeof recordKinds)[number] as K["list"]]: Dated<KindRecord<K>>[];
}>;

/**
 * The weekly progress report for the week starting `monday`: per department, what each kind
 * writes there (action items done, open and overdue; new or changed risks), then each kind's
 * own section (decisions, goals, check-ins, escalations).
 */
export function weeklyReportMarkdown(input: ReportInput, labels = englishLabels, kinds: readonly AnyKind[] = recordKinds): string {
  const { monday, today } = input;
  const sunday = addDays(monday, 6);
  // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, which Math.min cannot compare.
  const asOf = today < sunday ? today : sunday;
  const of = (kind: AnyKind) => recordsOf<Dated<unknown>>(input, kind);
  const week: ReportWeek = {
    monday,
    sunday,
    asOf,
    labels,
    records: (name) => {
      const kind = kindNamed(name, kinds);
      return kind ? of(kind) : [];
    },
  };
  const byDepartment = kinds.flatMap((kind) => (kind.report?.byDepartment ? [{ kind, part: kind.report.byDepartment }] : []));
  const departments = new Set<string>();
  for (const { kind, part } of byDepartment) for (const { data } of of(kind)) departments.add(part.department(data) ?? "");
  const lines = [`# ${labels.weeklyReport} ${isoWeek(monday)} (${monday} – ${sunday})`, ""];
  for (const department of [...departments].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))) {
    const parts = byDepartment.map(({ kind, part }) =>
      part.lines(
        of(kind).filter(({ data }) => (part.department(data) ?? "") === department),
        week,
      ),
    );
    if (parts.every((part) => part.shown === 0)) continue;
    lines.push(`## ${department ? inline(department) : labels.noDepartment}`, "", ...parts.flatMap((part) => part.lines));
  }
  for (const kind of kinds) if (kind.report?.section) lines.push(...kind.report.section(of(kind), week));
  return lines.join("\n");
}
