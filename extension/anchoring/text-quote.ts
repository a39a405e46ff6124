import type { TextQuoteSelector } from "../../shared/entities";

const contextLength = 32;

/**
 * Describes a selected range as a W3C TextQuoteSelector: the exact words and up to 32
 * characters either side, read from the text of `root`.
 */
export function describeQuote(
  range: Range,
  root: Node = range.commonAncestorContainer.ownerDocument?.body ?? document.body,
): TextQuoteSelector | null {
  const exact = range.toString().trim();
  if (!exact) return null;
  const doc = root.ownerDocument ?? document;
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(root, root.childNodes.length);
  return {
    type: "TextQuoteSelector",
    exact: exact.slice(0, 4000),
    prefix: squash(before.toString()).slice(-contextLength),
    suffix: squash(after.toString()).slice(0, contextLength),
  };
}

const squash = (value: string) => value.replace(/\s+/g, " ");
