// The in-page annotation form: a note on the selected words (or the whole page), for whom, its tags and who may see it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Annotation, AnnotationSelector } from "../../../shared/entities";
import { annotationTagsFieldLength, maxLengths, maxTagsPerAnnotation } from "../../../shared/limits";
import { annotationVisibilities } from "../../../shared/vocabulary";
import type { Member } from "../../../shared/workspace";
import type { PublicSession } from "../../common/session";
import { t } from "../../ui/i18n";
import { visibilityLabels } from "../../ui/labels";
import { MentionField } from "../../ui/MentionField";
import { departmentChoices, NamePicker } from "../../ui/NamePicker";
import { CaptureDialog } from "./CaptureDialog";

export interface AnnotationDraft {
  /** The W3C selectors of the selection; empty for a note about the whole page. */
  selectors: AnnotationSelector[];
  /** The selected words as the selectors read them; empty for a note about the whole page. */
  quote: string;
  url: string;
  targets: string[];
}

interface AnnotationFormProps {
  draft: AnnotationDraft;
  session: PublicSession | null;
  members: Member[];
  /** Where to show the panel, in viewport coordinates; top right when absent. */
  anchor?: { left: number; top: number };
  onSave: (fields: Annotation) => Promise<void>;
  onClose: () => void;
}

/** Tags as typed: comma separated (ASCII or full-width), a leading # optional, each once. */
export function parseTags(value: string): string[] {
  const tags = value
    .split(/[,，、]/)
    .map((tag) => tag.trim().replace(/^#+/, "").trim().slice(0, maxLengths.annotation.tag))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, maxTagsPerAnnotation);
}

/** Whom a note is for: a teammate by name (with their department), else a department as typed. */
export function addressee(value: string, members: Member[]): Annotation["addressedTo"] {
  const name = value.trim();
  if (!name) return null;
  const member = members.find((m) => m.name === name);
  if (member) return { department: member.department, memberId: member.id };
  return { department: name.slice(0, maxLengths.department), memberId: null };
}

/** The annotate form: a note on the selected words, with tags, who sees it and whom it is for ("Legal: please review"). */
export function AnnotationForm({ draft, session, members, anchor, onSave, onClose }: AnnotationFormProps) {
  const [note, setNote] = useState("");
  const [tags, setTags] = useState("");
  const [visibility, setVisibility] = useState<Annotation["visibility"]>("workspace");
  const [addressedTo, setAddressedTo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    noteRef.current?.focus();
  }, []);

  const departments = departmentChoices(members);

  async function submit(event: Event) {
    event.preventDefault();
    if (!draft.quote && !note.trim()) {
      setError(t("errorNoteRequired"));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({
        url: draft.url,
        targets: draft.targets,
        selectors: draft.selectors,
        quote: draft.quote,
        body: note.trim(),
        tags: parseTags(tags),
        visibility,
        parent: null,
        resolved: false,
        addressedTo: addressee(addressedTo, members),
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setSaving(false);
    }
  }

  return (
    <CaptureDialog
      title={t("annotateTitle")}
      quote={draft.quote || null}
      anchor={anchor}
      height={460}
      connected={session !== null}
      error={error}
      saving={saving}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <label for="liaison-note">{t("fieldNote")}</label>
      <MentionField
        id="liaison-note"
        textareaRef={noteRef}
        value={note}
        maxLength={maxLengths.annotation.body}
        onValue={setNote}
        members={members}
      />
      <p class="hint">{t("fieldNoteHint")}</p>
      <label for="liaison-tags">{t("fieldTags")}</label>
      <input id="liaison-tags" value={tags} maxLength={annotationTagsFieldLength} onInput={(e) => setTags(e.currentTarget.value)} />
      <div class="row">
        <div>
          <label for="liaison-addressed-to">{t("fieldAddressedTo")}</label>
          <NamePicker
            id="liaison-addressed-to"
            departments={departments}
            people={members}
            value={addressedTo}
            maxLength={maxLengths.person}
            placeholder={t("addressedToPlaceholder")}
            onInput={(e) => setAddressedTo(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="liaison-visibility">{t("fieldVisibility")}</label>
          <select
            id="liaison-visibility"
            value={visibility}
            onChange={(e) => setVisibility(e.currentTarget.value as Annotation["visibility"])}
          >
            {annotationVisibilities.map((value) => (
              <option key={value} value={value}>
                {t(visibilityLabels[value])}
              </option>
            ))}
          </select>
        </div>
      </div>
    </CaptureDialog>
  );
}
