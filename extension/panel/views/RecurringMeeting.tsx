// Recurring meetings (例会) in the Meetings tab: how often one repeats, its agenda, and its next occurrence opened with the agenda drafted from the last.
import { useState } from "preact/hooks";
import { agendaText, draftAgenda, nextOccurrence, nextOccurrenceDate, seriesAwaitingNext } from "../../../shared/agenda";
import type { Meeting } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { meetingRepeats } from "../../../shared/vocabulary";
import { ErrorNote } from "../../ui/ErrorNote";
import { formatDay, t } from "../../ui/i18n";
import { meetingRepeatLabels } from "../../ui/labels";
import { save } from "../mutate";
import type { PanelData } from "../panel-data";
import { agendaLabels } from "./labels";

type Repeats = Meeting["repeats"];

/** "Repeats": does not repeat, every week, every two weeks. */
export function RepeatsSelect({ value, onChange }: { value: Repeats; onChange: (value: Repeats) => void }) {
  return (
    <label>
      {t("fieldRepeats")}
      <select value={value ?? ""} onChange={(event) => onChange((event.currentTarget.value || null) as Repeats)}>
        {(["", ...meetingRepeats] as const).map((option) => (
          <option key={option} value={option}>
            {t(meetingRepeatLabels[option])}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Makes the next occurrence of a recurring meeting, on `date`, with its agenda drafted from
 * `last`: its open action items and decisions, and the escalations and risk reviews of its departments.
 */
function startNextOccurrence(data: PanelData, last: { id: string; data: Meeting }, date: string): Promise<{ id: string }> {
  const draft = draftAgenda({
    last,
    date,
    actionItems: data.actionItems,
    decisions: [...data.decisions].sort((a, b) => (a.meta.createdAt < b.meta.createdAt ? -1 : a.meta.createdAt > b.meta.createdAt ? 1 : 0)),
    escalations: data.escalations,
    risks: data.risks,
  });
  return save("meeting", nextOccurrence(last, date, agendaText(draft, agendaLabels())));
}

/** The recurring meetings whose next occurrence has come and is not made yet, each offered with one button. */
export function DueOccurrences({ data, today, onOpened }: { data: PanelData; today: string; onOpened: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const due = seriesAwaitingNext(data.meetings, today).filter(({ date }) => date <= today);
  if (due.length === 0) return null;
  return (
    <section class="due-occurrences" aria-labelledby="due-occurrences">
      <h3 id="due-occurrences">{t("occurrencesDue")}</h3>
      <ul class="plain">
        {due.map(({ last, date }) => (
          <li key={last.id}>
            {last.data.title} <span class="muted">{formatDay(date)}</span>{" "}
            <button
              type="button"
              onClick={() =>
                startNextOccurrence(data, last, date)
                  .then(({ id }) => onOpened(id))
                  .catch((e: Error) => setError(e.message))
              }
            >
              {t("nextOccurrence")}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}

/**
 * A meeting's recurring parts in its details: how often it repeats, its agenda (saved when the
 * field is left), and for the latest occurrence of a series, "Next occurrence".
 */
export function RecurringParts({
  data,
  meetingId,
  today,
  onOpened,
}: {
  data: PanelData;
  meetingId: string;
  today: string;
  onOpened: (id: string) => void;
}) {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  const [agenda, setAgenda] = useState(meeting?.data.agenda ?? "");
  const [error, setError] = useState<string | null>(null);
  if (!meeting) return null;
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.catch((e: Error) => setError(e.message));
  };
  const { repeats } = meeting.data;
  const hasNext = data.meetings.some((m) => m.data.follows === meetingId);
  const nextDate = repeats ? nextOccurrenceDate(meeting.data.date, repeats, today) : null;
  return (
    <div class="recurring">
      <RepeatsSelect value={repeats} onChange={(value) => run(save("meeting", { repeats: value }, meetingId))} />
      {nextDate && !hasNext && (
        <button type="button" onClick={() => run(startNextOccurrence(data, meeting, nextDate).then(({ id }) => onOpened(id)))}>
          {t("nextOccurrence")} ({formatDay(nextDate)})
        </button>
      )}
      <label class="block">
        {t("meetingAgenda")}
        <textarea
          rows={8}
          maxLength={maxLengths.meeting.agenda}
          value={agenda}
          onInput={(e) => setAgenda(e.currentTarget.value)}
          onBlur={() => agenda !== meeting.data.agenda && run(save("meeting", { agenda }, meetingId))}
        />
      </label>
      <ErrorNote error={error} />
    </div>
  );
}
