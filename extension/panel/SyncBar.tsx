// The sync bar of the side panel and options: how syncing stands, a sync now button, and saving work the server refused.
import { openStore } from "../store/db";
import type { SyncStatus } from "../store/status";
import { t } from "../ui/i18n";
import { syncStateLabels } from "../ui/labels";
import { downloadJson, readUnsynced } from "./unsynced";

async function exportUnsynced() {
  const unsynced = await readUnsynced(await openStore());
  downloadJson(document, `liaison-unsynced-${unsynced.exportedAt.slice(0, 10)}.json`, unsynced);
}

/** The sync state, whether updates arrive live, and a way to save local work the server refused. */
export function SyncBar({
  status,
  live,
  rejected,
  onSync,
}: {
  status: SyncStatus | null;
  live: boolean;
  rejected: number;
  onSync: () => void;
}) {
  const state = status?.state ?? "idle";
  const label = state === "error" ? t("syncError", status?.message ?? "") : t(syncStateLabels[state]);
  const removed = state === "removed";
  return (
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
  );
}
