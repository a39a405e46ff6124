// The content script of capture on a page (the toolbar by selected text and the forms), injected by the background when first wanted.
import { defineContentScript } from "wxt/utils/define-content-script";
import { startCapture } from "../../page/capture/start-capture";
import { joinPage } from "../../page/parts";

/**
 * Capture from the page: the toolbar by selected text and the action item, risk and
 * annotation forms. Injected by the background when first wanted (see lib/page-parts.ts).
 */
export default defineContentScript({
  // Matches: the trackers of the site list, set by wxt.config.ts.
  registration: "runtime",
  async main(ctx) {
    const start = await joinPage("capture", ctx);
    if (!start) return;
    const capture = startCapture(ctx, start.pageKeys, { onAnnotationSaved: () => start.annotationSaved() });
    start.captureStarted(capture);
    // What brought capture here may be a selection made a moment ago: its toolbar shows now.
    capture.offerSelection();
  },
});
