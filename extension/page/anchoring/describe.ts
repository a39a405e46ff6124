// Turns the words selected on a page into the W3C selectors an annotation is saved with, so that they can be found again later.
import type { AnnotationSelector, TextQuoteSelector } from "../../../shared/entities";
import { highlightTagName, TextIndex } from "./text-index";
import { xpathOf } from "./xpath";

/** Characters of context kept either side of a quote (the schema allows 64). */
const contextLength = 32;
const maxQuoteLength = 4000;
const maxPathLength = 1000;

export type TextPositionSelector = Extract<AnnotationSelector, { type: "TextPositionSelector" }>;
export type RangeSelector = Extract<AnnotationSelector, { type: "RangeSelector" }>;

/**
 * Describes a selected range with every W3C selector Liaison anchors by, most precise first
 * when read back:
 *
 * - a RangeSelector: the elements where the selection starts and ends, as XPaths, each refined
 *   by a TextPositionSelector into that element's text. By the W3C model the range runs from
 *   the start of the start selector's selection to the start of the end selector's, so both
 *   positions are points (start = end);
 * - a TextPositionSelector into the normalized text of `root`;
 * - a TextQuoteSelector: the exact words and up to 32 characters either side.
 *
 * Offsets count characters of the normalized text (see text-index.ts). Answers an empty list
 * for a selection with no words in it.
 */
export function describeRange(
  range: Range,
  root: Node = defaultRoot(range),
  index: TextIndex = TextIndex.build(root),
): AnnotationSelector[] {
  const text = index.text;
  let { start, end } = index.offsetsOf(range);
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end - start > maxQuoteLength) {
    end = start + maxQuoteLength;
    if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
  }
  if (end <= start) return [];

  let prefixStart = Math.max(0, start - contextLength);
  if (isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
  const position: TextPositionSelector = { type: "TextPositionSelector", start, end };
  const elements = describeElements(index, start, end);
  return elements ? [elements, position, quote] : [position, quote];
}

/** The RangeSelector part of a description: element paths with positions into their own text. */
function describeElements(index: TextIndex, start: number, end: number): RangeSelector | null {
  const from = index.pointAt(start, "start");
  const to = index.pointAt(end, "end");
  if (!from || !to) return null;
  const startElement = pageElementOf(from.node);
  const endElement = pageElementOf(to.node);
  if (!startElement || !endElement) return null;
  const startPath = xpathOf(startElement);
  const endPath = xpathOf(endElement);
  if (startPath.length > maxPathLength || endPath.length > maxPathLength) return null;
  const startOffset = TextIndex.build(startElement).offsetOf(from.node, from.offset);
  const endOffset = TextIndex.build(endElement).offsetOf(to.node, to.offset);
  return {
    type: "RangeSelector",
    startSelector: {
      type: "XPathSelector",
      value: startPath,
      refinedBy: { type: "TextPositionSelector", start: startOffset, end: startOffset },
    },
    endSelector: {
      type: "XPathSelector",
      value: endPath,
      refinedBy: { type: "TextPositionSelector", start: endOffset, end: endOffset },
    },
  };
}

/** The page's own element a text node sits in: Liaison's highlights are not part of the page's structure. */
function pageElementOf(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && element.localName === highlightTagName) element = element.parentElement;
  return element;
}

/** Only the quote of a selection (action items keep where they came from this way). */
export function quoteOf(selectors: AnnotationSelector[]): TextQuoteSelector | null {
  return (selectors.find((s) => s.type === "TextQuoteSelector") as TextQuoteSelector | undefined) ?? null;
}

function defaultRoot(range: Range): Node {
  const doc = range.commonAncestorContainer.ownerDocument ?? document;
  return doc.body ?? doc.documentElement;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
