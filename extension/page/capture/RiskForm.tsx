// The in-page risk form: a risk from the selected words, with likelihood, impact, owner, mitigation and contingency.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Risk } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import type { Member } from "../../../shared/workspace";
import type { PublicSession } from "../../common/session";
import { useFormState } from "../../ui/form-state";
import { t } from "../../ui/i18n";
import { NamePicker } from "../../ui/NamePicker";
import { ScaleOptions } from "../../ui/ScaleOptions";
import { CaptureDialog } from "./CaptureDialog";
import type { CaptureDraft } from "./CaptureForm";

interface RiskFormProps {
  draft: CaptureDraft;
  session: PublicSession | null;
  members: Member[];
  anchor?: { left: number; top: number };
  onSave: (fields: Risk) => Promise<void>;
  onClose: () => void;
}

/** A risk from the selected words: likelihood and impact, owner, mitigation and contingency plan; linked to the page's item. */
export function RiskForm({ draft, session, members, anchor, onSave, onClose }: RiskFormProps) {
  const [form, set] = useFormState({
    title: (draft.quote?.exact ?? "").replace(/\s+/g, " ").slice(0, maxLengths.risk.title),
    likelihood: "3",
    impact: "3",
    owner: "",
    mitigation: "",
    contingency: "",
  });
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const member = members.find((m) => m.name === form.owner.trim()) ?? null;

  async function submit(event: Event) {
    event.preventDefault();
    if (!form.title.trim()) return setError(t("errorTitleRequired"));
    setError(null);
    try {
      await onSave({
        title: form.title.trim(),
        description: "",
        status: "open",
        reviewOn: null,
        likelihood: Number(form.likelihood),
        impact: Number(form.impact),
        owner: form.owner.trim() || null,
        ownerId: member?.id ?? null,
        department: member?.department ?? null,
        mitigation: form.mitigation,
        contingency: form.contingency,
        targets: draft.targets,
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <CaptureDialog
      title={t("riskTitle")}
      quote={draft.quote?.exact ?? null}
      anchor={anchor}
      height={460}
      connected={session !== null}
      error={error}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <label for="liaison-risk-title">{t("fieldTitle")}</label>
      <input id="liaison-risk-title" ref={titleRef} maxLength={maxLengths.risk.title} value={form.title} onInput={set("title")} />
      <div class="row">
        <div>
          <label for="liaison-likelihood">{t("fieldLikelihood")}</label>
          <select id="liaison-likelihood" value={form.likelihood} onChange={set("likelihood")}>
            <ScaleOptions />
          </select>
        </div>
        <div>
          <label for="liaison-impact">{t("fieldImpact")}</label>
          <select id="liaison-impact" value={form.impact} onChange={set("impact")}>
            <ScaleOptions />
          </select>
        </div>
      </div>
      <label for="liaison-risk-owner">{t("fieldOwner")}</label>
      <NamePicker id="liaison-risk-owner" people={members} maxLength={maxLengths.person} value={form.owner} onInput={set("owner")} />
      <label for="liaison-mitigation">{t("mitigation")}</label>
      <textarea id="liaison-mitigation" maxLength={maxLengths.risk.mitigation} value={form.mitigation} onInput={set("mitigation")} />
      <label for="liaison-contingency">{t("contingency")}</label>
      <textarea id="liaison-contingency" maxLength={maxLengths.risk.contingency} value={form.contingency} onInput={set("contingency")} />
    </CaptureDialog>
  );
}
