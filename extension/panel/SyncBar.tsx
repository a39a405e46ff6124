import { t } from "../lib/i18n";
import type { SyncStatus } from "../sync/status";

export function SyncBar({ status, onSync }: { status: SyncStatus | null; onSync: () => void }) {
  const state = status?.state ?? "idle";
  const label =
    state === "error"
      ? t("syncError", status?.message ?? "")
      : t(
          { idle: "syncIdle", syncing: "syncSyncing", offline: "syncOffline", "signed-out": "syncSignedOut", removed: "syncRemoved" }[
            state
          ],
        );
  return (
    <div class={`sync sync-${state}`} role="status">
      <span>{label}</span>
      {status && status.pending > 0 && <span class="pending-count"> · {t("pendingCount", String(status.pending))}</span>}
      <button type="button" class="link" onClick={onSync}>
        {t("syncNow")}
      </button>
    </div>
  );
}
