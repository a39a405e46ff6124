// The side panel's "Goals" tab: goals and milestones as a tree, with progress, health, due dates and indicators edited in place.
import { useState } from "preact/hooks";
import { weekStart } from "../../../shared/dates";
import type { Goal } from "../../../shared/entities";
import { goalProgress, goalTree, indicatorProgress } from "../../../shared/goals";
import { maxLengths } from "../../../shared/limits";
import { parseTargetList } from "../../../shared/target-input";
import { goalKinds, healthStatuses } from "../../../shared/vocabulary";
import { newLocalId } from "../../store/local-rows";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { formatDay, t } from "../../ui/i18n";
import { goalKindLabels, healthLabels } from "../../ui/labels";
import { NamePicker } from "../../ui/NamePicker";
import { RecordLink } from "../details/RecordLink";
import { save } from "../mutate";
import type { PanelData, Row } from "../panel-data";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Goals and milestones as a tree with progress, due dates and owners; indicators edited in place. */
export function Goals({ data, today, knownKeys }: { data: PanelData; today: string; knownKeys: string[] }) {
  const tree = goalTree(data.goals);
  return (
    <div class="goals">
      {tree.length === 0 && <p class="empty">{t("goalsEmpty")}</p>}
      <ul class="plain goal-tree">
        {tree.map((goal) => (
          <li key={goal.id}>
            <GoalCard row={goal} data={data} today={today} />
            {goal.children.length > 0 && (
              <ul class="plain goal-children">
                {goal.children.map((child) => (
                  <li key={child.id}>
                    <GoalCard row={child} data={data} today={today} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <NewGoal data={data} knownKeys={knownKeys} />
    </div>
  );
}

function GoalCard({ row, data, today }: { row: Row<Goal>; data: PanelData; today: string }) {
  const goal = row.data;
  const linked = data.actionItems.filter((a) => a.data.goal === row.id).map((a) => a.data);
  const progress = goalProgress(goal, row.meta.createdAt, linked, today);
  const [error, setError] = useState<string | null>(null);
  const updateIndicator = (id: string, value: number) => {
    const monday = weekStart(today);
    const indicators = goal.indicators.map((i) =>
      i.id !== id
        ? i
        : {
            ...i,
            // The first change of a week keeps the value the week began with, for the weekly report.
            weekStartValue: !i.updatedOn || i.updatedOn < monday ? i.current : i.weekStartValue,
            current: value,
            updatedOn: today,
          },
    );
    save("goal", { indicators }, row.id).catch((e: Error) => setError(e.message));
  };
  return (
    <article class={`goal status-${progress.status}`} data-goal-id={row.id} aria-labelledby={`goal-${row.id}`}>
      <h3 id={`goal-${row.id}`}>
        <RecordLink entity="goal" id={row.id}>
          {goal.title}
        </RecordLink>{" "}
        <span class="kind">{t(goalKindLabels[goal.kind])}</span>
      </h3>
      <div
        class="progress"
        role="progressbar"
        aria-valuenow={Math.round(progress.progress * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={t("progress")}
      >
        <span style={{ width: percent(progress.progress) }} />
      </div>
      <p class="muted">
        {percent(progress.progress)} · <span class={`health ${progress.status}`}>{t(healthLabels[progress.status])}</span>
        {progress.overridden && goal.statusOverride && ` (${goal.statusOverride.reason})`}
        {goal.due && ` · ${t("due", formatDay(goal.due))}`}
        {goal.owner && ` · ${goal.owner}`}
        {progress.actionsTotal > 0 && ` · ${t("goalActions", [String(progress.actionsDone), String(progress.actionsTotal)])}`}
      </p>
      {goal.indicators.length > 0 && (
        <table class="indicators">
          <tbody>
            {goal.indicators.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.name}</th>
                <td>
                  <IndicatorInput
                    label={t("indicatorCurrent", i.name)}
                    value={i.current}
                    onCommit={(value) => updateIndicator(i.id, value)}
                  />{" "}
                  {i.unit}{" "}
                  <span class="muted">{t("indicatorRange", [String(i.baseline), String(i.target), percent(indicatorProgress(i))])}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddIndicator goalRow={row} onError={setError} />
      <StatusOverride goalRow={row} onError={setError} />
      <ErrorNote error={error} />
    </article>
  );
}

/**
 * An indicator's current value, edited in place. What is typed stays while the field has focus
 * (a teammate's change arriving meanwhile does not overwrite it) and is saved on Enter or blur.
 */
function IndicatorInput({ label, value, onCommit }: { label: string; value: number; onCommit: (value: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const next = Number(draft);
    setDraft(null);
    if (draft.trim() !== "" && Number.isFinite(next) && next !== value) onCommit(next);
  };
  return (
    <label>
      <span class="visually-hidden">{label}</span>
      <input
        type="number"
        step="any"
        value={draft ?? String(value)}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </label>
  );
}

function AddIndicator({ goalRow, onError }: { goalRow: Row<Goal>; onError: (message: string) => void }) {
  const [form, set, setForm] = useFormState({ name: "", unit: "", baseline: "", target: "" });
  return (
    <details>
      <summary>{t("addIndicator")}</summary>
      <form
        class="inline-form"
        aria-label={t("addIndicator")}
        onSubmit={(event) => {
          event.preventDefault();
          const indicator = {
            id: newLocalId(),
            name: form.name,
            unit: form.unit,
            baseline: Number(form.baseline),
            target: Number(form.target),
            current: Number(form.baseline),
          };
          save("goal", { indicators: [...goalRow.data.indicators, indicator] }, goalRow.id)
            .then(() => setForm({ name: "", unit: "", baseline: "", target: "" }))
            .catch((e: Error) => onError(e.message));
        }}
      >
        <label>
          {t("indicatorName")}
          <input required maxLength={maxLengths.indicator.name} value={form.name} onInput={set("name")} />
        </label>
        <label>
          {t("indicatorUnit")}
          <input maxLength={maxLengths.indicator.unit} value={form.unit} onInput={set("unit")} />
        </label>
        <label>
          {t("indicatorBaseline")}
          <input required type="number" step="any" value={form.baseline} onInput={set("baseline")} />
        </label>
        <label>
          {t("indicatorTarget")}
          <input required type="number" step="any" value={form.target} onInput={set("target")} />
        </label>
        <button type="submit">{t("addIndicator")}</button>
      </form>
    </details>
  );
}

function StatusOverride({ goalRow, onError }: { goalRow: Row<Goal>; onError: (message: string) => void }) {
  const [status, setStatus] = useState<string>(goalRow.data.statusOverride?.status ?? "");
  const [reason, setReason] = useState(goalRow.data.statusOverride?.reason ?? "");
  return (
    <details>
      <summary>{t("overrideStatus")}</summary>
      <form
        class="inline-form"
        aria-label={t("overrideStatus")}
        onSubmit={(event) => {
          event.preventDefault();
          save("goal", { statusOverride: status ? { status, reason } : null }, goalRow.id).catch((e: Error) => onError(e.message));
        }}
      >
        <label>
          {t("fieldStatus")}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t("healthComputed")}</option>
            {healthStatuses.map((s) => (
              <option key={s} value={s}>
                {t(healthLabels[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("overrideReason")}
          <input maxLength={maxLengths.goal.statusReason} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <button type="submit">{t("save")}</button>
      </form>
    </details>
  );
}

function NewGoal({ data, knownKeys }: { data: PanelData; knownKeys: string[] }) {
  const [form, set, setForm] = useFormState({ title: "", kind: "project", parent: "", owner: "", departments: "", due: "", targets: "" });
  const [error, setError] = useState<string | null>(null);
  const projects = data.goals.filter((g) => g.data.kind === "project");
  return (
    <form
      class="stacked-form"
      aria-label={t("newGoal")}
      onSubmit={(event) => {
        event.preventDefault();
        const targets = parseTargetList(form.targets, knownKeys);
        if (targets.unknown.length) return setError(t("unknownTargets", targets.unknown.join(", ")));
        const member = data.members.find((m) => m.name === form.owner.trim());
        save("goal", {
          title: form.title,
          kind: form.kind,
          parent: form.kind === "phase" && form.parent ? form.parent : null,
          owner: form.owner.trim() || null,
          ownerId: member?.id ?? null,
          departments: form.departments
            .split(/[,，]/)
            .map((d) => d.trim())
            .filter(Boolean),
          due: form.due || null,
          targets: targets.keys,
        })
          .then(() => {
            setForm({ title: "", kind: "project", parent: "", owner: "", departments: "", due: "", targets: "" });
            setError(null);
          })
          .catch((e: Error) => setError(e.message));
      }}
    >
      <h2>{t("newGoal")}</h2>
      <label>
        {t("fieldTitle")}
        <input required maxLength={maxLengths.goal.title} value={form.title} onInput={set("title")} />
      </label>
      <label>
        {t("goalKind")}
        <select value={form.kind} onChange={set("kind")}>
          {goalKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(goalKindLabels[kind])}
            </option>
          ))}
        </select>
      </label>
      {form.kind === "phase" && (
        <label>
          {t("goalParent")}
          <select value={form.parent} onChange={set("parent")}>
            <option value="">—</option>
            {projects.map((g) => (
              <option key={g.id} value={g.id}>
                {g.data.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t("fieldOwner")}
        <NamePicker people={data.members} maxLength={maxLengths.person} value={form.owner} onInput={set("owner")} />
      </label>
      <label>
        {t("fieldDepartments")}
        <input value={form.departments} onInput={set("departments")} />
      </label>
      <label>
        {t("fieldDue")}
        <input type="date" value={form.due} onInput={set("due")} />
      </label>
      <label>
        {t("fieldTargets")}
        <input value={form.targets} placeholder="acme/app#7" onInput={set("targets")} />
      </label>
      <button type="submit" class="primary">
        {t("createGoal")}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
