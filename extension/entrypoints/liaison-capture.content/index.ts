import { defineContentScript } from "wxt/utils/define-content-script";
import { startCapture } from "../../capture/start-capture";
import { trackerMatches } from "../../lib/hosts";
import { usePageCatalogues } from "../../lib/i18n";
import { claimPart } from "../../lib/page-parts";

/**
 * Capture from the page: the toolbar by selected text and the action item, risk and
 * annotation forms. Injected by the background after the annotations (see lib/page-parts.ts).
 */
export default defineContentScript({
  matches: trackerMatches,
  registration: "runtime",
  async main(ctx) {
    const start = claimPart("capture");
    if (!start) return;
    usePageCatalogues(await start.catalogues);
    if (ctx.isInvalid) return;
    const capture = startCapture(ctx, start.pageKeys, { onAnnotationSaved: () => start.annotationSaved() });
    start.started({ openCapture: capture.open });
  },
});
