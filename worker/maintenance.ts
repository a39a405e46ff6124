// The Worker's scheduled clean-up: the trash after 30 days; old tombstones (with their history), mutation records and orphaned canonical IRIs after 90; chat channels' old bookkeeping.
import { trashDays } from "../shared/sync";
import type { Db } from "./db/db";

/** How long tombstones and idempotency records are kept; a client away longer resyncs from zero. */
export const retentionDays = 90;

/** A chat channel's held-back events this old are dropped: its digest never went (the channel is paused), and the news is stale. */
export const channelBacklogDays = 7;
/** Marks of once-only chat notices are kept this long: past it the notice is out of its window and never sent again anyway. */
export const channelSentDays = 30;

/**
 * Empties the trash of deletes over 30 days old (their kept data goes; the tombstone stays).
 * Purges old tombstones with their history, old mutation records and sign-in codes, and canonical IRIs whose
 * annotation is gone, and chat channels' stale held-back events and old marks of notices sent. Each workspace's horizon moves up to the newest purged tombstone, so a
 * pull from an older cursor is told to reset instead of missing deletes.
 */
export async function purgeExpired(db: Db, at = new Date()) {
  const cutoff = new Date(at.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
  const trashCutoff = new Date(at.getTime() - trashDays * 24 * 60 * 60 * 1000).toISOString();
  const backlogCutoff = new Date(at.getTime() - channelBacklogDays * 24 * 60 * 60 * 1000).toISOString();
  const sentCutoff = new Date(at.getTime() - channelSentDays * 24 * 60 * 60 * 1000).toISOString();
  await db.batch([
    db
      .prepare("UPDATE entities SET restorable_data = NULL WHERE deleted = 1 AND restorable_data IS NOT NULL AND updated_at < ?1")
      .bind(trashCutoff),
    db
      .prepare(
        `UPDATE workspaces SET horizon = max(horizon, (
           SELECT max(version) FROM entities e WHERE e.workspace_id = workspaces.id AND e.deleted = 1 AND e.updated_at < ?1))
         WHERE EXISTS (SELECT 1 FROM entities e WHERE e.workspace_id = workspaces.id AND e.deleted = 1 AND e.updated_at < ?1)`,
      )
      .bind(cutoff),
    db
      .prepare(
        `DELETE FROM history WHERE (workspace_id, entity, entity_id) IN (
           SELECT workspace_id, entity, id FROM entities WHERE deleted = 1 AND updated_at < ?1)`,
      )
      .bind(cutoff),
    db.prepare("DELETE FROM entities WHERE deleted = 1 AND updated_at < ?1").bind(cutoff),
    db.prepare("DELETE FROM mutations WHERE created_at < ?1").bind(cutoff),
    // Sign-in codes for another browser work for minutes; used or not, they are kept as long.
    db.prepare("DELETE FROM browser_codes WHERE expires_at < ?1").bind(cutoff),
    db.prepare("DELETE FROM channel_backlog WHERE at < ?1").bind(backlogCutoff),
    db.prepare("DELETE FROM channel_sent WHERE at < ?1").bind(sentCutoff),
    // Canonical IRIs of annotations deleted through the sync API (the W3C route drops its own at once).
    db.prepare(
      `DELETE FROM annotation_canonical WHERE NOT EXISTS (
         SELECT 1 FROM entities e WHERE e.workspace_id = annotation_canonical.workspace_id AND e.entity = 'annotation'
           AND e.id = annotation_canonical.annotation_id AND e.deleted = 0)`,
    ),
  ]);
}
