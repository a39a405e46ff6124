// The sync bar of the side panel and options: how syncing stands, a sync now button, the changes the server did not take, and saving them.
import { ask } from "../common/ask";
import { type NotSaved, openStore } from "../store/db";
import type { SyncStatus } from "../store/status";
import { t } from "../ui/i18n";
import { notSavedOpLabels, syncStateLabels } from "../ui/labels";
import { kindLabel } from "./history/format";
import { downloadJson, readUnsynced } from "./unsynced";

async function exportUnsynced() {
  const unsynced = await readUnsynced(await openStore());
  downloadJson(document, `liaison-unsynced-${unsynced.exportedAt.slice(0, 10)}.json`, unsynced);
}

/** Why the server did not take a change, in the user's words. */
function whyNotSaved(entry: NotSaved): string {
  if (entry.why === "gone") return entry.op === "restore" ? t("notSavedTooOld") : t("notSavedGone");
  if (entry.why === "forbidden") return t("notSavedForbidden");
  return t("notSavedRefused", entry.reason);
}

const dismiss = (mutationId?: string) => void ask({ type: "notSaved.dismiss", ...(mutationId ? { mutationId } : {}) }).catch(() => {});

/**
 * The sync state, whether updates arrive live, and a way to save local work the server refused.
 * With `notSaved`, each change the server did not take is listed (what it was, and why) until dismissed.
 */
export function SyncBar({
  status,
  live,
  rejected,
  notSaved = [],
  onSync,
}: {
  status: SyncStatus | null;
  live: boolean;
  rejected: number;
  notSaved?: NotSaved[];
  onSync: () => void;
}) {
  const state = status?.state ?? "idle";
  const label = state === "error" ? t("syncError", status?.message ?? "") : t(syncStateLabels[state]);
  const removed = state === "removed";
  return (
    <>
      <div class={`sync sync-${state}`} role="status">
        <span>{label}</span>
        {live && !removed && <span class="live"> · {t("syncLive")}</span>}
        {status && status.pending > 0 && <span class="pending-count"> · {t("pendingCount", String(status.pending))}</span>}
        {!removed && (
          <button type="button" class="link" onClick={onSync}>
            {t("syncNow")}
          </button>
        )}
        {removed && <p class="removed-hint">{t("syncRemovedHint")}</p>}
        {(removed || rejected > 0) && (
          <button type="button" class="link export-unsynced" onClick={() => void exportUnsynced()}>
            {t("exportUnsynced")}
          </button>
        )}
      </div>
      {notSaved.length > 0 && (
        <details class="not-saved" open>
          <summary>{t("notSavedTitle", String(notSaved.length))}</summary>
          <ul>
            {notSaved.map((entry) => (
              <li key={entry.id}>
                <span>
                  {t(notSavedOpLabels[entry.op])} · {kindLabel(entry.entity)}
                  {entry.title ? ` “${entry.title}”` : ""}: {whyNotSaved(entry)}
                </span>{" "}
                <button type="button" class="link" onClick={() => dismiss(entry.id)}>
                  {t("notSavedDismiss")}
                </button>
              </li>
            ))}
          </ul>
          {notSaved.length > 1 && (
            <button type="button" class="link" onClick={() => dismiss()}>
              {t("notSavedDismissAll")}
            </button>
          )}
        </details>
      )}
    </>
  );
}
