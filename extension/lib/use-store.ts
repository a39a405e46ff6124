import { useEffect, useState } from "preact/hooks";
import { type Db, openStore } from "../sync/db";
import { storeChannelName } from "../sync/store";

/** Reads from the local store now and again whenever the background says it changed. */
export function useStore<T>(read: (db: Db) => Promise<T>, initial: T): { value: T; loaded: boolean } {
  const [state, setState] = useState({ value: initial, loaded: false });
  useEffect(() => {
    let alive = true;
    let version = 0;
    const load = async () => {
      const mine = ++version;
      const value = await read(await openStore());
      // A slower earlier read must not overwrite a newer one.
      if (alive && mine === version) setState({ value, loaded: true });
    };
    void load();
    const channel = new BroadcastChannel(storeChannelName);
    channel.onmessage = () => void load();
    return () => {
      alive = false;
      channel.close();
    };
  }, []);
  return state;
}
