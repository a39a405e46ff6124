import type { StoreEvents } from "../overlay/start-overlay";
import { type PageCatalogues, pageCatalogues } from "./i18n";

/**
 * Liaison on a page comes in two scripts. The one the browser injects at page start holds only
 * the overlay; once the overlay is drawn it has the background inject the rest (annotations,
 * capture and their forms), which would otherwise have to be parsed before the first badge.
 * Both run in the extension's isolated world of the page, where they meet on `window`.
 */
export interface PageStart {
  /** The page's one port to the background, shared with the rest. */
  overlay: StoreEvents;
  /** The keys of the item a page shows, as the site adapters read them (which the rest need not carry too). */
  pageKeys(href: string): string[];
  /** The strings of the page's language, once loaded (the rest shares no module state with the first part). */
  catalogues: Promise<PageCatalogues>;
  /** Settles with the rest once it has started. */
  rest: Promise<PageRest>;
  /** Called by the rest when it has started. */
  started(rest: PageRest): void;
}

/** What the rest of Liaison on the page offers to the part that came first. */
export interface PageRest {
  /** Opens the capture form (the context menu or the shortcut asked for it). */
  openCapture(kind: "actionItem" | "annotation", selectionText?: string): void;
}

export const restScript = "/content-scripts/liaison-rest.js";

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
  return { overlay, pageKeys, catalogues: language.then(pageCatalogues), rest, started };
}
