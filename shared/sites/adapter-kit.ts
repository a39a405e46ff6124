// What every site adapter is made of: its shape, and the readers of titles and list rows it uses.
import type { SiteKeys } from "./site-keys";
import type { UrlParts } from "./url-parts";

/** A list or board row and the item it shows. */
export interface SiteRow {
  element: Element;
  key: string;
}

/**
 * Everything Liaison knows about one tracker's pages: which pages are its own, which item a
 * page shows, where the chip goes and which rows a list has. A redesign of the site breaks
 * this one file; every selector says when it was seen.
 */
export interface SiteAdapter {
  name: string;
  /** The item its URL alone names, as the Worker reads it: its key.ts parser, never told the page is self-hosted. */
  keyOf: SiteKeys["keyOf"];
  /** Is this page one of this site's? From the URL, and from the page for self-hosted ones. */
  detect(url: URL, doc: Document): boolean;
  /** The item this page shows; null on pages that are not one item (lists, new-issue forms, settings). */
  itemKey(url: URL, doc: Document): string | null;
  /** The element the item chip goes right after; null when the markup changed (the chip then floats). */
  chipAnchor(doc: Document): Element | null;
  /** The rows of a list or board page, with the item each shows, read as they are asked for (the overlay reads a long list in slices). */
  rows(doc: Document, url: URL): Iterable<SiteRow>;
}

/** The first element matching any selector, tried in order (newest markup first). */
export function firstMatch(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return null;
}

type KeyOf = (url: UrlParts) => string | null;

/**
 * Target keys of the links seen on this page, by absolute address: a list re-rendered after an
 * in-app navigation or a DOM change mostly shows links already read. Bounded; per parser, since
 * the same address may be read differently (a self-hosted tracker's own adapter).
 */
const linkKeys = new WeakMap<KeyOf, Map<string, string | null>>();

/**
 * A path on the page's own site that the URL parser would leave exactly as written: segments
 * of letters, digits, `_`, `~`, `-` and `.` that start with no dot (so none is `.` or `..`), no
 * query, no fragment. Most list links are; they are read without parsing a URL for each row.
 */
const plainPath = /^(?:\/[\w~-][\w.~-]*)*\/?$/;
/** Shared by every plain link: the key parsers only read it. */
const noParams = new URLSearchParams();

function keyOfLink(raw: string, base: URL, keyOf: KeyOf): string | null {
  let known = linkKeys.get(keyOf);
  if (!known) {
    known = new Map();
    linkKeys.set(keyOf, known);
  }
  // On http(s) pages only: `file:` and opaque addresses resolve paths their own way.
  const plain = (base.protocol === "https:" || base.protocol === "http:") && plainPath.test(raw);
  const href = plain ? base.origin + raw : resolve(raw, base);
  if (href === null) return null;
  let key = known.get(href);
  if (key === undefined) {
    try {
      const parts: UrlParts = plain
        ? { protocol: base.protocol, host: base.host, hostname: base.hostname, pathname: raw, searchParams: noParams }
        : new URL(href);
      key = keyOf(parts);
    } catch {
      key = null;
    }
    if (known.size >= 5000) known.clear();
    known.set(href, key);
  }
  return key;
}

/** A link's address made absolute against the page's. */
function resolve(href: string, base: URL): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** Rows found by their title links: the row is the nearest ancestor matching `rowSelector`. */
export function rowsFromLinks(
  doc: ParentNode,
  linkSelectors: readonly string[],
  rowSelector: string,
  base: URL,
  keyOf: KeyOf,
): Generator<SiteRow, void, undefined> {
  return rowsFromAttributes(doc, linkSelectors, rowSelector, (link) => {
    const raw = link.getAttribute("href");
    return raw ? keyOfLink(raw, base, keyOf) : null;
  });
}

/** Rows found by the elements that name their item (`keyOf` reads it: an attribute, a link): the row is the nearest ancestor matching `rowSelector`. */
export function* rowsFromAttributes(
  doc: ParentNode,
  selectors: readonly string[],
  rowSelector: string,
  keyOf: (element: Element) => string | null,
): Generator<SiteRow, void, undefined> {
  const seen = new Set<Element>();
  for (const found of doc.querySelectorAll(selectors.join(", "))) {
    const key = keyOf(found);
    const element = found.closest(rowSelector) ?? found;
    if (key && !seen.has(element)) {
      seen.add(element);
      yield { element, key };
    }
  }
}

/** The rows of `first`, then those of `more` on elements `first` did not have. */
export function* mergeRows(first: Iterable<SiteRow>, more: Iterable<SiteRow>): Generator<SiteRow, void, undefined> {
  const seen = new Set<Element>();
  for (const row of first) {
    seen.add(row.element);
    yield row;
  }
  for (const row of more) if (!seen.has(row.element)) yield row;
}
