// The escalations on the item in view, in the side panel: open one, settle one (its resolution becomes a decision).
import { useState } from "preact/hooks";
import type { Escalation } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { formatDay, t } from "../../ui/i18n";
import { escalationStatusLabels } from "../../ui/labels";
import { NamePicker } from "../../ui/NamePicker";
import { RecordLink } from "../details/RecordLink";
import { save } from "../mutate";
import type { PanelData, Row } from "../panel-data";

const split = (value: string) =>
  value
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The escalations on an item, settling one (its resolution becomes a decision), and opening a new one. */
export function Escalations({ data, target, today }: { data: PanelData; target: string; today: string }) {
  const rows = data.escalations.filter((e) => e.data.targets.includes(target));
  return (
    <section aria-labelledby="escalations-title">
      <h3 id="escalations-title">
        {t("escalationsTitle")} ({rows.filter((r) => r.data.status === "open").length})
      </h3>
      <ul class="plain">
        {rows.map((row) => (
          <EscalationRow key={row.id} row={row} today={today} />
        ))}
      </ul>
      <NewEscalation data={data} target={target} />
    </section>
  );
}

function EscalationRow({ row, today }: { row: Row<Escalation>; today: string }) {
  const e = row.data;
  const [resolution, setResolution] = useState("");
  const overdue = e.status === "open" && e.deadline !== null && e.deadline < today;
  return (
    <li class={`escalation ${overdue ? "overdue" : ""}`} data-escalation-id={row.id}>
      <strong>
        <RecordLink entity="escalation" id={row.id}>
          {e.title}
        </RecordLink>
      </strong>{" "}
      · {e.departments.join(" / ")} · {t(escalationStatusLabels[e.status])}
      {e.decider && ` · ${t("decider")}: ${e.decider}`}
      {e.deadline && <span class={overdue ? "due overdue" : "due"}> · {t("deadline", formatDay(e.deadline))}</span>}
      {e.needs.map((n) => (
        <p key={n.department} class="muted">
          {n.department}: {n.need}
        </p>
      ))}
      {e.status === "decided" && <p>{e.resolution}</p>}
      {e.status === "open" && (
        <form
          class="inline-form"
          aria-label={t("decideEscalation")}
          onSubmit={(event) => {
            event.preventDefault();
            // The outcome is recorded as a decision on the same items, so it shows wherever decisions do.
            void save("decision", { text: resolution, targets: e.targets, decidedBy: e.decider, date: today }).then(({ id }) =>
              save("escalation", { status: "decided", resolution, decision: id }, row.id),
            );
          }}
        >
          <label>
            {t("resolution")}
            <input
              required
              maxLength={maxLengths.decision.text}
              value={resolution}
              onInput={(ev) => setResolution(ev.currentTarget.value)}
            />
          </label>
          <button type="submit">{t("decideEscalation")}</button>
        </form>
      )}
    </li>
  );
}

function NewEscalation({ data, target }: { data: PanelData; target: string }) {
  const [form, set, setForm] = useFormState({ title: "", departments: "", needs: "", decider: "", deadline: "" });
  const [error, setError] = useState<string | null>(null);
  return (
    <details>
      <summary>{t("newEscalation")}</summary>
      <form
        class="stacked-form"
        aria-label={t("newEscalation")}
        onSubmit={(event) => {
          event.preventDefault();
          const departments = split(form.departments);
          // "Legal: sign-off by Friday" lines name what each side needs.
          const needs = form.needs
            .split("\n")
            .map((line) => /^([^:：]+)[:：]\s*(.+)$/.exec(line.trim()))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => ({ department: m[1].trim(), need: m[2].trim() }));
          const decider = data.members.find((m) => m.name === form.decider.trim());
          save("escalation", {
            title: form.title,
            departments,
            targets: [target],
            needs,
            decider: form.decider.trim() || null,
            deciderId: decider?.id ?? null,
            deadline: form.deadline || null,
          })
            .then(() => {
              setForm({ title: "", departments: "", needs: "", decider: "", deadline: "" });
              setError(null);
            })
            .catch((e: Error) => setError(e.message));
        }}
      >
        <label>
          {t("fieldTitle")}
          <input required maxLength={maxLengths.escalation.title} value={form.title} onInput={set("title")} />
        </label>
        <label>
          {t("fieldDepartments")}
          <input required value={form.departments} placeholder="Engineering, Legal" onInput={set("departments")} />
        </label>
        <label>
          {t("escalationNeeds")}
          <textarea value={form.needs} placeholder="Legal: sign-off on the DPA" onInput={set("needs")} />
        </label>
        <label>
          {t("decider")}
          <NamePicker people={data.members} maxLength={maxLengths.person} value={form.decider} onInput={set("decider")} />
        </label>
        <label>
          {t("fieldDeadline")}
          <input type="date" value={form.deadline} onInput={set("deadline")} />
        </label>
        <button type="submit" class="primary">
          {t("openEscalation")}
        </button>
        <ErrorNote error={error} />
      </form>
    </details>
  );
}
