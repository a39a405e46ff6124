import { t } from "../lib/i18n";
import { useStore } from "../lib/use-store";
import { openStore } from "../sync/db";
import type { SyncStatus } from "../sync/status";
import { downloadJson, noSyncExtras, readSyncExtras, readUnsynced } from "./unsynced";

async function exportUnsynced() {
  const unsynced = await readUnsynced(await openStore());
  downloadJson(document, `liaison-unsynced-${unsynced.exportedAt.slice(0, 10)}.json`, unsynced);
}

export function SyncBar({ status, onSync }: { status: SyncStatus | null; onSync: () => void }) {
  const { value: extras } = useStore(readSyncExtras, noSyncExtras);
  const state = status?.state ?? "idle";
  const label =
    state === "error"
      ? t("syncError", status?.message ?? "")
      : t(
          { idle: "syncIdle", syncing: "syncSyncing", offline: "syncOffline", "signed-out": "syncSignedOut", removed: "syncRemoved" }[
            state
          ],
        );
  const removed = state === "removed";
  return (
    <div class={`sync sync-${state}`} role="status">
      <span>{label}</span>
      {extras.live && !removed && <span class="live"> · {t("syncLive")}</span>}
      {status && status.pending > 0 && <span class="pending-count"> · {t("pendingCount", String(status.pending))}</span>}
      {!removed && (
        <button type="button" class="link" onClick={onSync}>
          {t("syncNow")}
        </button>
      )}
      {removed && <p class="removed-hint">{t("syncRemovedHint")}</p>}
      {(removed || extras.rejected > 0) && (
        <button type="button" class="link export-unsynced" onClick={() => void exportUnsynced()}>
          {t("exportUnsynced")}
        </button>
      )}
    </div>
  );
}
