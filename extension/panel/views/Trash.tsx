// The side panel's "Trash" tab: records deleted in the last 30 days that I may restore, asked of the server through the background.
import { useEffect, useState } from "preact/hooks";
import type { EntityName } from "../../../shared/entities";
import { ask } from "../../common/ask";
import type { TrashItem } from "../../common/messages/records";
import { isOffline } from "../../common/offline";
import { ErrorNote } from "../../ui/ErrorNote";
import { t } from "../../ui/i18n";
import { kindLabel, recordTitle, shortDate } from "../history/format";
import { HistoryList } from "../history/HistoryList";

type State = { kind: "loading" } | { kind: "offline" } | { kind: "error"; message: string } | { kind: "done"; items: TrashItem[] };

/**
 * Deleted records I may bring back (mine, or any when I am an admin): kind, title, who deleted
 * it and when, its history, and Restore, which is a change like any other (local at once, then sent).
 */
export function Trash() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [restored, setRestored] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setState({ kind: "loading" });
    ask({ type: "trash.list" }).then(
      ({ items }) => setState({ kind: "done", items }),
      (failure: Error) => setState(isOffline(failure) ? { kind: "offline" } : { kind: "error", message: failure.message }),
    );
  };
  useEffect(load, []);

  const restore = (item: TrashItem) => {
    setError(null);
    ask({ type: "entity.mutate", entity: item.entity as EntityName, entityId: item.id, op: "restore" }).then(
      () => setRestored((done) => new Set(done).add(`${item.entity}/${item.id}`)),
      (failure: Error) => setError(failure.message),
    );
  };

  return (
    <section class="trash" aria-labelledby="trash-title">
      <h2 id="trash-title">{t("trashTitle")}</h2>
      <button type="button" class="link" onClick={load}>
        {t("trashReload")}
      </button>
      {state.kind === "loading" ? (
        <p class="empty" role="status">
          {t("trashLoading")}
        </p>
      ) : state.kind === "offline" ? (
        <p class="empty" role="status">
          {t("trashOffline")}
        </p>
      ) : state.kind === "error" ? (
        <p class="error" role="alert">
          {t("trashError", state.message)}
        </p>
      ) : state.items.length === 0 ? (
        <p class="empty">{t("trashEmpty")}</p>
      ) : (
        <ul class="trash-items">
          {state.items.map((item) => {
            const key = `${item.entity}/${item.id}`;
            const title = recordTitle(item.data) ?? item.id;
            return (
              <li key={key} class="trash-item">
                <span class="kind">{kindLabel(item.entity)}</span> <strong>{title}</strong>
                <p class="meta">{t("trashDeleted", [item.deletedByName ?? t("historySomeone"), shortDate(item.deletedAt)])}</p>
                {restored.has(key) ? (
                  <p role="status">{t("trashRestored")}</p>
                ) : (
                  <button type="button" aria-label={`${t("trashRestore")}: ${title}`} onClick={() => restore(item)}>
                    {t("trashRestore")}
                  </button>
                )}
                <ItemHistory entity={item.entity} id={item.id} />
              </li>
            );
          })}
        </ul>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

/** A deleted record's history, asked for only once opened. */
function ItemHistory({ entity, id }: { entity: string; id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t("historyTitle")}</summary>
      {open && <HistoryList entity={entity} id={id} />}
    </details>
  );
}
