// The side panel's conflicts: my annotation edits the server refused as stale, beside the current version, and which one to keep.
import { useState } from "preact/hooks";
import { ask } from "../common/ask";
import { ErrorNote } from "../ui/ErrorNote";
import { t } from "../ui/i18n";
import type { PanelData } from "./panel-data";

const shown = (value: unknown) =>
  value === null || value === undefined || value === "" ? "—" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * Edits the server refused because someone changed the same annotation first: each changed
 * field, mine next to the current one, and the choice of which to keep.
 */
export function Conflicts({ conflicts }: { conflicts: PanelData["conflicts"] }) {
  const [error, setError] = useState<string | null>(null);
  if (conflicts.length === 0) return null;
  const resolve = (mutationId: string, keep: "mine" | "theirs") =>
    ask({ type: "conflict.resolve", mutationId, keep }).catch((e: Error) => setError(e.message));
  return (
    <section class="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t("conflictsTitle", String(conflicts.length))}</h2>
      {conflicts.map(({ entry, current }) => (
        <article key={entry.id} class="conflict" data-mutation-id={entry.id}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("conflictField")}</th>
                <th scope="col">{t("conflictMine")}</th>
                <th scope="col">{t("conflictCurrent")}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(entry.fields ?? {}).map(([field, mine]) => (
                <tr key={field}>
                  <th scope="row">{field}</th>
                  <td class="mine">{shown(mine)}</td>
                  <td class="current">{current.deleted ? t("conflictDeleted") : shown(current.data?.[field])}</td>
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
      ))}
      <ErrorNote error={error} />
    </section>
  );
}
