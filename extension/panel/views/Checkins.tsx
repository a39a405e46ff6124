// Weekly check-ins in the side panel's "My work": my department's check-in form, this week's check-ins and the help asked of mine.
import { useState } from "preact/hooks";
import { isoWeek } from "../../../shared/dates";
import type { Checkin } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { healthStatuses } from "../../../shared/vocabulary";
import type { Member } from "../../../shared/workspace";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { t } from "../../ui/i18n";
import { healthLabels } from "../../ui/labels";
import { departmentChoices, NamePicker } from "../../ui/NamePicker";
import { RecordLink } from "../details/RecordLink";
import { save } from "../mutate";
import type { PanelData, Row } from "../panel-data";

/** This week's check-in for my department: status, highlights, blockers, help needed from others. */
export function CheckinForm({ data, me, today }: { data: PanelData; me: Member; today: string }) {
  const week = isoWeek(today);
  const existing = data.checkins.find((c) => c.data.department === me.department && c.data.week === week);
  const [form, set, setForm] = useFormState({
    status: existing?.data.status ?? "on-track",
    highlights: existing?.data.highlights ?? "",
    blockers: existing?.data.blockers ?? "",
    helpDepartment: "",
    helpRequest: "",
  });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const departments = departmentChoices(
    data.members,
    data.departments.map((d) => d.data.name),
  ).filter((d) => d !== me.department);
  return (
    <form
      class="stacked-form checkin-form"
      aria-label={t("checkinTitle", [me.department, week])}
      onSubmit={(event) => {
        event.preventDefault();
        const helpNeeded = [
          ...(existing?.data.helpNeeded ?? []),
          ...(form.helpDepartment.trim() && form.helpRequest.trim()
            ? [{ department: form.helpDepartment.trim(), request: form.helpRequest.trim() }]
            : []),
        ];
        const fields: Partial<Checkin> = {
          department: me.department,
          week,
          status: form.status as Checkin["status"],
          highlights: form.highlights,
          blockers: form.blockers,
          helpNeeded,
        };
        save("checkin", fields, existing?.id)
          .then(() => {
            setSaved(true);
            setForm({ ...form, helpDepartment: "", helpRequest: "" });
            setError(null);
          })
          .catch((e: Error) => setError(e.message));
      }}
    >
      <h2>{t("checkinTitle", [me.department, week])}</h2>
      <label>
        {t("fieldStatus")}
        <select value={form.status} onChange={set("status")}>
          {healthStatuses.map((s) => (
            <option key={s} value={s}>
              {t(healthLabels[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("checkinHighlights")}
        <textarea maxLength={maxLengths.checkin.highlights} value={form.highlights} onInput={set("highlights")} />
      </label>
      <label>
        {t("checkinBlockers")}
        <textarea maxLength={maxLengths.checkin.blockers} value={form.blockers} onInput={set("blockers")} />
      </label>
      <label>
        {t("checkinHelpFrom")}
        <NamePicker
          departments={departments}
          maxLength={maxLengths.department}
          value={form.helpDepartment}
          onInput={set("helpDepartment")}
        />
      </label>
      <label>
        {t("checkinHelpRequest")}
        <input maxLength={maxLengths.checkin.helpRequest} value={form.helpRequest} onInput={set("helpRequest")} />
      </label>
      <button type="submit" class="primary">
        {existing ? t("checkinUpdate") : t("checkinPost")}
      </button>
      {saved && <span role="status">{t("checkinSaved")}</span>}
      <ErrorNote error={error} />
    </form>
  );
}

/** Check-ins of this week, and the requests for help addressed to my department. */
export function CheckinsForMe({ checkins, department, week }: { checkins: Row<Checkin>[]; department: string; week: string }) {
  const requests = checkins.flatMap((c) =>
    c.data.helpNeeded
      .filter((h) => h.department === department)
      .map((h) => ({ id: `${c.id}/${h.request}`, from: c.data.department, request: h.request })),
  );
  const thisWeek = checkins.filter((c) => c.data.week === week);
  return (
    <>
      <section aria-labelledby="help-requests">
        <h2 id="help-requests">
          {t("helpRequestsTitle", department)} ({requests.length})
        </h2>
        <ul class="plain help-requests">
          {requests.map((r) => (
            <li key={r.id}>
              <strong>{r.from}</strong>: {r.request}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="week-checkins">
        <h2 id="week-checkins">
          {t("weekCheckins", week)} ({thisWeek.length})
        </h2>
        <ul class="plain">
          {thisWeek.map(({ id, data: c }) => (
            <li key={id}>
              <strong>
                <RecordLink entity="checkin" id={id}>
                  {c.department}
                </RecordLink>
              </strong>{" "}
              · <span class={`health ${c.status}`}>{t(healthLabels[c.status])}</span>
              {c.blockers && <p class="muted">{c.blockers}</p>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
