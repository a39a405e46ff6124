import { defineContentScript } from "wxt/utils/define-content-script";
import { startAnnotations } from "../../annotations/start-annotations";
import { startCapture } from "../../capture/start-capture";
import { ask } from "../../lib/ask";
import { trackerMatches } from "../../lib/hosts";
import { loadPageCatalogue } from "../../lib/i18n";
import { startOverlay } from "../../overlay/start-overlay";

declare global {
  interface Window {
    __liaison?: boolean;
  }
}

/** Liaison on a page: the overlay (chip and row badges), the page's annotations and capture from selected text. */
export default defineContentScript({
  matches: trackerMatches,
  runAt: "document_idle",
  async main(ctx) {
    // Injected again by the context menu or shortcut on a page where it already runs: one copy is enough.
    if (window.__liaison) return;
    window.__liaison = true;
    performance.mark("liaison:start");
    // The language's catalogue loads while the overlay asks for its data; nothing is drawn before both.
    const language = loadPageCatalogue(async (lang) => (await ask({ type: "i18n.catalogue", language: lang })).catalogue).catch(() => {});
    const overlay = startOverlay(ctx, language);
    await language;
    const annotations = startAnnotations(ctx, overlay);
    startCapture(ctx, { onAnnotationSaved: () => void annotations.refresh() });
    ctx.onInvalidated(() => {
      window.__liaison = false;
    });
  },
});
