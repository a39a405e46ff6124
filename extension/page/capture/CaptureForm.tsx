// The in-page action item form: the selected words as the task, with owner, department, due date and priority.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ActionItem, TextQuoteSelector } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { priorities } from "../../../shared/vocabulary";
import type { Member } from "../../../shared/workspace";
import type { PublicSession } from "../../common/session";
import { t } from "../../ui/i18n";
import { priorityLabels } from "../../ui/labels";
import { departmentChoices, NamePicker } from "../../ui/NamePicker";
import { CaptureDialog } from "./CaptureDialog";

export interface CaptureDraft {
  quote: TextQuoteSelector | null;
  url: string;
  title: string;
  targets: string[];
}

interface CaptureFormProps {
  draft: CaptureDraft;
  session: PublicSession | null;
  members: Member[];
  /** Where to show the panel, in viewport coordinates; top right when absent. */
  anchor?: { left: number; top: number };
  onSave: (fields: ActionItem) => Promise<void>;
  onClose: () => void;
}

/** The compact action item form: prefilled from the selection, with owner, department, due date and priority. */
export function CaptureForm({ draft, session, members, anchor, onSave, onClose }: CaptureFormProps) {
  const [text, setText] = useState(draft.quote?.exact ?? "");
  const [owner, setOwner] = useState("");
  const [department, setDepartment] = useState("");
  const [due, setDue] = useState("");
  const [priority, setPriority] = useState<ActionItem["priority"]>("medium");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textRef.current?.focus();
    textRef.current?.select();
  }, []);

  const ownerMember = members.find((m) => m.name === owner.trim()) ?? null;
  const departments = departmentChoices(members);

  function pickOwner(value: string) {
    setOwner(value);
    const member = members.find((m) => m.name === value.trim());
    if (member && !department) setDepartment(member.department);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t("errorTextRequired"));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({
        text: text.trim(),
        owner: owner.trim() || null,
        ownerId: ownerMember?.id ?? null,
        department: department.trim() || null,
        due: due || null,
        status: "open",
        priority,
        targets: draft.targets,
        source: { url: draft.url, title: draft.title.slice(0, maxLengths.source.title), selector: draft.quote },
        meeting: null,
        goal: null,
        risk: null,
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setSaving(false);
    }
  }

  return (
    <CaptureDialog
      title={t("captureTitle")}
      quote={draft.quote?.exact ?? null}
      anchor={anchor}
      height={420}
      connected={session !== null}
      error={error}
      saving={saving}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <label for="liaison-text">{t("fieldText")}</label>
      <textarea
        id="liaison-text"
        ref={textRef}
        value={text}
        maxLength={maxLengths.actionItem.text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="row">
        <div>
          <label for="liaison-owner">{t("fieldOwner")}</label>
          <NamePicker
            id="liaison-owner"
            people={members}
            value={owner}
            maxLength={maxLengths.person}
            onInput={(e) => pickOwner(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="liaison-department">{t("fieldDepartment")}</label>
          <NamePicker
            id="liaison-department"
            departments={departments}
            value={department}
            maxLength={maxLengths.department}
            onInput={(e) => setDepartment(e.currentTarget.value)}
          />
        </div>
      </div>
      <div class="row">
        <div>
          <label for="liaison-due">{t("fieldDue")}</label>
          <input id="liaison-due" type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
        </div>
        <div>
          <label for="liaison-priority">{t("fieldPriority")}</label>
          <select id="liaison-priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value as ActionItem["priority"])}>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(priorityLabels[p])}
              </option>
            ))}
          </select>
        </div>
      </div>
    </CaptureDialog>
  );
}
