// Finds an annotation's words on the page again from its W3C selectors, most precise first; when none finds them, it is an orphan.
import type { AnnotationSelector, TextQuoteSelector } from "../../../shared/entities";
import { noPause, type TimeSlicer } from "../scheduler";
import type { RangeSelector, TextPositionSelector } from "./describe";
import { matchQuote } from "./match-quote";
import { type DomPoint, normalizeQuote, normalizeText, TextIndex } from "./text-index";
import { elementAtXPath } from "./xpath";

type AnchorMethod = "range" | "position" | "quote" | "fuzzy";

/** Where an annotation's words are now, as offsets into the index's text. */
interface Anchor {
  start: number;
  end: number;
  /** Which selector found it. */
  method: AnchorMethod;
  /** 0 to 1; 1 for a range or position confirmed by the quote. */
  score: number;
}

type ElementSelector = RangeSelector["startSelector"];

/**
 * Finds an annotation's words again, trying its selectors from the most precise to the most
 * forgiving (as the W3C model intends, and as the well-known annotation tools do):
 *
 * 1. the RangeSelector's elements and positions, if the text there is still the quote;
 * 2. the TextPositionSelector, if the text there is still the quote;
 * 3. the quote itself: exactly, or approximately, scored by the words, the prefix and suffix
 *    around them and the distance from where the first two steps expected it.
 *
 * Whitespace differences never matter: offsets and quotes are read in normalized text. Null
 * when the words are gone: the annotation is then an orphan.
 */
export async function anchor(
  index: TextIndex,
  selectors: readonly AnnotationSelector[],
  slicer: TimeSlicer = noPause,
): Promise<Anchor | null> {
  const quoteSelector = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  const range = selectors.find((s): s is RangeSelector => s.type === "RangeSelector");
  const quote = quoteSelector ? normalizeQuote(quoteSelector.exact) : "";
  const text = index.text;
  const hints: number[] = [];

  if (range) {
    const found = rangeOffsets(index, range);
    if (found) {
      const trimmed = trimSpaces(text, found.start, found.end);
      if (trimmed && (!quote || text.slice(trimmed.start, trimmed.end) === quote)) return { ...trimmed, method: "range", score: 1 };
      hints.push(found.start);
    }
  }

  if (position && position.end <= text.length) {
    const trimmed = trimSpaces(text, position.start, position.end);
    if (trimmed && (!quote || text.slice(trimmed.start, trimmed.end) === quote)) return { ...trimmed, method: "position", score: 1 };
    hints.push(position.start);
  }

  if (!quoteSelector || !quote) return null;
  const context = { prefix: normalizeText(quoteSelector.prefix), suffix: normalizeText(quoteSelector.suffix), hints };
  const match = await matchQuote(text, quote, context, slicer);
  if (!match) return null;
  const trimmed = trimSpaces(text, match.start, match.end);
  if (!trimmed) return null;
  return { ...trimmed, method: match.errors === 0 ? "quote" : "fuzzy", score: match.score };
}

/** The offsets a RangeSelector names in the index's text, or null when its elements are gone. */
function rangeOffsets(index: TextIndex, selector: RangeSelector): { start: number; end: number } | null {
  const doc = index.root.ownerDocument ?? (index.root as Document);
  const start = resolvePoint(doc, selector.startSelector, "start");
  const end = resolvePoint(doc, selector.endSelector, "end");
  if (!start || !end || !index.root.contains(start.node) || !index.root.contains(end.node)) return null;
  const from = index.offsetOf(start.node, start.offset);
  const to = index.offsetOf(end.node, end.offset);
  return to > from ? { start: from, end: to } : null;
}

/**
 * The start of what an element selector selects: the element (by XPath or CSS), refined by a
 * position into its own normalized text.
 */
function resolvePoint(doc: Document, selector: ElementSelector, affinity: "start" | "end"): DomPoint | null {
  let element: Element | null = null;
  if (selector.type === "XPathSelector") element = elementAtXPath(doc, selector.value);
  else {
    try {
      element = doc.querySelector(selector.value);
    } catch {
      element = null;
    }
  }
  if (!element) return null;
  const local = TextIndex.build(element);
  const offset = selector.refinedBy?.start ?? 0;
  if (offset > local.text.length) return null;
  return local.pointAt(offset, affinity);
}

function trimSpaces(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  return to > from ? { start: from, end: to } : null;
}
