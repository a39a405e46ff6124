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
    const href = link.getAttribute("href");
    if (!href) continue;
    let key: string | null = null;
    try {
      key = keyOf(new URL(href, base));
    } catch {
      key = null;
    }
    const element = link.closest(rowSelector) ?? link;
    if (key && !seen.has(element)) {
      seen.add(element);
      rows.push({ element, key });
    }
  }
  return rows;
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
