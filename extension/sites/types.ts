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
  /** Is this page one of this site's? From the URL, and from the page for self-hosted ones. */
  detect(url: URL, doc: Document): boolean;
  /** The item this page shows; null on pages that are not one item (lists, new-issue forms, settings). */
  itemKey(url: URL, doc: Document): string | null;
  /** The element the item chip goes right after; null when the markup changed (the chip then floats). */
  chipAnchor(doc: Document): Element | null;
  /** The rows of a list or board page, with the item each shows. */
  rows(doc: Document, url: URL): SiteRow[];
}

/** The first element matching any selector, tried in order (newest markup first). */
export function firstMatch(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * Target keys of the links seen on this page, by absolute address: a list re-rendered after an
 * in-app navigation or a DOM change mostly shows links already read. Bounded; per adapter, since
 * the same address may be read differently (a self-hosted tracker's own adapter).
 */
const linkKeys = new WeakMap<(url: URL) => string | null, Map<string, string | null>>();

function keyOfLink(href: string, keyOf: (url: URL) => string | null): string | null {
  let known = linkKeys.get(keyOf);
  if (!known) {
    known = new Map();
    linkKeys.set(keyOf, known);
  }
  let key = known.get(href);
  if (key === undefined) {
    try {
      key = keyOf(new URL(href));
    } catch {
      key = null;
    }
    if (known.size >= 5000) known.clear();
    known.set(href, key);
  }
  return key;
}

/** Rows found by their title links: the row is the nearest ancestor matching `rowSelector`. */
export function rowsFromLinks(
  doc: ParentNode,
  linkSelectors: readonly string[],
  rowSelector: string,
  base: URL,
  keyOf: (url: URL) => string | null,
): SiteRow[] {
  const rows: SiteRow[] = [];
  const seen = new Set<Element>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(linkSelectors.join(", "))) {
    const raw = link.getAttribute("href");
    if (!raw) continue;
    // Resolved by the browser against the page's base address: one parse instead of two.
    const href = typeof link.href === "string" && link.href ? link.href : resolve(raw, base);
    const key = href ? keyOfLink(href, keyOf) : null;
    const element = link.closest(rowSelector) ?? link;
    if (key && !seen.has(element)) {
      seen.add(element);
      rows.push({ element, key });
    }
  }
  return rows;
}

/** A link's address made absolute, for elements that do not resolve it themselves (not anchors). */
function resolve(href: string, base: URL): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** Rows that carry their item in an attribute instead of a link: the row is the nearest ancestor matching `rowSelector`. */
export function rowsFromAttributes(
  doc: ParentNode,
  selectors: readonly string[],
  rowSelector: string,
  keyOf: (element: Element) => string | null,
): SiteRow[] {
  const rows: SiteRow[] = [];
  const seen = new Set<Element>();
  for (const found of doc.querySelectorAll(selectors.join(", "))) {
    const key = keyOf(found);
    const element = found.closest(rowSelector) ?? found;
    if (key && !seen.has(element)) {
      seen.add(element);
      rows.push({ element, key });
    }
  }
  return rows;
}

/** The rows of `first`, then those of `more` on elements `first` does not already have. */
export function mergeRows(first: SiteRow[], more: SiteRow[]): SiteRow[] {
  const seen = new Set(first.map((row) => row.element));
  return [...first, ...more.filter((row) => !seen.has(row.element))];
}
