// Starts the service worker: opens the store, starts each area and answers messages with their handler maps.
import { type Browser, browser } from "wxt/browser";
import type { MessageType } from "../common/messages";
import { inUsePortNames } from "../common/ports";
import { getKv, openStore } from "../store/db";
import { announceChange, mutateLocal, type StoreChange, storeChannelName } from "../store/store";
import { startCalendar } from "./calendar";
import { startCapture } from "./capture";
import { startChannels } from "./channels";
import type { Background, Handlers } from "./context";
import { startForMe } from "./for-me";
import { startHosts } from "./hosts";
import { startMinutes } from "./minutes";
import { startPageParts } from "./page-parts";
import { receiver } from "./receive";
import { startRecords } from "./records";
import { startReminders } from "./reminders";
import { startSync, syncScheduler } from "./sync/schedule";
import { startWorkspace } from "./workspace";

export function startBackground(): void {
  const db = openStore();
  const syncSoon = syncScheduler(db);
  const storeListeners: ((change: Exclude<StoreChange, "context">) => void)[] = [];
  const portListeners: ((port: Browser.runtime.Port) => void)[] = [];

  const background: Background = {
    db,
    syncSoon,
    async session() {
      return (await getKv(await db, "session")) ?? null;
    },
    async saveLocal(change) {
      await mutateLocal(await db, change, { memberId: (await background.session())?.member.id ?? null });
      announceChange();
      void syncSoon();
      return change.entityId;
    },
    onStoreChange: (listener) => storeListeners.push(listener),
    onPort: (listener) => portListeners.push(listener),
  };

  browser.runtime.onConnect.addListener((port) => {
    if (!inUsePortNames.includes(port.name) || port.sender?.id !== browser.runtime.id) return port.disconnect();
    for (const listener of portListeners) listener(port);
  });
  const channel = new BroadcastChannel(storeChannelName);
  channel.onmessage = (event: MessageEvent<{ type?: StoreChange }>) => {
    const change = event.data?.type ?? "changed";
    if (change === "context") return;
    for (const listener of storeListeners) listener(change);
  };

  const handlers: Handlers<MessageType> = {
    ...startSync(background),
    ...startPageParts(background),
    ...startCapture(background),
    ...startWorkspace(background),
    ...startHosts(background),
    ...startRecords(background),
    ...startForMe(background),
    ...startMinutes(background),
    ...startCalendar(background),
    ...startChannels(background),
  };
  browser.runtime.onMessage.addListener(receiver(handlers, db));
  startReminders(background);
  void syncSoon();
}
