// Reads the minutes of the page it is injected into, each item with the quote it keeps (as a capture does), for the side panel's import.
import type { TextQuoteSelector } from "../../../shared/kinds/schemas";
import type { MinutesPage } from "../../../shared/minutes/plan";
import { readMinutes } from "../../../shared/minutes/read";
import { TextIndex } from "../anchoring/text-index";

declare global {
  interface Window {
    /** Set by the minutes part once injected: the background then asks it to read the page. */
    __liaisonMinutes?: (today: string) => MinutesPage;
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

/** The page's minutes; nothing leaves the page but what this returns to Liaison's background. */
export function readThisPage(today: string, doc: Document = document): MinutesPage {
  const reading = readMinutes(doc, today);
  // One index of the page's text for every quote.
  const index = reading.items.length > 0 ? TextIndex.build(doc.body ?? doc.documentElement) : null;
  // Each item as it leaves the page: its words and what was read, never its element.
  const items = reading.items.map((item) => ({
    kind: item.kind,
    text: item.text,
    line: item.line.slice(0, maxQuoteLength),
    owner: item.owner,
    ownerHandle: item.ownerHandle,
    due: item.due,
    checked: item.checked,
    refs: item.refs,
    reader: item.reader,
    quote: (index && quoteOf(item.element, index)) ?? {
      type: "TextQuoteSelector" as const,
      exact: item.line.slice(0, maxQuoteLength),
      prefix: "",
      suffix: "",
    },
  }));
  return { ...reading, url: doc.location?.href ?? "", items };
}
