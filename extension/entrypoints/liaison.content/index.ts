import { defineContentScript } from "wxt/utils/define-content-script";
import { startCapture } from "../../capture/start-capture";
import { trackerMatches } from "../../lib/hosts";
import { startOverlay } from "../../overlay/start-overlay";

declare global {
  interface Window {
    __liaison?: boolean;
  }
}

/** Liaison on a page: the overlay (chip and row badges) and capture from selected text. */
export default defineContentScript({
  matches: trackerMatches,
  runAt: "document_idle",
  main(ctx) {
    // Injected again by the context menu or shortcut on a page where it already runs: one copy is enough.
    if (window.__liaison) return;
    window.__liaison = true;
    performance.mark("liaison:start");
    startOverlay(ctx);
    startCapture(ctx);
    ctx.onInvalidated(() => {
      window.__liaison = false;
    });
  },
});
