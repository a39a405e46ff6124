// The side panel's conflicts: my edits the server refused as stale, of any kind, field by field beside the current version, and which one to keep.
import { useState } from "preact/hooks";
import type { Member } from "../../shared/workspace";
import { ask } from "../common/ask";
import { ErrorNote } from "../ui/ErrorNote";
import { t } from "../ui/i18n";
import { fieldLabel, formatValue, kindLabel, recordTitle } from "./history/format";
import type { PanelData } from "./panel-data";

type Conflict = PanelData["conflicts"][number];

/** A member id beside the name it stands for says the same thing twice: the name is shown. */
const nameOfIdField: Record<string, string> = { ownerId: "owner", leadId: "lead", memberId: "person", deciderId: "decider" };

/** One record's stale edits, taken together: what I wrote, what the server has now, and the fields that differ. */
function byRecord(conflicts: Conflict[]) {
  const records = new Map<string, Conflict[]>();
  for (const conflict of conflicts) {
    const key = `${conflict.entry.entity}/${conflict.entry.entityId}`;
    records.set(key, [...(records.get(key) ?? []), conflict]);
  }
  return [...records.values()].map((list) => {
    const mine = Object.assign({}, ...list.map((c) => c.entry.fields ?? {})) as Record<string, unknown>;
    const current = list.reduce((a, b) => (b.current.version > a.current.version ? b : a)).current;
    const named = list.some((c) => c.fields) ? new Set(list.flatMap((c) => c.fields ?? [])) : null;
    // The fields the server says someone else changed; without that, every field I sent that differs from theirs.
    const fields = Object.keys(mine).filter((field) =>
      named ? named.has(field) : current.deleted || JSON.stringify(mine[field]) !== JSON.stringify(current.data?.[field]),
    );
    const shown = fields.filter((field) => !(field in nameOfIdField && fields.includes(nameOfIdField[field])));
    return { entry: list[0].entry, mine, current, fields: shown };
  });
}

/**
 * Edits the server refused because someone changed the same fields of the record first: for each
 * record, each such field with mine next to theirs, read as people read them, and the choice of
 * which to keep. Keeping mine sends my edit again over their version; keeping theirs lets it go.
 */
export function Conflicts({ conflicts, members = [] }: { conflicts: PanelData["conflicts"]; members?: Member[] }) {
  const [error, setError] = useState<string | null>(null);
  if (conflicts.length === 0) return null;
  const records = byRecord(conflicts);
  const resolve = (mutationId: string, keep: "mine" | "theirs") =>
    ask({ type: "conflict.resolve", mutationId, keep }).catch((e: Error) => setError(e.message));
  return (
    <section class="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t("conflictsTitle", String(records.length))}</h2>
      {records.map(({ entry, mine, current, fields }) => {
        const title = recordTitle(current.data) ?? recordTitle(mine) ?? entry.entityId;
        return (
          <article key={entry.id} class="conflict" data-mutation-id={entry.id} aria-label={title}>
            <h3>{t("conflictRecordTitle", [kindLabel(entry.entity), title])}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("conflictField")}</th>
                  <th scope="col">{t("conflictMine")}</th>
                  <th scope="col">{t("conflictCurrent")}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => (
                  <tr key={field}>
                    <th scope="row">{fieldLabel(field)}</th>
                    <td class="mine">{formatValue(entry.entity, field, mine[field], members)}</td>
                    <td class="current">
                      {current.deleted ? t("conflictDeleted") : formatValue(entry.entity, field, current.data?.[field], members)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" class="primary" onClick={() => void resolve(entry.id, "mine")}>
              {t("conflictKeepMine")}
            </button>{" "}
            <button type="button" onClick={() => void resolve(entry.id, "theirs")}>
              {t("conflictKeepCurrent")}
            </button>
          </article>
        );
      })}
      <ErrorNote error={error} />
    </section>
  );
}
