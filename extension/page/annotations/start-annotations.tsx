// Starts annotations on a page: asks the background for them, highlights them, follows the store and navigation; a click opens the panel.
import { render } from "preact";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { isCanvasRendered, type PageRef, pageKeyOf } from "../../../shared/annotation-page";
import { ask } from "../../common/ask";
import type { StoreEvents } from "../overlay/start-overlay";
import { createShadowHost } from "../shadow-host";
import { pageTheme } from "../theme";
import { AnnotationTip } from "./AnnotationTip";
import { AnnotationLayer } from "./annotation-layer";
import css from "./annotation-tip.css?inline";

interface PageAnnotations {
  /** Asks for the page's annotations again (one was just saved here). */
  refresh(): Promise<void>;
}

/** Clicks on these belong to the page even when they land on highlighted words. */
const interactive =
  "a[href], button, input, select, textarea, label, summary, [role='button'], [role='link'], [contenteditable='true'], [contenteditable='']";

/**
 * The annotations of the page: asks the background for them (from the local store; the page's
 * address stays in the browser), anchors and highlights them, reports to the side panel which
 * ones are orphans, follows the store (a teammate's annotation appears while the page is open)
 * and in-app navigation. Resting the pointer on a highlight shows its note; a click opens it
 * in the side panel.
 */
export function startAnnotations(ctx: ContentScriptContext, store: StoreEvents, pageKeys: (href: string) => string[]): PageAnnotations {
  /** The page: its address, and the item it shows by its URL and as its site adapter reads it (self-hosted trackers). */
  const pageRef = (href: string): PageRef => ({ url: href, keys: pageKeys(href) });
  let reportedUrl = location.href;
  const layer = new AnnotationLayer(document, {
    canvas: () => isCanvasRendered(location.href),
    theme: () => pageTheme(document),
    onStatus: (statuses) => void ask({ type: "annotations.status", url: reportedUrl, statuses }).catch(() => {}),
  });

  let asked = 0;
  async function refresh() {
    const href = location.href;
    if (!/^https?:/.test(href) || href.length > 2048) return;
    const mine = ++asked;
    try {
      const { annotations } = await ask({ type: "annotations.forPage", ...pageRef(href) });
      if (mine !== asked || ctx.isInvalid) return;
      reportedUrl = href;
      await layer.update(annotations);
    } catch {
      // The extension was reloaded under this page, or the background is restarting: the next change asks again.
    }
  }

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), 150);
  };
  store.onStoreChange(refreshSoon);

  let pageKey = pageKeyOf(location.href);
  ctx.addEventListener(window, "wxt:locationchange", () => {
    const next = pageKeyOf(location.href);
    if (next === pageKey) return;
    pageKey = next;
    hideTip();
    layer.clear();
    void refresh();
  });

  // The card for the highlight under the pointer, in its own shadow root.
  let tip: ReturnType<typeof createShadowHost> | null = null;
  let shown = "";
  let pointer = { x: 0, y: 0 };
  let frame = 0;
  function hideTip() {
    shown = "";
    if (tip) render(null, tip.root);
  }
  function hover() {
    frame = 0;
    const hits = layer.annotationsAt(pointer.x, pointer.y);
    const ids = hits.map((annotation) => annotation.id).join(" ");
    if (ids === shown) return;
    if (!hits.length) return hideTip();
    shown = ids;
    const box = layer.boxAt(hits[hits.length - 1].id, pointer.x, pointer.y);
    if (!box) return hideTip();
    tip ??= createShadowHost("liaison-annotation-tip", css);
    tip.root.dataset.theme = pageTheme(document);
    render(<AnnotationTip annotations={hits} near={{ left: box.left, top: box.top, bottom: box.bottom }} />, tip.root);
  }
  ctx.addEventListener(
    document,
    "mousemove",
    (event) => {
      // A script-made move shows no note: the page must not make Liaison draw a teammate's words.
      if (!event.isTrusted || (!layer.highlighted && !shown)) return;
      pointer = { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
      frame ||= requestAnimationFrame(hover);
    },
    { passive: true },
  );
  ctx.addEventListener(document, "scroll", () => shown && hideTip(), { capture: true, passive: true });

  ctx.addEventListener(document, "click", (event) => {
    const click = event as MouseEvent;
    if (!click.isTrusted || click.button !== 0 || !layer.highlighted) return;
    if ((click.target as Element | null)?.closest?.(interactive)) return;
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    const hits = layer.annotationsAt(click.clientX, click.clientY);
    const innermost = hits[hits.length - 1];
    const key = pageRef(location.href).keys[0];
    if (!innermost || !key) return;
    layer.flash(innermost.id);
    void ask({ type: "overlay.open", key, annotationId: innermost.id }).catch(() => {});
  });

  void refresh();
  ctx.onInvalidated(() => {
    clearTimeout(refreshTimer);
    if (frame) cancelAnimationFrame(frame);
    layer.destroy();
    tip?.remove();
  });
  return { refresh };
}
