// Starts the overlay on a page: asks the background for summaries of the items shown, and redraws when the store changes.
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { ask } from "../../common/ask";
import { type HeldPort, holdPort, overlayPortName } from "../../common/ports";
import { yieldToPage } from "../scheduler";
import { OverlayController } from "./controller";
import { recordBlock } from "./timing";

/** The page's one port to the background, shared: others on the page hear of store changes through it. */
export interface StoreEvents {
  /** Runs `listener` when the local store's rows changed, or may have while the background restarted. */
  onStoreChange(listener: () => void): void;
  /** The list rows the team has records about, with the item each shows (what the tracker says is read from them). */
  recordedRows?(): Array<{ element: Element; key: string }>;
}

interface Overlay extends StoreEvents {
  /** Settles once the overlay's first drawing is on screen (or its data could not be had). */
  firstPaint: Promise<void>;
}

/**
 * The overlay on a tracker page: reconciles on every DOM change and URL change (one per
 * frame at most, so in-app navigation is followed within a frame or two), asks the background
 * for summaries when the items on the page change, and redraws when the local store changes.
 */
export function startOverlay(ctx: ContentScriptContext, languageReady: Promise<unknown> = Promise.resolve()): Overlay {
  const storeListeners: Array<() => void> = [];
  const controller = new OverlayController(document, {
    // The background leaves out the items nothing is recorded about.
    query: async (keys) => {
      const [reply] = await Promise.all([ask({ type: "overlay.query", keys }), languageReady]);
      return reply.summaries;
    },
    open: (key) => void ask({ type: "overlay.open", key }).catch(() => {}),
  });

  // Open while the page is (the background keeps live updates meanwhile); opened again when the service worker restarts.
  let port: HeldPort | null = null;
  const storeChanged = () => {
    void controller.refreshData();
    for (const listener of storeListeners) listener();
  };
  const openPort = () =>
    holdPort(overlayPortName, {
      onMessage: (message) => {
        if ((message as { type?: string } | null)?.type === "changed") storeChanged();
      },
      onReconnect: () => {
        postPage();
        storeChanged();
      },
    });

  // The side panel's "This page" follows the tab in view; the page's URL stays in the browser.
  const postPage = () =>
    port?.postMessage({
      type: "page",
      itemKey: controller.currentItem(),
      title: document.title.slice(0, 300),
      url: location.href.slice(0, 2048),
    });

  let frame = 0;
  let firstPaint = true;
  /** How long one task may read a long list's rows. */
  const readingSliceMs = 5;
  let firstPainted = () => {};
  const painted = new Promise<void>((resolve) => {
    firstPainted = resolve;
  });
  /** Whether the page's DOM or URL changed since the last reconcile began; a scroll or resize only moves what is there. */
  let pageChanged = true;
  const update = () => {
    frame = 0;
    const started = performance.now();
    let changed: boolean | "more" = false;
    if (pageChanged || controller.isReading()) {
      // A reconcile that begins now sees every change so far; one made while it reads calls for another.
      if (!controller.isReading()) pageChanged = false;
      changed = controller.reconcile(readingSliceMs);
    }
    recordBlock(started);
    if (changed === "more") {
      // The rest of the rows in a task of their own, unless a frame's update comes first.
      void yieldToPage().then(() => frame || ctx.isInvalid || update());
      return;
    }
    if (!changed && !firstPaint) controller.render();
    if (pageChanged) schedule();
    if (changed || firstPaint) {
      postPage();
      void controller.refreshData().then(
        () => {
          if (!firstPaint) return;
          firstPaint = false;
          requestAnimationFrame(() => {
            performance.mark("liaison:painted");
            firstPainted();
          });
        },
        // The background is not there (the extension was reloaded under the page): what waits for the overlay need not.
        () => firstPainted(),
      );
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  const scheduleReconcile = () => {
    pageChanged = true;
    schedule();
  };

  const observer = new MutationObserver((mutations) => {
    // Our own insertions are not news.
    if (mutations.every((m) => [...m.addedNodes, ...m.removedNodes].every((node) => controller.isOurs(node)))) return;
    scheduleReconcile();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, "resize", schedule);
  ctx.addEventListener(document, "scroll", schedule, { capture: true, passive: true });
  // In-app navigation without a DOM change in the same frame (history.pushState, the Navigation API).
  ctx.addEventListener(window, "wxt:locationchange", scheduleReconcile);
  ctx.addEventListener(window, "popstate", scheduleReconcile);
  (window as unknown as { navigation?: EventTarget }).navigation?.addEventListener("currententrychange", scheduleReconcile);

  // Each in a task of its own, not in the one that parsed the script: opening the port (the
  // browser's first connect from a page costs several milliseconds), then the first reconcile.
  void yieldToPage()
    .then(() => {
      if (!ctx.isInvalid) port = openPort();
      return yieldToPage();
    })
    .then(() => ctx.isInvalid || update());
  ctx.onInvalidated(() => {
    // What waits for the first drawing need not wait for ever.
    firstPainted();
    observer.disconnect();
    (window as unknown as { navigation?: EventTarget }).navigation?.removeEventListener("currententrychange", scheduleReconcile);
    port?.disconnect();
    controller.destroy();
  });
  return {
    onStoreChange: (listener) => storeListeners.push(listener),
    recordedRows: () => controller.recordedRows(),
    firstPaint: painted,
  };
}
