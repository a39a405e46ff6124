import { defineContentScript } from "wxt/utils/define-content-script";
import { startCapture } from "../../capture/start-capture";
import { trackerMatches } from "../../lib/hosts";
import { joinPage } from "../../lib/page-parts";

/**
 * Capture from the page: the toolbar by selected text and the action item, risk and
 * annotation forms. Injected by the background after the annotations (see lib/page-parts.ts).
 */
export default defineContentScript({
  matches: trackerMatches,
  registration: "runtime",
  async main(ctx) {
    const start = await joinPage("capture", ctx);
    if (!start) return;
    const capture = startCapture(ctx, start.pageKeys, { onAnnotationSaved: () => start.annotationSaved() });
    start.started({ openCapture: capture.open });
  },
});
