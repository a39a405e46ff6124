// A risk's mitigation split into action items: those linked to the risk with their progress ("2 of 3 done"), and one more added on the risk's items.
import { useState } from "preact/hooks";
import type { Risk } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { t } from "../../ui/i18n";
import { actionItemStatusLabels } from "../../ui/labels";
import { save } from "../mutate";
import type { PanelData, Row } from "../panel-data";
import { RecordLink } from "./RecordLink";

/** The action items that carry out a risk's mitigation, and a form adding one (on the risk's items, naming the risk). */
export function RiskActions({ data, risk }: { data: PanelData; risk: Row<Record<string, unknown>> }) {
  const fields = risk.data as unknown as Risk;
  const items = data.actionItems.filter((row) => row.data.risk === risk.id);
  const done = items.filter((row) => row.data.status === "done").length;
  const [form, set, setForm] = useFormState({ text: "", owner: "", due: "" });
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="risk-actions" aria-labelledby="risk-actions-title">
      <h3 id="risk-actions-title">
        {t("riskActionsTitle")} <span class="muted">{t("riskActionsDone", [String(done), String(items.length)])}</span>
      </h3>
      <ul class="plain">
        {items.map(({ id, data: item }) => (
          <li key={id} class={item.status === "done" ? "done" : ""}>
            <RecordLink entity="action_item" id={id}>
              {item.text}
            </RecordLink>{" "}
            <span class="muted">
              {item.owner ? `${item.owner} · ` : ""}
              {t(actionItemStatusLabels[item.status])}
            </span>
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        aria-label={t("addActionItem")}
        onSubmit={(event) => {
          event.preventDefault();
          const member = data.members.find((m) => m.name === form.owner);
          save("action_item", {
            text: form.text.trim(),
            owner: form.owner || null,
            ownerId: member?.id ?? null,
            department: member?.department ?? fields.department,
            due: form.due || null,
            targets: fields.targets,
            risk: risk.id,
          })
            .then(() => {
              setForm({ text: "", owner: "", due: "" });
              setError(null);
            })
            .catch((e: Error) => setError(e.message));
        }}
      >
        <label>
          {t("fieldText")}
          <input required maxLength={maxLengths.actionItem.text} value={form.text} onInput={set("text")} />
        </label>
        <label>
          {t("fieldOwner")}
          <select value={form.owner} onChange={set("owner")}>
            <option value="">—</option>
            {data.members.map((m) => (
              <option key={m.id} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("fieldDue")}
          <input type="date" value={form.due} onInput={set("due")} />
        </label>
        <button type="submit">{t("addActionItem")}</button>
        <ErrorNote error={error} />
      </form>
    </section>
  );
}
