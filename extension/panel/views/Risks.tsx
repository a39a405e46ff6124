// The side panel's "Risks" tab: the risk register, its 5x5 heatmap and the reviews coming due.
import { useState } from "preact/hooks";
import type { Risk } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { riskLevel, riskScore } from "../../../shared/summary";
import { parseTargetList } from "../../../shared/target-input";
import { riskScale, riskStatuses } from "../../../shared/vocabulary";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { formatDay, t } from "../../ui/i18n";
import { riskStatusLabels } from "../../ui/labels";
import { ScaleOptions } from "../../ui/ScaleOptions";
import { RecordLink } from "../details/RecordLink";
import { ItemNames } from "../ItemName";
import { save } from "../mutate";
import type { PanelData } from "../panel-data";

/** The risk register: filters, a 5x5 likelihood x impact heatmap, reviews due, mitigation and contingency. */
export function Risks({ data, today, knownKeys }: { data: PanelData; today: string; knownKeys: string[] }) {
  const [status, setStatus] = useState("");
  const [department, setDepartment] = useState("");
  const [owner, setOwner] = useState("");
  const [cell, setCell] = useState<{ likelihood: number; impact: number } | null>(null);
  const filtered = data.risks.filter(
    ({ data: risk }) =>
      (!status || risk.status === status) && (!department || risk.department === department) && (!owner || risk.owner === owner),
  );
  const shown = filtered
    .filter(({ data: risk }) => !cell || (risk.likelihood === cell.likelihood && risk.impact === cell.impact))
    .sort((a, b) => riskScore(b.data) - riskScore(a.data));
  const departments = [...new Set(data.risks.map((r) => r.data.department).filter((d): d is string => Boolean(d)))].sort();
  const owners = [...new Set(data.risks.map((r) => r.data.owner).filter((o): o is string => Boolean(o)))].sort();
  const countAt = (likelihood: number, impact: number) =>
    filtered.filter(({ data: risk }) => risk.likelihood === likelihood && risk.impact === impact).length;

  return (
    <div class="risks">
      <fieldset class="filters-row">
        <legend class="visually-hidden">{t("filterLabel")}</legend>
        <label>
          {t("fieldStatus")}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t("filterAll")}</option>
            {riskStatuses.map((s) => (
              <option key={s} value={s}>
                {t(riskStatusLabels[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("fieldDepartment")}
          <select value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <option value="">{t("filterAll")}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("fieldOwner")}
          <select value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">{t("filterAll")}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <table class="heatmap" aria-label={t("heatmapLabel")}>
        <caption class="visually-hidden">{t("heatmapLabel")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("likelihoodImpact")}</th>
            {riskScale.map((impact) => (
              <th key={impact} scope="col">
                {impact}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...riskScale].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">{likelihood}</th>
              {riskScale.map((impact) => {
                const n = countAt(likelihood, impact);
                const selected = cell?.likelihood === likelihood && cell.impact === impact;
                return (
                  <td
                    key={impact}
                    class={`cell ${riskLevel(likelihood * impact)}${selected ? " selected" : ""}`}
                    data-cell={`${likelihood}x${impact}`}
                  >
                    <button
                      type="button"
                      aria-pressed={selected}
                      aria-label={t("heatmapCell", [String(likelihood), String(impact), String(n)])}
                      onClick={() => setCell(selected ? null : { likelihood, impact })}
                    >
                      {n || ""}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="plain risk-list">
        {shown.map(({ id, data: risk }) => {
          const reviewDue = risk.reviewOn !== null && risk.reviewOn <= today && risk.status !== "closed";
          return (
            <li key={id} class={`risk-row${reviewDue ? " review-due" : ""}`} data-risk-id={id}>
              <span class={`score ${riskLevel(riskScore(risk))}`}>{riskScore(risk)}</span>{" "}
              <strong>
                <RecordLink entity="risk" id={id}>
                  {risk.title}
                </RecordLink>
              </strong>{" "}
              · {t(riskStatusLabels[risk.status])}
              {risk.owner && ` · ${risk.owner}`}
              {risk.department && ` · ${risk.department}`}
              {risk.reviewOn && <span class={reviewDue ? "due overdue" : "due"}> · {t("reviewOn", formatDay(risk.reviewOn))}</span>}
              {risk.targets.length > 0 && (
                <p class="targets">
                  <ItemNames targets={risk.targets} />
                </p>
              )}
              <p class="muted">
                {t("mitigation")}: {risk.mitigation || "—"}
              </p>
              <p class="muted">
                {t("contingency")}: {risk.contingency || "—"}
              </p>
              <RiskReview id={id} risk={risk} />
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p class="empty">{t("risksEmpty")}</p>}
      <AddRisk knownKeys={knownKeys} />
    </div>
  );
}

/** Moving a risk on after a review: its status, scores and next review date, edited in place. */
function RiskReview({ id, risk }: { id: string; risk: Risk }) {
  const update = (fields: Partial<Risk>) => void save("risk", fields, id).catch(() => {});
  return (
    <div class="inline-form risk-review">
      <label>
        {t("fieldStatus")}
        <select value={risk.status} onChange={(e) => update({ status: e.currentTarget.value as Risk["status"] })}>
          {riskStatuses.map((s) => (
            <option key={s} value={s}>
              {t(riskStatusLabels[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("fieldLikelihood")}
        <select value={String(risk.likelihood)} onChange={(e) => update({ likelihood: Number(e.currentTarget.value) })}>
          <ScaleOptions />
        </select>
      </label>
      <label>
        {t("fieldImpact")}
        <select value={String(risk.impact)} onChange={(e) => update({ impact: Number(e.currentTarget.value) })}>
          <ScaleOptions />
        </select>
      </label>
      <label>
        {t("fieldReviewOn")}
        <input type="date" value={risk.reviewOn ?? ""} onChange={(e) => update({ reviewOn: e.currentTarget.value || null })} />
      </label>
    </div>
  );
}

function AddRisk({ knownKeys }: { knownKeys: string[] }) {
  const [open, setOpen] = useState(false);
  const [form, set] = useFormState({
    title: "",
    likelihood: "3",
    impact: "3",
    owner: "",
    department: "",
    mitigation: "",
    contingency: "",
    reviewOn: "",
    targets: "",
  });
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t("addRisk")}
      </button>
    );
  return (
    <form
      class="stacked-form"
      aria-label={t("addRisk")}
      onSubmit={(event) => {
        event.preventDefault();
        const targets = parseTargetList(form.targets, knownKeys);
        if (targets.unknown.length) return setError(t("unknownTargets", targets.unknown.join(", ")));
        const fields: Partial<Risk> = {
          title: form.title,
          likelihood: Number(form.likelihood),
          impact: Number(form.impact),
          owner: form.owner.trim() || null,
          department: form.department.trim() || null,
          mitigation: form.mitigation,
          contingency: form.contingency,
          reviewOn: form.reviewOn || null,
          targets: targets.keys,
        };
        save("risk", fields)
          .then(() => {
            setOpen(false);
            setError(null);
          })
          .catch((e: Error) => setError(e.message));
      }}
    >
      <label>
        {t("fieldTitle")}
        <input required maxLength={maxLengths.risk.title} value={form.title} onInput={set("title")} />
      </label>
      <label>
        {t("fieldLikelihood")}
        <select value={form.likelihood} onChange={set("likelihood")}>
          <ScaleOptions />
        </select>
      </label>
      <label>
        {t("fieldImpact")}
        <select value={form.impact} onChange={set("impact")}>
          <ScaleOptions />
        </select>
      </label>
      <label>
        {t("fieldOwner")}
        <input maxLength={maxLengths.person} value={form.owner} onInput={set("owner")} />
      </label>
      <label>
        {t("fieldDepartment")}
        <input maxLength={maxLengths.department} value={form.department} onInput={set("department")} />
      </label>
      <label>
        {t("mitigation")}
        <textarea maxLength={maxLengths.risk.mitigation} value={form.mitigation} onInput={set("mitigation")} />
      </label>
      <label>
        {t("contingency")}
        <textarea maxLength={maxLengths.risk.contingency} value={form.contingency} onInput={set("contingency")} />
      </label>
      <label>
        {t("fieldReviewOn")}
        <input type="date" value={form.reviewOn} onInput={set("reviewOn")} />
      </label>
      <label>
        {t("fieldTargets")}
        <input value={form.targets} placeholder="ACME-42, acme/app#7" onInput={set("targets")} />
      </label>
      <div class="actions">
        <button type="button" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
        <button type="submit" class="primary">
          {t("save")}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
