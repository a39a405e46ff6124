// Ports from overlays and side panels to the background: they tell it Liaison is in use and hear when the store changed.
import { type Browser, browser } from "wxt/browser";

/** Overlays on tracker pages: told when the store changes. */
export const overlayPortName = "liaison-overlay";
/** Open side panels. */
export const panelPortName = "liaison-panel";

/** While one of these is open, Liaison is in use: the background keeps its live connection. */
export const inUsePortNames: readonly string[] = [overlayPortName, panelPortName];

/** A port to the background that outlives the service worker. */
export interface HeldPort {
  /** Sends when connected; a message sent while the port is being opened again is dropped. */
  postMessage(message: unknown): void;
  disconnect(): void;
}

/**
 * Keeps a port to the background open until disconnected. A port breaks when the service
 * worker stops; it is opened again a moment later (which starts the worker) and `onReconnect`
 * runs, since changes may have come in meanwhile. Stops for good once the extension was
 * reloaded or removed under a content script.
 */
export function holdPort(name: string, handlers: { onMessage?(message: unknown): void; onReconnect?(): void } = {}): HeldPort {
  let port: Browser.runtime.Port | null = null;
  let released = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = (again: boolean) => {
    if (released || !browser.runtime?.id) return;
    try {
      port = browser.runtime.connect({ name });
    } catch {
      return;
    }
    port.onMessage.addListener((message: unknown) => handlers.onMessage?.(message));
    port.onDisconnect.addListener(() => {
      port = null;
      if (!released) timer = setTimeout(() => connect(true), 1000);
    });
    if (again) handlers.onReconnect?.();
  };
  connect(false);
  return {
    postMessage(message) {
      try {
        port?.postMessage(message);
      } catch {
        // Disconnected this very moment: it reconnects and the caller's next message goes through.
      }
    },
    disconnect() {
      released = true;
      clearTimeout(timer);
      port?.disconnect();
      port = null;
    },
  };
}
