// The side panel's "Meetings" tab: cross-department meetings with notes, decisions and action items, and their minutes as Markdown.
import { useState } from "preact/hooks";
import { compareCodeUnits } from "../../../shared/dates";
import type { Meeting } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { minutesMarkdown } from "../../../shared/markdown";
import { parseTargetList } from "../../../shared/target-input";
import type { Member } from "../../../shared/workspace";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { formatDay, t } from "../../ui/i18n";
import { NamePicker } from "../../ui/NamePicker";
import { ActionItemList } from "../ActionItemList";
import { toActionItemView } from "../action-items";
import { RecordLink } from "../details/RecordLink";
import { ItemNames } from "../ItemName";
import { save } from "../mutate";
import type { PanelData } from "../panel-data";
import { toggleDone } from "./actions";
import { CopyMarkdown } from "./CopyMarkdown";
import { markdownLabels } from "./labels";
import { DueOccurrences, RecurringParts, RepeatsSelect } from "./RecurringMeeting";

const splitNames = (value: string) =>
  value
    .split(/[,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Cross-department meetings: create one, take notes, record decisions and action items, export the minutes. */
export function Meetings({ data, today, knownKeys }: { data: PanelData; today: string; knownKeys: string[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const meetings = [...data.meetings].sort(
    (a, b) => compareCodeUnits(b.data.date, a.data.date) || compareCodeUnits(b.meta.createdAt, a.meta.createdAt),
  );
  const open = meetings.find((m) => m.id === openId);
  if (open)
    return (
      <MeetingDetail
        key={open.id}
        data={data}
        meetingId={open.id}
        knownKeys={knownKeys}
        today={today}
        onOpen={setOpenId}
        onBack={() => setOpenId(null)}
      />
    );
  return (
    <div class="meetings">
      <NewMeeting today={today} members={data.members} onCreated={setOpenId} />
      <DueOccurrences data={data} today={today} onOpened={setOpenId} />
      {meetings.length === 0 ? (
        <p class="empty">{t("meetingsEmpty")}</p>
      ) : (
        <ul class="plain meeting-list">
          {meetings.map(({ id, data: meeting }) => (
            <li key={id}>
              <button type="button" class="link" onClick={() => setOpenId(id)}>
                {meeting.title}
              </button>{" "}
              <span class="muted">
                {formatDay(meeting.date)} · {meeting.departments.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewMeeting({ today, members, onCreated }: { today: string; members: Member[]; onCreated: (id: string) => void }) {
  const [form, set, setForm] = useFormState({ title: "", date: today, departments: "", attendees: "" });
  const [repeats, setRepeats] = useState<Meeting["repeats"]>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="stacked-form"
      aria-label={t("newMeeting")}
      onSubmit={(event) => {
        event.preventDefault();
        save("meeting", {
          title: form.title,
          date: form.date,
          departments: splitNames(form.departments),
          attendees: splitNames(form.attendees),
          repeats,
        })
          .then(({ id }) => {
            setForm({ title: "", date: today, departments: "", attendees: "" });
            setRepeats(null);
            setError(null);
            onCreated(id);
          })
          .catch((e: Error) => setError(e.message));
      }}
    >
      <h2>{t("newMeeting")}</h2>
      <label>
        {t("fieldTitle")}
        <input required maxLength={maxLengths.meeting.title} value={form.title} onInput={set("title")} />
      </label>
      <label>
        {t("fieldDate")}
        <input type="date" required value={form.date} onInput={set("date")} />
      </label>
      <label>
        {t("fieldDepartments")}
        <input value={form.departments} placeholder="Engineering, Legal" onInput={set("departments")} />
      </label>
      <label>
        {t("fieldAttendees")}
        <NamePicker people={members} value={form.attendees} onInput={set("attendees")} />
      </label>
      <RepeatsSelect value={repeats} onChange={setRepeats} />
      <button type="submit" class="primary">
        {t("createMeeting")}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

function MeetingDetail({
  data,
  meetingId,
  knownKeys,
  today,
  onOpen,
  onBack,
}: {
  data: PanelData;
  meetingId: string;
  knownKeys: string[];
  today: string;
  onOpen: (id: string) => void;
  onBack: () => void;
}) {
  const meeting = data.meetings.find((m) => m.id === meetingId)?.data;
  const [notes, setNotes] = useState(meeting?.notes ?? "");
  const [decision, setDecisionField, setDecision] = useFormState({ text: "", targets: "" });
  const [action, setActionField, setAction] = useFormState({ text: "", owner: "", due: "", targets: "" });
  const [error, setError] = useState<string | null>(null);
  if (!meeting) return null;
  const decisions = data.decisions.filter((d) => d.data.meeting === meetingId);
  const actions = data.actionItems.filter((a) => a.data.meeting === meetingId);
  const targetsOf = (input: string) => {
    const parsed = parseTargetList(input, knownKeys);
    if (parsed.unknown.length) throw new Error(t("unknownTargets", parsed.unknown.join(", ")));
    return parsed.keys;
  };
  const run = (work: () => Promise<unknown>) => {
    setError(null);
    try {
      work().catch((e: Error) => setError(e.message));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const minutes = minutesMarkdown(
    meeting,
    decisions.map((d) => d.data),
    actions.map((a) => a.data),
    markdownLabels(),
  );
  return (
    <div class="meeting">
      <button type="button" class="link" onClick={onBack}>
        ← {t("allMeetings")}
      </button>
      <h2>
        <RecordLink entity="meeting" id={meetingId}>
          {meeting.title}
        </RecordLink>
      </h2>
      <p class="muted">
        {formatDay(meeting.date)} · {meeting.departments.join(", ") || "—"} · {meeting.attendees.join(", ") || "—"}
      </p>
      <RecurringParts data={data} meetingId={meetingId} today={today} onOpened={onOpen} />
      <label class="block">
        {t("meetingNotes")}
        <textarea
          rows={5}
          maxLength={maxLengths.meeting.notes}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => notes !== meeting.notes && run(() => save("meeting", { notes }, meetingId))}
        />
      </label>
      <section aria-labelledby="meeting-decisions">
        <h3 id="meeting-decisions">
          {t("decisionsTitle")} ({decisions.length})
        </h3>
        <ul class="plain">
          {decisions.map(({ id, data: d }) => (
            <li key={id}>
              <RecordLink entity="decision" id={id}>
                {d.text}
              </RecordLink>{" "}
              {d.targets.length > 0 && (
                <span class="muted">
                  {" "}
                  (<ItemNames targets={d.targets} />)
                </span>
              )}
            </li>
          ))}
        </ul>
        <form
          class="inline-form"
          aria-label={t("addDecision")}
          onSubmit={(event) => {
            event.preventDefault();
            run(async () => {
              await save("decision", { text: decision.text, meeting: meetingId, targets: targetsOf(decision.targets), date: meeting.date });
              setDecision({ text: "", targets: "" });
            });
          }}
        >
          <label>
            {t("fieldDecision")}
            <input required maxLength={maxLengths.decision.text} value={decision.text} onInput={setDecisionField("text")} />
          </label>
          <label>
            {t("fieldTargets")}
            <input value={decision.targets} placeholder="ACME-42, acme/app#7" onInput={setDecisionField("targets")} />
          </label>
          <button type="submit">{t("addDecision")}</button>
        </form>
      </section>
      <section aria-labelledby="meeting-actions">
        <h3 id="meeting-actions">
          {t("panelTitle")} ({actions.length})
        </h3>
        <ActionItemList items={actions.map(toActionItemView)} emptyText={t("nothingHere")} onToggleDone={toggleDone} />
        <form
          class="inline-form"
          aria-label={t("addActionItem")}
          onSubmit={(event) => {
            event.preventDefault();
            const member = data.members.find((m) => m.name === action.owner.trim());
            run(async () => {
              await save("action_item", {
                text: action.text,
                owner: action.owner.trim() || null,
                ownerId: member?.id ?? null,
                department: member?.department ?? null,
                due: action.due || null,
                targets: targetsOf(action.targets),
                meeting: meetingId,
              });
              setAction({ text: "", owner: "", due: "", targets: "" });
            });
          }}
        >
          <label>
            {t("fieldText")}
            <input required maxLength={maxLengths.actionItem.text} value={action.text} onInput={setActionField("text")} />
          </label>
          <label>
            {t("fieldOwner")}
            <NamePicker people={data.members} value={action.owner} onInput={setActionField("owner")} />
          </label>
          <label>
            {t("fieldDue")}
            <input type="date" value={action.due} onInput={setActionField("due")} />
          </label>
          <label>
            {t("fieldTargets")}
            <input value={action.targets} placeholder="ENG-12" onInput={setActionField("targets")} />
          </label>
          <button type="submit">{t("addActionItem")}</button>
        </form>
      </section>
      <ErrorNote error={error} />
      <CopyMarkdown label={t("exportMinutes")} markdown={minutes} />
    </div>
  );
}
