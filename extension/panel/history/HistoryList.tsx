// A record's history in the side panel, asked of the server through the background: who created, changed, deleted or restored it, and when.
import { useEffect, useState } from "preact/hooks";
import type { EntityName } from "../../../shared/entities";
import type { Member } from "../../../shared/workspace";
import { ask } from "../../common/ask";
import type { HistoryEntry } from "../../common/messages/records";
import { isOffline } from "../../common/offline";
import { getKv, openStore } from "../../store/db";
import { t } from "../../ui/i18n";
import { fieldLabel, formatValue, shortDate } from "./format";

/** A member id field changed with the name field beside it says the same thing twice: the name is shown. */
const idFieldOf: Record<string, string> = { ownerId: "owner", leadId: "lead", memberId: "person", deciderId: "decider" };

/** The lines one version of a record reads as, newest version first overall. */
function historyLines(entity: string, entry: HistoryEntry, members: Member[] = [], now = new Date()): string[] {
  const who = entry.memberName ?? members.find((member) => member.id === entry.memberId)?.name ?? t("historySomeone");
  const when = shortDate(entry.at, now);
  if (entry.op === "create") return [t("historyCreated", [who, when])];
  if (entry.op === "delete") return [t("historyDeleted", [who, when])];
  if (entry.op === "restore") return [t("historyRestored", [who, when])];
  const fields = new Set(entry.changes.map((change) => change.field));
  const shown = entry.changes.filter((change) => !(change.field in idFieldOf && fields.has(idFieldOf[change.field])));
  if (shown.length === 0) return [t("historyEdited", [who, when])];
  return shown.map((change) => {
    const field = fieldLabel(change.field);
    const before = formatValue(entity, change.field, change.old, members);
    const after = formatValue(entity, change.field, change.new, members);
    if (before === "—") return t("historySet", [who, field, after, when]);
    if (after === "—") return t("historyCleared", [who, field, when]);
    return t("historyChanged", [who, field, before, after, when]);
  });
}

type State =
  | { kind: "loading" }
  | { kind: "offline" }
  | { kind: "error"; message: string }
  | { kind: "done"; entries: HistoryEntry[]; members: Member[] };

/**
 * A record's history, newest first: "Ann changed Owner from Bo Chen to Cy Wang, 2 Dec". It lives
 * on the server, so it says so when offline; people a change names by id are named from the
 * workspace's members in the local store.
 */
export function HistoryList({ entity, id }: { entity: string; id: string }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    const members = openStore()
      .then((db) => getKv(db, "members"))
      .then((found) => found ?? [])
      .catch((): Member[] => []);
    Promise.all([ask({ type: "history.get", entity: entity as EntityName, id }), members]).then(
      ([{ entries }, found]) => current && setState({ kind: "done", entries, members: found }),
      (error: Error) => current && setState(isOffline(error) ? { kind: "offline" } : { kind: "error", message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [entity, id]);

  return (
    <section class="history" aria-label={t("historyTitle")}>
      {state.kind === "loading" ? (
        <p class="empty" role="status">
          {t("historyLoading")}
        </p>
      ) : state.kind === "offline" ? (
        <p class="empty" role="status">
          {t("historyOffline")}
        </p>
      ) : state.kind === "error" ? (
        <p class="error" role="alert">
          {t("historyError", state.message)}
        </p>
      ) : state.entries.length === 0 ? (
        <p class="empty">{t("historyEmpty")}</p>
      ) : (
        <ol class="history-lines">
          {[...state.entries]
            .sort((a, b) => b.version - a.version)
            .flatMap((entry) =>
              historyLines(entity, entry, state.members).map((line, n) => (
                <li key={`${entry.version}-${n}`} data-op={entry.op}>
                  {line}
                </li>
              )),
            )}
        </ol>
      )}
    </section>
  );
}
