// The page-start content script every tracker page loads: draws the overlay, and has the background inject annotations and capture later.
import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import { pageItemKeys } from "../../../shared/sites/adapters";
import { ask } from "../../common/ask";
import type { PageLeave } from "../../common/self-hosted";
import { startOverlay } from "../../page/overlay/start-overlay";
import { type PagePart, type PageStart, pageStart } from "../../page/parts";
import { yieldToPage } from "../../page/scheduler";
import { loadPageCatalogue } from "../../ui/i18n";

/**
 * Liaison on a page, first part: the overlay (chip and row badges). The page's annotations
 * follow once it is drawn, capture when first wanted (lib/page-parts.ts).
 */
export default defineContentScript({
  // Matches: the trackers of the site list, set by wxt.config.ts.
  runAt: "document_idle",
  main(ctx) {
    // Own properties only: a page element with id="__liaison" shows on `window` too, in every world.
    if (Object.hasOwn(window, "__liaison") && window.__liaison) return;
    window.__liaison = true;
    performance.mark("liaison:start");
    let begin: (start: PageStart) => void = () => {};
    const started = new Promise<PageStart>((resolve) => {
      begin = resolve;
    });
    let leave: () => void = () => {};
    const left = new Promise<void>((resolve) => {
      leave = resolve;
    });
    const asked = new Map<PagePart, Promise<PageStart>>();
    /** Has the background inject a later part into this frame, once; fails if it could not (asked again when next wanted). */
    const load = (part: PagePart): Promise<PageStart> => {
      let loading = asked.get(part);
      if (!loading) {
        loading = started.then(async (start) => {
          window.__liaisonStart = start;
          await ask({ type: "page.part", part });
          return start;
        });
        loading.catch(() => asked.delete(part));
        asked.set(part, loading);
      }
      return loading;
    };
    const capture = () => load("capture").then((start) => start.capture);

    // The context menu and the shortcut open the capture form, which loads then if it has not yet.
    // Listened for at once: the background sends as soon as it injected this script into a page.
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      const message = raw as { type?: unknown; selectionText?: unknown; kind?: unknown; origin?: unknown } | null;
      // The user removed this self-hosted host in options: Liaison leaves the page now, every part with it.
      if (message?.type === ("page.leave" satisfies PageLeave["type"])) {
        if (message.origin === location.origin) ctx.notifyInvalidated();
        return;
      }
      if (message?.type !== "capture.open") return;
      const selectionText = typeof message.selectionText === "string" ? message.selectionText.slice(0, 10_000) : undefined;
      const kind = message.kind === "annotation" ? "annotation" : "actionItem";
      // The words selected now, before loading capture lets the selection change.
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
      const at = Date.now();
      void capture().then(
        // A form the user asked for long ago (capture could not load then) would only surprise them now.
        (part) => Date.now() - at < 5000 && part.open(kind, selectionText, range),
        () => {},
      );
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      window.__liaison = false;
      delete window.__liaisonStart;
      leave();
    });

    // The rest of the start in tasks of its own, after this one, which parsed the script, returns:
    // whoever injected it (the background, for the context menu) need not wait for the drawing.
    void (async () => {
      await yieldToPage();
      if (ctx.isInvalid) return;
      // The language's catalogue loads while the overlay asks for its data; nothing is drawn before both.
      const language = loadPageCatalogue(async (lang) => (await ask({ type: "i18n.catalogue", language: lang })).catalogue).catch(() => {});
      const overlay = startOverlay(ctx, language);
      begin(pageStart(overlay, language, (href) => pageItemKeys(href, document), left));

      // A selection its toolbar could offer to capture brings capture (capture then follows the selection itself).
      const onSelection = (event: Event) => {
        if (!event.isTrusted) return;
        // Once capture is here (or on its way), it follows the selection itself.
        if (asked.has("capture")) return;
        setTimeout(() => {
          if (window.getSelection()?.isCollapsed === false) capture().catch(() => {});
        }, 0);
      };
      ctx.addEventListener(document, "mouseup", onSelection);
      ctx.addEventListener(document, "keyup", (event) => (event as KeyboardEvent).shiftKey && onSelection(event));

      // The page's annotations come after the overlay's first drawing, not in its way.
      await Promise.all([language, overlay.firstPaint]);
      if (!ctx.isInvalid) load("annotations").catch(() => {});
    })();
  },
});
