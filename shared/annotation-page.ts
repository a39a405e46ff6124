// Which page an annotation belongs on: a page's `url:` key and items, and the pages whose words are drawn on a canvas.
import type { Annotation } from "./entities";
import { gdocsKey } from "./sites/gdocs/key";
import { pageUrlKey } from "./sites/generic/key";
import { targetKeyForUrl } from "./sites/keys";

/** A page as annotations are matched to it: its address and the items it shows. */
export interface PageRef {
  url: string;
  /** Target keys of the page (the item it shows; its `url:` key on any other page). */
  keys: string[];
}

/** A page's `url:` key: origin and path, no query or fragment, as target keys name any page. */
export function pageKeyOf(url: string): string | null {
  try {
    return pageUrlKey(new URL(url));
  } catch {
    return null;
  }
}

/** The page as the content script describes it. */
export function pageRefFor(url: string): PageRef {
  return { url, keys: [targetKeyForUrl(url)].filter((key): key is string => Boolean(key)) };
}

/**
 * Does an annotation belong on this page? When it was made on the same page (origin and
 * path), or on a page of the same item (a GitHub issue and its `#issuecomment-…` link, a Jira
 * issue and the board showing it).
 */
export function isOnPage(annotation: Pick<Annotation, "url" | "targets">, page: PageRef): boolean {
  const here = pageKeyOf(page.url);
  if (here && pageKeyOf(annotation.url) === here) return true;
  return annotation.targets.some((key) => page.keys.includes(key));
}

/**
 * Pages whose words are painted on a canvas instead of written into the DOM: nothing there
 * can be highlighted, so annotations on them are about the whole page (Google Docs, seen 2026-11).
 */
export function isCanvasRendered(url: string): boolean {
  try {
    return gdocsKey(new URL(url)) !== null;
  } catch {
    return false;
  }
}

/** The address an annotation keeps: the page without its fragment, which only scrolls. */
export function annotationUrl(href: string): string {
  const url = new URL(href);
  url.hash = "";
  const value = url.toString();
  return value.length <= 2048 ? value : `${url.origin}${url.pathname}`.slice(0, 2048);
}
