// The hooks the side panel and options read the local store with: read now, and again whenever the store changes; and one that follows the tab in view.
import { useEffect, useState } from "preact/hooks";
import { type Db, openStore } from "../store/db";
import { type StoreChange, storeChannelName } from "../store/local-rows";

/**
 * Reads from the local store now and again whenever the background says it changed. `first`,
 * a read the page started before rendering, may be partial (a first screen): the full read
 * follows as soon as it is shown.
 */
export function useStore<T>(read: (db: Db) => Promise<T>, initial: T, first?: Promise<T>): { value: T; loaded: boolean } {
  const [state, setState] = useState({ value: initial, loaded: false });
  useEffect(() => {
    let alive = true;
    let version = 0;
    let prefetched = first;
    const load = async () => {
      const mine = ++version;
      // The page may have started the first read before rendering (side panel), to show content sooner.
      const early = prefetched;
      prefetched = undefined;
      const value = await (early ?? openStore().then(read));
      // A slower earlier read must not overwrite a newer one.
      if (alive && mine === version) setState({ value, loaded: true });
      // The full read, once the first screen is painted: its work must not hold that frame back.
      if (early && alive && mine === version) requestAnimationFrame(() => setTimeout(() => void load(), 0));
    };
    void load();
    // A sync announces several changes in a row (pushed, pulled, status): one read covers them.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const channel = new BroadcastChannel(storeChannelName);
    channel.onmessage = (event: MessageEvent<{ type?: StoreChange }>) => {
      // Only the tab in view changed: nothing stored did.
      if (event.data?.type === "context") return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 50);
    };
    return () => {
      alive = false;
      clearTimeout(timer);
      channel.close();
    };
  }, []);
  return state;
}

/** Runs `listener` now and whenever the background says the tab in view, or its page, changed (nothing stored did). */
export function useTabInView(listener: () => void): void {
  useEffect(() => {
    listener();
    const channel = new BroadcastChannel(storeChannelName);
    channel.onmessage = (event: MessageEvent<{ type?: StoreChange }>) => {
      if (event.data?.type === "context") listener();
    };
    return () => channel.close();
  }, []);
}
