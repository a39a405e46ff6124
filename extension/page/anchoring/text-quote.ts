// The quote of a selection (its words and some context either side), which capture keeps with an action item or a risk.
import type { TextQuoteSelector } from "../../../shared/entities";
import { describeRange, quoteOf } from "./describe";

/**
 * Describes a selected range as a W3C TextQuoteSelector: the exact words and up to 32
 * characters either side, read from the normalized text of `root` (see text-index.ts).
 */
export function describeQuote(
  range: Range,
  root: Node = range.commonAncestorContainer.ownerDocument?.body ?? document.body,
): TextQuoteSelector | null {
  return quoteOf(describeRange(range, root));
}
