/** How syncing stands, as shown in the side panel and options. */
export interface SyncStatus {
  state: "idle" | "syncing" | "offline" | "error" | "signed-out" | "removed";
  pending: number;
  lastSyncedAt: string | null;
  message: string | null;
}
