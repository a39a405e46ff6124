import { defineContentScript } from "wxt/utils/define-content-script";
import { startAnnotations } from "../../annotations/start-annotations";
import { trackerMatches } from "../../lib/hosts";
import { joinPage } from "../../lib/page-parts";

/**
 * The page's annotations: highlighted, listed and followed live. Injected by the background
 * after the overlay's first drawing (see lib/page-parts.ts).
 */
export default defineContentScript({
  matches: trackerMatches,
  registration: "runtime",
  async main(ctx) {
    const start = await joinPage("annotations", ctx);
    if (!start) return;
    const annotations = startAnnotations(ctx, start.overlay, start.pageKeys);
    start.annotationSaved = () => void annotations.refresh();
  },
});
