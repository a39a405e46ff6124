// How Liaison comes to a page in parts (overlay first, then annotations and capture), and what the later parts share with the first.
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { type PageCatalogues, pageCatalogues, usePageCatalogues } from "../ui/i18n";
import type { StoreEvents } from "./overlay/start-overlay";

/**
 * Liaison comes to a page in parts. The script the browser injects at page start holds only the
 * overlay. Once the overlay is drawn, it has the background inject the page's annotations; capture
 * and its forms come when first wanted (a selection its toolbar could offer to capture, or the
 * context menu and the shortcut). Each is parsed and started in a task of its own, not before the
 * first badge. All run in the extension's isolated world of the page, where they meet on `window`.
 */
export type PagePart = "annotations" | "capture";

/** The script of each later part. */
export const partScripts = {
  annotations: "/content-scripts/liaison-annotations.js",
  capture: "/content-scripts/liaison-capture.js",
} as const;

export interface PageStart {
  /** The page's one port to the background, shared with the later parts. */
  overlay: StoreEvents;
  /** The keys of the item a page shows, as the site adapters read them (which the later parts need not carry too). */
  pageKeys(href: string): string[];
  /** The strings of the page's language, once loaded (the parts share no module state). */
  catalogues: Promise<PageCatalogues>;
  /** The later parts already started here: each starts once. */
  parts: Set<PagePart>;
  /** An annotation was just saved on the page: the annotations part highlights it at once. */
  annotationSaved(): void;
  /** Settles with capture once it has started. */
  capture: Promise<PageCapture>;
  /** Called by the capture part when it has started. */
  captureStarted(capture: PageCapture): void;
  /** Settles when the first part leaves the page (its host removed in options, the extension reloaded): the later parts leave with it. */
  left: Promise<void>;
}

/** What capture offers to the part that came first. */
interface PageCapture {
  /** Opens the capture form (the context menu or the shortcut asked for it) on `range` if it is still a selection worth capturing, else on the current one. */
  open(kind: "actionItem" | "annotation", selectionText?: string, range?: Range | null): void;
}

declare global {
  interface Window {
    /** Liaison already runs on this page: injected again (context menu, shortcut), one copy is enough. */
    __liaison?: boolean;
    __liaisonStart?: PageStart;
  }
}

export function pageStart(
  overlay: StoreEvents,
  language: Promise<unknown>,
  pageKeys: (href: string) => string[],
  left: Promise<void>,
): PageStart {
  let captureStarted: (capture: PageCapture) => void = () => {};
  const capture = new Promise<PageCapture>((resolve) => {
    captureStarted = resolve;
  });
  return {
    overlay,
    pageKeys,
    catalogues: language.then(pageCatalogues),
    parts: new Set(),
    annotationSaved: () => {},
    capture,
    captureStarted,
    left,
  };
}

/**
 * For a later part: the page's start, with the page's strings in use, unless this part
 * already started here (or the page has no start, or the extension was reloaded meanwhile).
 */
export async function joinPage(part: PagePart, ctx: ContentScriptContext): Promise<PageStart | null> {
  const start = Object.hasOwn(window, "__liaisonStart") ? window.__liaisonStart : undefined;
  if (!start || start.parts.has(part)) return null;
  start.parts.add(part);
  // Injected again (a request that seemed to fail had gone through), the newer copy replaces this one.
  ctx.onInvalidated(() => start.parts.delete(part));
  void start.left.then(() => ctx.notifyInvalidated());
  usePageCatalogues(await start.catalogues);
  return ctx.isInvalid ? null : start;
}
