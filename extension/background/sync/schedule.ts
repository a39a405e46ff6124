// When the background syncs (soon after a change, every minute, with backoff after a failure, live while in use) and its sync messages.
import { browser } from "wxt/browser";
import type { syncMessages } from "../../common/messages/sync";
import type { Db } from "../../store/db";
import type { SyncStatus } from "../../store/status";
import { announceChange, dismissNotSaved, resolveConflict } from "../../store/store";
import type { Background, Handlers } from "../context";
import { SyncEngine } from "./engine";
import { LiveConnection } from "./live";

const pullAlarm = "liaison-pull";
const retryAlarm = "liaison-retry";

/** Syncs now; after a passing failure, tries again with backoff (a timer while awake, an alarm if the worker sleeps). */
export function syncScheduler(db: Promise<Db>): () => Promise<SyncStatus> {
  const engine = db.then((store) => new SyncEngine(store));
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  return async function syncSoon() {
    const sync = await engine;
    const status = await sync.run();
    clearTimeout(retryTimer);
    if (sync.retryDelaySeconds > 0) {
      retryTimer = setTimeout(() => void syncSoon(), sync.retryDelaySeconds * 1000);
      await browser.alarms.create(retryAlarm, { delayInMinutes: Math.max(0.5, sync.retryDelaySeconds / 60) });
    }
    return status;
  };
}

/** Pulls every minute and on the retry alarm; keeps live updates while a side panel or an overlay is open. */
export function startSync(background: Background): Handlers<keyof typeof syncMessages> {
  const { syncSoon } = background;
  /** Live updates while a side panel or an overlay is open (background/sync/live.ts). */
  const live = new LiveConnection(background.db, () => syncSoon());
  background.onPort((port) => live.hold(port));
  background.onStoreChange(() => void live.update());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === pullAlarm || alarm.name === retryAlarm) void syncSoon();
  });
  void browser.alarms.create(pullAlarm, { periodInMinutes: 1 });

  return {
    "sync.now": async () => ({ status: await syncSoon() }),
    "conflict.resolve": async (message, { store }) => {
      await resolveConflict(store, message.mutationId, message.keep, { memberId: (await background.session())?.member.id ?? null });
      announceChange();
      void syncSoon();
      return {};
    },
    "notSaved.dismiss": async (message, { store }) => {
      await dismissNotSaved(store, message.mutationId);
      announceChange("state");
      return {};
    },
    "entity.mutate": async (message) => {
      const { type: _type, ...change } = message;
      return { id: await background.saveLocal(change) };
    },
  };
}
