// The sync engine in the background: pushes the outbox to the Worker and pulls teammates' changes into the local store, one run at a time.
import { maxReadMarksPerRequest } from "../../../shared/for-me";
import { type Change, maxMutationsPerPush } from "../../../shared/sync";
import type { StoredSession } from "../../common/session";
import { type Db, getKv, type OutboxEntry, setKv } from "../../store/db";
import { noteReassignments, saveReadMarks } from "../../store/for-me";
import type { SyncStatus } from "../../store/status";
import {
  acknowledge,
  announceChange,
  applyChanges,
  newLocalId,
  outboxSize,
  peekOutbox,
  reject,
  resetRows,
  setConflict,
} from "../../store/store";
import { ApiFailure, api, type SyncApi } from "./api";

const pullPage = 500;

/**
 * Pushes the outbox and pulls teammates' changes, one run at a time. Failures that may pass
 * (network, 5xx, 429) leave everything queued and report when to try again.
 */
export class SyncEngine {
  private running: Promise<SyncStatus> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly server: SyncApi = api,
  ) {}

  /** Runs a sync now, or once more right after the one under way. */
  run(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let status: SyncStatus;
      do {
        this.again = false;
        status = await this.once();
      } while (this.again && status.state === "idle");
      return status;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Seconds until the next try after a transient failure, growing with each failure in a row. */
  retryDelaySeconds = 0;
  private failures = 0;

  private async once(): Promise<SyncStatus> {
    const session = await getKv(this.db, "session");
    if (!session) return this.report({ state: "signed-out", message: null });
    // The server refused this token for good: nothing more is sent or fetched with it. Unsent work stays for export.
    if (session.revokedAt) return this.report({ state: "removed", message: (await getKv(this.db, "status"))?.message ?? null });
    try {
      await this.push(session);
      await this.pull(session);
      await this.refreshMembers(session);
      await this.syncReadMarks(session);
      this.failures = 0;
      this.retryDelaySeconds = 0;
      return this.report({ state: "idle", message: null, lastSyncedAt: new Date().toISOString() });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) {
        // The API's own refusal (not, say, a portal in between) means the member was removed or the token replaced.
        if (error.code === "unauthorized") await this.revoke(session);
        return this.report({ state: "removed", message: error.message });
      }
      this.failures++;
      const backoff = Math.min(300, 2 ** Math.min(this.failures, 8));
      this.retryDelaySeconds = error instanceof ApiFailure && error.retryAfterSeconds ? error.retryAfterSeconds : backoff;
      const offline = error instanceof ApiFailure && error.status === 0;
      return this.report({ state: offline ? "offline" : "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async push(session: StoredSession): Promise<void> {
    const clientId = await this.clientId();
    for (;;) {
      const batch = await peekOutbox(this.db, maxMutationsPerPush);
      if (batch.length === 0) return;
      try {
        const response = await this.server.push(session.serverUrl, session.token, { clientId, mutations: batch.map(toMutation) });
        await acknowledge(this.db, batch, response.results);
        announceChange();
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.transient || error.status === 401) throw error;
        // The server refused the batch as a whole, for the mutation it names: set that one aside and send the rest again.
        const named = batch.find((entry) => entry.id === (error.details as { mutationId?: unknown } | null)?.mutationId);
        if (named) {
          await this.setAside(named, error);
          announceChange();
          continue;
        }
        // Naming none: send one at a time so that only the bad one is set aside.
        await this.pushOneByOne(session, clientId, batch);
      }
    }
  }

  /** A mutation the server refused: a stale edit becomes a conflict for the user to settle; anything else is listed as not saved. */
  private async setAside(entry: OutboxEntry, error: ApiFailure): Promise<void> {
    if (error.status === 409 && isConflictDetails(error.details))
      await setConflict(this.db, entry, error.details.current, error.details.fields);
    else await reject(this.db, entry, error.message, error.status === 403 ? "forbidden" : error.status === 410 ? "gone" : "invalid");
  }

  private async pushOneByOne(session: StoredSession, clientId: string, batch: OutboxEntry[]): Promise<void> {
    for (const entry of batch) {
      try {
        const response = await this.server.push(session.serverUrl, session.token, { clientId, mutations: [toMutation(entry)] });
        await acknowledge(this.db, [entry], response.results);
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.transient || error.status === 401) throw error;
        await this.setAside(entry, error);
      }
    }
    announceChange();
  }

  private async pull(session: StoredSession): Promise<void> {
    let cursor = (await getKv(this.db, "cursor")) ?? 0;
    for (;;) {
      const page = await this.server.pull(session.serverUrl, session.token, cursor, pullPage);
      if (page.reset) {
        // The server no longer has every tombstone since our cursor: start over, keeping unsent work.
        await resetRows(this.db);
        cursor = 0;
        continue;
      }
      if (page.changes.length > 0) {
        await noteReassignments(this.db, page.changes);
        await applyChanges(this.db, page.changes, page.cursor);
        announceChange();
      } else if (page.cursor !== cursor) {
        // Nothing visible changed (say, others' private annotations), but the cursor still moves on.
        await setKv(this.db, "cursor", page.cursor);
      }
      cursor = page.cursor;
      if (!page.more) return;
    }
  }

  /** Marks the session's token as refused, unless another sign-in replaced the session meanwhile. */
  private async revoke(session: StoredSession): Promise<void> {
    const current = await getKv(this.db, "session");
    if (current?.token === session.token) await setKv(this.db, "session", { ...current, revokedAt: new Date().toISOString() });
  }

  private async refreshMembers(session: StoredSession): Promise<void> {
    const { members } = await this.server.members(session.serverUrl, session.token);
    await setKv(this.db, "members", members);
  }

  /**
   * Sends the "For me" entries read here and takes the marks of all my browsers: all of them
   * the first time, then only those made since the cursor the last answer gave (a browser
   * that was offline for days catches up the same way), so that a sync with nothing new
   * downloads next to nothing.
   */
  private async syncReadMarks(session: StoredSession): Promise<void> {
    if (!this.server.readMarks) return;
    const sent = ((await getKv(this.db, "readPending")) ?? []).slice(0, maxReadMarksPerRequest);
    const kept = await getKv(this.db, "readCursor");
    const since = kept?.memberId === session.member.id ? kept.cursor : "";
    try {
      const answer = await this.server.readMarks(session.serverUrl, session.token, sent.length > 0 ? sent : undefined, since);
      // A server that keeps no cursors answers all the marks, as does the first answer.
      const cursor = answer.cursor === undefined ? null : { memberId: session.member.id, cursor: answer.cursor };
      const how = cursor && since !== "" ? "merge" : "replace";
      if (await saveReadMarks(this.db, answer.keys, sent, how, cursor)) announceChange("state");
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.transient || error.status === 401) throw error;
      // A server without read marks (404) keeps them here; marks it refuses (400) are dropped, not sent forever.
      if (error.status === 400) await saveReadMarks(this.db, (await getKv(this.db, "readMarks")) ?? [], sent);
    }
  }

  private async clientId(): Promise<string> {
    let id = await getKv(this.db, "clientId");
    if (!id) {
      id = newLocalId();
      await setKv(this.db, "clientId", id);
    }
    return id;
  }

  private async report(partial: Pick<SyncStatus, "state" | "message"> & { lastSyncedAt?: string }): Promise<SyncStatus> {
    const previous = await getKv(this.db, "status");
    const status: SyncStatus = {
      state: partial.state,
      message: partial.message,
      pending: await outboxSize(this.db),
      lastSyncedAt: partial.lastSyncedAt ?? previous?.lastSyncedAt ?? null,
    };
    await setKv(this.db, "status", status);
    announceChange("state");
    return status;
  }
}

function toMutation(entry: OutboxEntry) {
  return {
    id: entry.id,
    entity: entry.entity as never,
    entityId: entry.entityId,
    op: entry.op,
    ...(entry.op === "upsert" ? { fields: entry.fields } : {}),
    ...(entry.baseVersion !== undefined ? { baseVersion: entry.baseVersion } : {}),
  };
}

function isConflictDetails(details: unknown): details is { current: Change; fields?: string[] } {
  const { current, fields } = (details ?? {}) as { current?: Partial<Change>; fields?: unknown };
  const fieldList = fields === undefined || (Array.isArray(fields) && fields.every((field) => typeof field === "string"));
  return typeof current?.id === "string" && typeof current.version === "number" && fieldList;
}
