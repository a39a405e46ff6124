// A record's details in the side panel: every field its author could set, changed and saved (only what changed, on the version it was opened from), or the record deleted; each offers Undo.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { EntityName, TrackerItem } from "../../../shared/entities";
import { kindNamed, type RecordKindName, recordsOf } from "../../../shared/kinds";
import { maxLengths } from "../../../shared/limits";
import type { Member } from "../../../shared/workspace";
import { ErrorNote } from "../../ui/ErrorNote";
import { useFormState } from "../../ui/form-state";
import { formatDay, t } from "../../ui/i18n";
import { recordKindLabels } from "../../ui/labels";
import { MentionField } from "../../ui/MentionField";
import { departmentChoices, NamePicker } from "../../ui/NamePicker";
import { ItemName } from "../ItemName";
import { mutateRecord } from "../mutate";
import type { PanelData, Row } from "../panel-data";
import { CreateIssue } from "./CreateIssue";
import { changedFields, type DetailsSpec, detailsSpec, type Field, formValues } from "./fields";
import type { RecordRef } from "./RecordLink";
import { RiskActions } from "./RiskActions";
import type { Undoable } from "./UndoBar";

interface RecordDetailsProps {
  data: PanelData;
  record: RecordRef;
  knownKeys: string[];
  today: string;
  onClose: () => void;
  /** A change was made: the panel offers to undo it. */
  onChange: (undoable: Undoable) => void;
  /** The record's history, drawn under its fields (the panel passes `<HistoryList entity id />`). */
  history?: ComponentChildren;
}

type Fields = Record<string, unknown>;

/**
 * Who may delete a record: its author or an admin; an annotation, only its author. Who may
 * change one: anyone, but an annotation only its author (the server refuses the others).
 */
function allowed(entity: EntityName, row: Row<unknown>, me: Member | null) {
  const author = me !== null && row.meta.createdBy === me.id;
  if (entity === "annotation") return { edit: author, remove: author };
  return { edit: true, remove: author || me?.role === "admin" };
}

/** The details of one record: its fields as a form with Save and Delete, and its history. */
export function RecordDetails({ data, record, knownKeys, today, onClose, onChange, history }: RecordDetailsProps) {
  const kind = kindNamed(record.entity);
  const row = kind ? recordsOf<Row<Fields>>(data, kind).find((r) => r.id === record.id) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a record moves the focus to it, as a new page would.
  useEffect(() => heading.current?.focus(), [record.entity, record.id]);
  return (
    <article class="record-details" onKeyDown={(event) => event.key === "Escape" && onClose()}>
      <button type="button" class="link" onClick={onClose}>
        ← {t("detailsBack")}
      </button>
      <h2 ref={heading} tabIndex={-1}>
        {t(recordKindLabels[record.entity as RecordKindName])}
      </h2>
      {row && record.entity === "tracker_item" ? (
        <TrackerReading item={row.data as unknown as TrackerItem} />
      ) : row && !detailsSpec(record.entity, row.data, { data, knownKeys, today, id: row.id }) ? (
        <p class="empty">{t("detailsElsewhere")}</p>
      ) : row ? (
        <DetailsForm
          key={`${record.entity}/${record.id}`}
          data={data}
          entity={record.entity}
          row={row}
          knownKeys={knownKeys}
          today={today}
          onClose={onClose}
          onChange={onChange}
        />
      ) : (
        <p class="empty">{t("detailsGone")}</p>
      )}
      {/* history: the record's history list goes here */}
      {history}
    </article>
  );
}

/** What the tracker said about an item: read on its page, not edited here. */
function TrackerReading({ item }: { item: TrackerItem }) {
  return (
    <div class="tracker-reading">
      <p>
        <ItemName target={item.target} />
      </p>
      {item.state && (
        <p>
          {t("trackerSays")}: <strong>{item.state}</strong> ·{" "}
          {item.assignees.length > 0 ? t("trackerAssignees", item.assignees.join(", ")) : t("trackerNoAssignee")}
        </p>
      )}
      <p class="muted">{t("trackerReadOnly")}</p>
    </div>
  );
}

interface DetailsFormProps extends Omit<RecordDetailsProps, "record" | "history"> {
  entity: EntityName;
  row: Row<Fields>;
}

function DetailsForm({ data, entity, row, knownKeys, today, onClose, onChange }: DetailsFormProps) {
  // What the form was opened from (and, after a save, what it saved): edits are told against it.
  const [base, setBase] = useState(() => ({ version: row.version ?? 0, record: row.data }));
  const context = { data, knownKeys, today, id: row.id };
  const spec = detailsSpec(entity, base.record, context) as DetailsSpec;
  const [form, set, setForm] = useFormState<Record<string, string>>(() => formValues(spec));
  // Untouched, the form follows the record (a teammate's change, an undo) as if opened again; once typed in, it keeps what was typed.
  const pristine = JSON.stringify(form) === JSON.stringify(formValues(spec));
  useEffect(() => {
    if (!pristine || (row.data === base.record && (row.version ?? 0) === base.version)) return;
    const next = { version: row.version ?? 0, record: row.data };
    const nextSpec = detailsSpec(entity, next.record, context);
    setBase(next);
    if (nextSpec) setForm(formValues(nextSpec));
  }, [row]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(row);
  latest.current = row;
  const me = data.session?.member ?? null;
  const may = allowed(entity, row, me);
  const author = data.members.find((m) => m.id === row.meta.createdBy)?.name;

  const onSave = async (event: Event) => {
    event.preventDefault();
    let fields: Fields;
    try {
      fields = changedFields(spec, base.record, form);
    } catch (failure) {
      return setError((failure as Error).message);
    }
    if (Object.keys(fields).length === 0) return setError(t("detailsUnchanged"));
    setError(null);
    setBusy(true);
    try {
      await mutateRecord({ entity, entityId: row.id, op: "upsert", fields, baseVersion: base.version });
      const previous = Object.fromEntries(Object.keys(fields).map((key) => [key, base.record[key] ?? null]));
      onChange({
        message: t("undoSaved"),
        undo: () => mutateRecord({ entity, entityId: row.id, op: "upsert", fields: previous, baseVersion: latest.current.version ?? 0 }),
      });
      setBase({ version: latest.current.version ?? 0, record: { ...base.record, ...fields } });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async () => {
    setBusy(true);
    try {
      await mutateRecord({ entity, entityId: row.id, op: "delete" });
      // The server keeps a deleted record's last data for its trash: a restore brings it back as it was.
      onChange({ message: t("undoDeleted"), undo: () => mutateRecord({ entity, entityId: row.id, op: "restore" }) });
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  const departments = departmentChoices(
    data.members,
    data.departments.map((d) => d.data.name),
  );
  const groups: Array<{ group?: string; fields: Field[] }> = [];
  for (const field of spec.fields) {
    const last = groups[groups.length - 1];
    if (last && field.group !== undefined && last.group === field.group) last.fields.push(field);
    else groups.push({ group: field.group, fields: [field] });
  }
  const fieldRow = (field: Field) => (
    <div key={field.name} class="field">
      <label htmlFor={`details-${field.name}`}>{field.label}</label>
      <FieldControl
        id={`details-${field.name}`}
        field={field}
        value={form[field.name] ?? ""}
        onInput={set(field.name)}
        members={data.members}
        departments={departments}
      />
    </div>
  );

  return (
    <>
      <p class="muted">
        {author ? t("detailsCreatedBy", [author, formatDay(row.meta.createdAt.slice(0, 10))]) : formatDay(row.meta.createdAt.slice(0, 10))}
        {row.pending && ` · ${t("notSynced")}`}
      </p>
      <form class="stacked-form details-form" aria-label={t("detailsFormLabel")} onSubmit={(event) => void onSave(event)}>
        <fieldset disabled={!may.edit} class="plain-fieldset">
          {groups.map(({ group, fields }) =>
            group === undefined ? (
              fields.map(fieldRow)
            ) : (
              <fieldset key={fields[0].name} class="indicator-fields">
                <legend>{group}</legend>
                {fields.map(fieldRow)}
              </fieldset>
            ),
          )}
        </fieldset>
        {!may.edit && <p class="muted">{t("detailsAuthorOnly")}</p>}
        <div class="actions">
          {may.remove && (
            <button type="button" class="danger" disabled={busy} onClick={() => void onDelete()}>
              {t("delete")}
            </button>
          )}
          {may.edit && (
            <button type="submit" class="primary" disabled={busy}>
              {t("save")}
            </button>
          )}
        </div>
        <ErrorNote error={error} />
      </form>
      {entity === "risk" && <RiskActions data={data} risk={row} />}
      {(entity === "action_item" || entity === "decision") && (
        <CreateIssue kind={t(recordKindLabels[entity])} record={row.data as { text: string; targets: string[] }} />
      )}
    </>
  );
}

interface FieldControlProps {
  id: string;
  field: Field;
  value: string;
  onInput: (event: { currentTarget: { value: string } }) => void;
  members: Member[];
  departments: string[];
}

function FieldControl({ id, field, value, onInput, members, departments }: FieldControlProps) {
  const { control } = field;
  switch (control.type) {
    case "text":
      return <input id={id} value={value} maxLength={control.max || undefined} required={control.required} onInput={onInput} />;
    case "textarea":
      // A note's words suggest the members to mention after @.
      if (field.name === "body")
        return (
          <MentionField
            id={id}
            rows={3}
            value={value}
            maxLength={control.max || undefined}
            required={control.required}
            onValue={(text) => onInput({ currentTarget: { value: text } })}
            members={members}
          />
        );
      return <textarea id={id} rows={3} value={value} maxLength={control.max || undefined} required={control.required} onInput={onInput} />;
    case "date":
      return <input id={id} type="date" value={value} onInput={onInput} onChange={onInput} />;
    case "number":
      return <input id={id} type="number" step="any" value={value} onInput={onInput} />;
    case "select":
      return (
        <select id={id} value={value} onChange={onInput}>
          {control.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case "person": {
      // The workspace's members, and whoever the record names now if they are not one.
      const names = [...new Set([...members.map((m) => m.name), ...(field.value ? [field.value] : [])])];
      return (
        <select id={id} value={value} onChange={onInput}>
          <option value="">—</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      );
    }
    case "department":
      return <NamePicker id={id} departments={departments} maxLength={maxLengths.department} value={value} onInput={onInput} />;
  }
}
