import type { StoreEvents } from "../overlay/start-overlay";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { type PageCatalogues, pageCatalogues, usePageCatalogues } from "./i18n";

/**
 * Liaison on a page comes in three scripts. The one the browser injects at page start holds
 * only the overlay; once the overlay is drawn it has the background inject the rest, one script
 * and one task after the other: the page's annotations, then capture and its forms. Parsed at
 * page start, they would have held up the first badge. All run in the extension's isolated
 * world of the page, where they meet on `window`.
 */
export interface PageStart {
  /** The page's one port to the background, shared with the rest. */
  overlay: StoreEvents;
  /** The keys of the item a page shows, as the site adapters read them (which the rest need not carry too). */
  pageKeys(href: string): string[];
  /** The strings of the page's language, once loaded (the rest shares no module state with the first part). */
  catalogues: Promise<PageCatalogues>;
  /** The parts of the rest already started here: each starts once. */
  parts: Set<string>;
  /** An annotation was just saved on the page: the annotations part highlights it at once. */
  annotationSaved(): void;
  /** Settles with capture once it has started. */
  rest: Promise<PageRest>;
  /** Called by the capture part when it has started. */
  started(rest: PageRest): void;
}

/** What the rest of Liaison on the page offers to the part that came first: capture. */
export interface PageRest {
  /** Opens the capture form (the context menu or the shortcut asked for it). */
  openCapture(kind: "actionItem" | "annotation", selectionText?: string): void;
}

/** The rest, in the order it is injected. */
export const restScripts = ["/content-scripts/liaison-annotations.js", "/content-scripts/liaison-capture.js"] as const;

declare global {
  interface Window {
    /** Liaison already runs on this page: injected again (context menu, shortcut), one copy is enough. */
    __liaison?: boolean;
    __liaisonStart?: PageStart;
  }
}

export function pageStart(overlay: StoreEvents, language: Promise<unknown>, pageKeys: (href: string) => string[]): PageStart {
  let started: (rest: PageRest) => void = () => {};
  const rest = new Promise<PageRest>((resolve) => {
    started = resolve;
  });
  return { overlay, pageKeys, catalogues: language.then(pageCatalogues), parts: new Set(), annotationSaved: () => {}, rest, started };
}

/**
 * For a part of the rest: the page's start, with the page's strings in use, unless this part
 * already started here (or the page has no start, or the extension was reloaded meanwhile).
 */
export async function joinPage(part: "annotations" | "capture", ctx: ContentScriptContext): Promise<PageStart | null> {
  const start = window.__liaisonStart;
  if (!start || start.parts.has(part)) return null;
  start.parts.add(part);
  usePageCatalogues(await start.catalogues);
  return ctx.isInvalid ? null : start;
}
