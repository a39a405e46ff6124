import { defineContentScript } from "wxt/utils/define-content-script";
import { yieldToPage } from "../../anchoring/scheduler";
import { startAnnotations } from "../../annotations/start-annotations";
import { startCapture } from "../../capture/start-capture";
import { trackerMatches } from "../../lib/hosts";
import { usePageCatalogues } from "../../lib/i18n";

/**
 * The rest of Liaison on a page: its annotations and capture from selected text. Injected by
 * the background when the page's first script asks, after the overlay's first drawing (see
 * lib/page-parts.ts); each part starts in a task of its own.
 */
export default defineContentScript({
  matches: trackerMatches,
  registration: "runtime",
  async main(ctx) {
    const start = window.__liaisonStart;
    if (!start) return;
    window.__liaisonStart = undefined;
    usePageCatalogues(await start.catalogues);
    await yieldToPage();
    if (ctx.isInvalid) return;
    const annotations = startAnnotations(ctx, start.overlay, start.pageKeys);
    await yieldToPage();
    if (ctx.isInvalid) return;
    const capture = startCapture(ctx, start.pageKeys, { onAnnotationSaved: () => void annotations.refresh() });
    start.started({ openCapture: capture.open });
  },
});
