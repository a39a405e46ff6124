// Reads the minutes of the page it is injected into for the side panel's import, and then the quotes (as a capture keeps them) of the items the user imports.
import type { TextQuoteSelector } from "../../../shared/kinds/schemas";
import type { MinutesPage } from "../../../shared/minutes/plan";
import { readMinutes } from "../../../shared/minutes/read";
import { TextIndex } from "../anchoring/text-index";

declare global {
  interface Window {
    /** Set by the minutes part once injected: the background then asks it to read the page. */
    __liaisonMinutes?: (today: string) => MinutesPage;
    /** The quotes, with their context, of items of the last reading, by index: asked for what the user imports. */
    __liaisonMinutesQuotes?: (indexes: number[]) => Array<TextQuoteSelector | null>;
  }
}

/** Characters of context either side, and the longest quote: as capture's quotes (anchoring/describe.ts). */
const contextLength = 32;
const maxQuoteLength = 4000;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * An element's words as a TextQuoteSelector read from the page's normalized text, as capture
 * describes a selection (only the quote: a page of minutes can hold thousands of items).
 */
function quoteOf(element: Element, index: TextIndex): TextQuoteSelector | null {
  const offsets = index.offsetsWithin(element);
  if (!offsets) return null;
  const text = index.text;
  let { start, end } = offsets;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  end = Math.min(end, start + maxQuoteLength);
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  if (end <= start) return null;
  let prefixStart = Math.max(0, start - contextLength);
  if (isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return {
    type: "TextQuoteSelector",
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/** The last reading's items, by index, and the address it was read at: the imported items' quotes are read from them. */
let lastReading: { url: string; elements: Element[] } | null = null;

/**
 * The page's minutes; nothing leaves the page but what this returns to Liaison's background.
 * Each item's quote is its line alone: the context either side, which takes an index of the
 * whole page's text, is read only for the items imported (`quotesOfLastReading`).
 */
export function readThisPage(today: string, doc: Document = document): MinutesPage {
  const reading = readMinutes(doc, today);
  const url = doc.location?.href ?? "";
  lastReading = { url, elements: reading.items.map((item) => item.element) };
  // Each item as it leaves the page: its words and what was read, never its element.
  const items = reading.items.map((item) => {
    const line = item.line.slice(0, maxQuoteLength);
    return {
      kind: item.kind,
      text: item.text,
      line,
      owner: item.owner,
      ownerHandle: item.ownerHandle,
      due: item.due,
      checked: item.checked,
      refs: item.refs,
      reader: item.reader,
      quote: { type: "TextQuoteSelector" as const, exact: line, prefix: "", suffix: "" },
    };
  });
  return { title: reading.title, date: reading.date, items, url };
}

/**
 * The quotes of items of the last reading, by index, read from one index of the page's text as
 * capture reads a selection's; null for an item no longer on the page, and for all of them when
 * the page has moved to another address since.
 */
export function quotesOfLastReading(indexes: number[], doc: Document = document): Array<TextQuoteSelector | null> {
  const reading = lastReading;
  if (!reading || reading.url !== (doc.location?.href ?? "")) return indexes.map(() => null);
  const index = TextIndex.build(doc.body ?? doc.documentElement);
  return indexes.map((i) => {
    const element = reading.elements[i];
    return element?.isConnected ? quoteOf(element, index) : null;
  });
}
