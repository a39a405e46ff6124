// The content script of a page's annotations, injected by the background once the overlay is drawn.
import { defineContentScript } from "wxt/utils/define-content-script";
import { startAnnotations } from "../../page/annotations/start-annotations";
import { joinPage } from "../../page/parts";
import { yieldToPage } from "../../page/scheduler";
import { startTrackerReading } from "../../page/tracker/read-tracker";

/**
 * The page's annotations: highlighted, listed and followed live. Injected by the background
 * after the overlay's first drawing (see lib/page-parts.ts).
 */
export default defineContentScript({
  // Matches: the trackers of the site list, set by wxt.config.ts.
  registration: "runtime",
  async main(ctx) {
    const start = await joinPage("annotations", ctx);
    if (!start) return;
    // Started in a task of its own, not in the one that parsed the script.
    await yieldToPage();
    if (ctx.isInvalid) return;
    const annotations = startAnnotations(ctx, start.overlay, start.pageKeys);
    start.annotationSaved = () => void annotations.refresh();
    // What the tracker says about the page's item, read here rather than at page start.
    await yieldToPage();
    if (!ctx.isInvalid) startTrackerReading(ctx, start.overlay, start.pageKeys);
  },
});
