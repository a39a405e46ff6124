// Recurring meetings (例会): when the next occurrence falls, and the agenda it opens with, drafted from the one before.
import { addDays } from "./dates";
import type { ActionItem, Decision, Escalation, Meeting, Risk } from "./entities";
import type { meetingRepeats } from "./vocabulary";

type Repeats = (typeof meetingRepeats)[number];

const stepDays: Record<Repeats, number> = { weekly: 7, "every-2-weeks": 14 };

/**
 * The day of the occurrence after one held on `date`: a week or two later; when occurrences were
 * skipped since, the latest day on the same cadence that has come by `today`.
 */
export function nextOccurrenceDate(date: string, repeats: Repeats, today: string): string {
  const step = stepDays[repeats];
  let next = addDays(date, step);
  while (addDays(next, step) <= today) next = addDays(next, step);
  return next;
}

interface Row<T> {
  id: string;
  data: T;
}

/** What the next occurrence's agenda is drafted from: the occurrence before, the day of the next one, and the workspace's records. */
interface AgendaInput {
  last: Row<Meeting>;
  /** The next occurrence's day: risks whose review falls by then are due. */
  date: string;
  actionItems: readonly Row<ActionItem>[];
  decisions: readonly Row<Decision>[];
  escalations: readonly Row<Escalation>[];
  risks: readonly Row<Risk>[];
}

/** The agenda's four parts, each holding the records it lists, in the order they are gone through. */
interface AgendaDraft {
  /** The last occurrence's action items still open: done or not? */
  openActionItems: Row<ActionItem>[];
  /** Escalations awaiting decision that involve the meeting's departments. */
  escalations: Row<Escalation>[];
  /** Risks of the meeting's departments whose review falls by the next occurrence. */
  risksToReview: Row<Risk>[];
  /** The last occurrence's decisions, to confirm. */
  decisionsToConfirm: Row<Decision>[];
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

// An undated record comes after every dated one; ties keep the records' order.
const byDay =
  <T>(day: (data: T) => string | null) =>
  (a: Row<T>, b: Row<T>) => {
    const [x, y] = [day(a.data) ?? "~", day(b.data) ?? "~"];
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * Drafts the next occurrence's agenda. A meeting with no departments concerns the whole
 * workspace: every escalation awaiting decision and every risk due for review then belongs on it.
 */
export function draftAgenda(input: AgendaInput): AgendaDraft {
  const { last, date } = input;
  const departments = last.data.departments;
  const concerns = (names: readonly (string | null)[]) =>
    departments.length === 0 || names.some((name) => name !== null && departments.some((d) => sameName(d, name)));
  return {
    openActionItems: input.actionItems
      .filter(({ data }) => data.meeting === last.id && data.status === "open")
      .sort(byDay((item) => item.due)),
    escalations: input.escalations
      .filter(({ data }) => data.status === "open" && concerns(data.departments))
      .sort(byDay((escalation) => escalation.deadline)),
    risksToReview: input.risks
      .filter(({ data }) => data.status !== "closed" && data.reviewOn !== null && data.reviewOn <= date && concerns([data.department]))
      .sort(byDay((risk) => risk.reviewOn)),
    decisionsToConfirm: input.decisions.filter(({ data }) => data.meeting === last.id),
  };
}

/** The words the agenda's text is written with, in the reader's language. */
export interface AgendaLabels {
  openActionItems: string;
  escalations: string;
  risksToReview: string;
  decisionsToConfirm: string;
  owner: string;
  due: string;
  decider: string;
  deadline: string;
  review: string;
  none: string;
}

/** One line of user text: line breaks folded into spaces. */
const oneLine = (value: string) => value.replace(/\s*\n\s*/g, " ").trim();

function detail(parts: [string, string | null][]): string {
  const shown = parts.filter((part): part is [string, string] => part[1] !== null && part[1] !== "");
  return shown.length ? ` (${shown.map(([label, value]) => `${label}: ${oneLine(value)}`).join("; ")})` : "";
}

/**
 * The agenda as the text the meeting opens with: a heading per part and a line per record,
 * "None" under an empty part, so that the attendees see it was looked at.
 */
export function agendaText(draft: AgendaDraft, labels: AgendaLabels): string {
  const part = (heading: string, lines: string[]) => [`## ${heading}`, ...(lines.length ? lines : [`- ${labels.none}`]), ""];
  return [
    ...part(
      labels.openActionItems,
      draft.openActionItems.map(
        ({ data }) =>
          `- [ ] ${oneLine(data.text)}${detail([
            [labels.owner, data.owner],
            [labels.due, data.due],
          ])}`,
      ),
    ),
    ...part(
      labels.escalations,
      draft.escalations.map(
        ({ data }) =>
          `- ${oneLine(data.title)} (${data.departments.join(" / ")})${detail([
            [labels.decider, data.decider],
            [labels.deadline, data.deadline],
          ])}`,
      ),
    ),
    ...part(
      labels.risksToReview,
      draft.risksToReview.map(
        ({ data }) =>
          `- ${oneLine(data.title)} (${data.likelihood}×${data.impact})${detail([
            [labels.owner, data.owner],
            [labels.review, data.reviewOn],
          ])}`,
      ),
    ),
    ...part(
      labels.decisionsToConfirm,
      draft.decisionsToConfirm.map(({ data }) => `- ${oneLine(data.text)}`),
    ),
  ]
    .join("\n")
    .trimEnd();
}

/** The fields of the next occurrence of a recurring meeting: the same title, departments and attendees, on its day, with its agenda. */
export function nextOccurrence(last: Row<Meeting>, date: string, agenda: string): Partial<Meeting> {
  const { title, departments, attendees, repeats, url } = last.data;
  return { title, date, departments, attendees, repeats, url, follows: last.id, agenda };
}

/**
 * The recurring meetings whose next occurrence is not made yet: each series' latest occurrence
 * (no meeting follows it), with the day the next one falls on.
 */
export function seriesAwaitingNext(meetings: readonly Row<Meeting>[], today: string): { last: Row<Meeting>; date: string }[] {
  const followed = new Set(meetings.map(({ data }) => data.follows).filter((id): id is string => id !== null));
  return meetings.flatMap((meeting) =>
    meeting.data.repeats && !followed.has(meeting.id)
      ? [{ last: meeting, date: nextOccurrenceDate(meeting.data.date, meeting.data.repeats, today) }]
      : [],
  );
}
