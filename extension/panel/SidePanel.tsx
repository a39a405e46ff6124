// The side panel page: keeps syncing and the live connection open while it is shown, and draws the panel.
import { useEffect } from "preact/hooks";
import { ask } from "../common/ask";
import { holdPort, panelPortName } from "../common/ports";
import { PanelApp } from "./PanelApp";
import type { PanelData } from "./panel-data";

// While the panel is open, teammates' changes come live (extension/sync/live.ts); this poll is the fallback.
const pollMs = 30_000;

/** The side panel page: keeps syncing while it is open, and shows the panel. */
export function SidePanel({ first }: { first?: Promise<PanelData> }) {
  useEffect(() => {
    const sync = () => {
      if (document.visibilityState === "visible") ask({ type: "sync.now" }).catch(() => {});
    };
    // Once the panel has drawn what this browser already has, ask for what is new.
    const first = setTimeout(sync, 300);
    const timer = setInterval(sync, pollMs);
    document.addEventListener("visibilitychange", sync);
    // An open panel means Liaison is in use: the background keeps the live connection meanwhile.
    const port = holdPort(panelPortName);
    return () => {
      port.disconnect();
      clearTimeout(first);
      clearInterval(timer);
      document.removeEventListener("visibilitychange", sync);
    };
  }, []);

  return <PanelApp first={first} />;
}
