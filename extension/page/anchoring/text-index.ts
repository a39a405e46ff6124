// The page's text as a reader sees it, with the way back to the DOM: what every annotation selector counts characters in.
import type { TimeSlicer } from "../scheduler";

/**
 * The text of a part of the page as a reader sees it, and the way back from offsets in that
 * text to points in the DOM. Every selector Liaison writes counts characters in this text, so
 * describing a selection and finding it again agree on what a character is:
 *
 * - any run of whitespace (spaces, line breaks, tabs, no-break spaces) is one space, and
 *   whitespace at the start is dropped;
 * - soft hyphens and zero-width spaces, which renderers add and drop at will, do not count;
 * - the edge of a block element (a paragraph, a list item, a table cell, a line break) counts
 *   as a space, so `<p>a</p><p>b</p>` reads "a b" whether or not the markup has a line break
 *   between the paragraphs;
 * - scripts, styles, form controls and Liaison's own UI are not text; highlights are.
 */

const blockTags = new Set(
  "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);

const skippedTags = new Set("script style noscript template textarea select option iframe object canvas".split(" "));

/** The element that wraps highlighted text: its text is the page's, so it is read like any inline element. */
export const highlightTagName = "liaison-highlight";

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SPACE = 32;

/** Exactly the characters of JavaScript's `\s`, so that the regular expressions and the character walks agree. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b;
}

const invisible = /[\u00ad\u200b]/g;
/** Whitespace that is not already a single plain space: replacing only these leaves most text untouched (and uncopied). */
const whitespace = /\s{2,}|[^\S ]/g;

/** A string as the index reads page text: invisible characters dropped, whitespace runs as one space. */
export function normalizeText(value: string): string {
  return value.replace(invisible, "").replace(whitespace, " ");
}

/** A quote as stored in a selector, read the way the index reads the page. */
export function normalizeQuote(value: string): string {
  return normalizeText(value).trim();
}

/** Elements whose content is not page text: scripts, styles, form controls, other documents and Liaison's own UI. */
function isSkippedElement(element: Element): boolean {
  const tag = element.localName;
  if (skippedTags.has(tag)) return true;
  return tag.startsWith("liaison-") && tag !== highlightTagName;
}

export interface DomPoint {
  node: Node;
  offset: number;
}

/** A piece of one text node: what a highlight wraps. */
interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export class TextIndex {
  private lookup: Map<Text, number> | null = null;

  private constructor(
    readonly root: Node,
    /** The normalized text of the root. */
    readonly text: string,
    private readonly nodes: Text[],
    /** Each node's data when the index was built: a node that changed since then no longer maps. */
    private readonly data: string[],
    private readonly starts: number[],
    private readonly ends: number[],
    /** Whether the text before each node ended in a space (its leading whitespace then collapses away). */
    private readonly afterSpace: boolean[],
  ) {}

  /** The index of a root's text, in one go. */
  static build(root: Node): TextIndex {
    const builder = new TextIndexBuilder(root);
    while (!builder.step(Number.POSITIVE_INFINITY));
    return builder.finish();
  }

  /**
   * The same, built in slices: a megabyte of text takes longer to read than one slice may
   * last. The page may change during a pause; nodes that changed are caught when used.
   */
  static async buildSliced(root: Node, slicer: TimeSlicer): Promise<TextIndex> {
    const builder = new TextIndexBuilder(root);
    while (!builder.step(256)) if (slicer.due) await slicer.pause();
    return builder.finish();
  }

  /** @internal Used by the builder. */
  static fromParts(
    root: Node,
    text: string,
    nodes: Text[],
    data: string[],
    starts: number[],
    ends: number[],
    afterSpace: boolean[],
  ): TextIndex {
    return new TextIndex(root, text, nodes, data, starts, ends, afterSpace);
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  /** The offset in the normalized text of a DOM point (a range boundary). */
  offsetOf(container: Node, offset: number): number {
    if (container.nodeType === TEXT_NODE) {
      const i = this.indexOfNode(container as Text);
      if (i !== undefined) return this.starts[i] + this.emittedBefore(i, Math.min(offset, this.data[i].length));
      return this.offsetOfNextText(nextInDocumentOrder(container, this.root));
    }
    const child = container.childNodes[offset] ?? null;
    return this.offsetOfNextText(child ?? nextInDocumentOrder(container, this.root));
  }

  /**
   * The DOM point at a normalized offset. A start lands on the character at the offset, an end
   * just after the character before it, so that neither strays into the whitespace or the
   * block edge between two nodes.
   */
  pointAt(offset: number, affinity: "start" | "end"): DomPoint | null {
    if (this.nodes.length === 0) return null;
    if (affinity === "start") {
      let i = this.firstEndingAfter(offset);
      while (i < this.nodes.length && this.ends[i] === this.starts[i]) i++;
      if (i >= this.nodes.length) return this.endOfLastText();
      const k = Math.max(0, offset - this.starts[i]);
      return { node: this.nodes[i], offset: this.rawOffset(i, k, "start") };
    }
    let i = this.lastStartingBefore(offset);
    while (i >= 0 && this.ends[i] === this.starts[i]) i--;
    if (i < 0) return { node: this.nodes[0], offset: 0 };
    const k = Math.min(offset, this.ends[i]) - this.starts[i];
    return { node: this.nodes[i], offset: this.rawOffset(i, k, "end") };
  }

  /** A DOM range over normalized offsets [start, end). */
  toRange(start: number, end: number, doc: Document = this.root.ownerDocument ?? (this.root as Document)): Range | null {
    const from = this.pointAt(start, "start");
    const to = this.pointAt(end, "end");
    if (!from || !to) return null;
    const range = doc.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The normalized offsets a DOM range covers. */
  offsetsOf(range: Range): { start: number; end: number } {
    return { start: this.offsetOf(range.startContainer, range.startOffset), end: this.offsetOf(range.endContainer, range.endOffset) };
  }

  /**
   * The normalized offsets an element's own text covers, from its first text to its last (the
   * block edges around it left out): what a range over its contents covers, without a range.
   */
  offsetsWithin(element: Element): { start: number; end: number } | null {
    const walker = (this.root.ownerDocument ?? (this.root as Document)).createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    let first: number | undefined;
    let last: number | undefined;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = this.indexOfNode(node as Text);
      if (i === undefined) continue;
      first ??= i;
      last = i;
    }
    return first === undefined || last === undefined ? null : { start: this.starts[first], end: this.ends[last] };
  }

  /**
   * The text nodes, and the part of each, that normalized offsets [start, end) cover; null when
   * one of them changed or left the page since the index was built (the caller anchors again).
   */
  segments(start: number, end: number): TextSegment[] | null {
    const segments: TextSegment[] = [];
    for (let i = this.firstEndingAfter(start); i < this.nodes.length && this.starts[i] < end; i++) {
      if (this.ends[i] === this.starts[i]) continue;
      const node = this.nodes[i];
      if (!node.isConnected || node.data !== this.data[i]) return null;
      const from = this.rawOffset(i, Math.max(0, start - this.starts[i]), "start");
      const to = this.rawOffset(i, Math.min(end, this.ends[i]) - this.starts[i], "end");
      if (to > from) segments.push({ node, start: from, end: to });
    }
    return segments;
  }

  private indexOfNode(node: Text): number | undefined {
    if (!this.lookup) {
      const lookup = new Map<Text, number>();
      for (let i = 0; i < this.nodes.length; i++) lookup.set(this.nodes[i], i);
      this.lookup = lookup;
    }
    return this.lookup.get(node);
  }

  private offsetOfNextText(from: Node | null): number {
    const doc = this.root.ownerDocument ?? (this.root as Document);
    if (!from || !this.root.contains(from)) return this.text.length;
    const walker = doc.createTreeWalker(this.root, 4 /* NodeFilter.SHOW_TEXT */);
    walker.currentNode = from;
    let node: Node | null = from.nodeType === TEXT_NODE ? from : walker.nextNode();
    while (node) {
      const i = this.indexOfNode(node as Text);
      if (i !== undefined) return this.starts[i];
      node = walker.nextNode();
    }
    return this.text.length;
  }

  /** How many normalized characters the first `raw` characters of node i contribute. */
  private emittedBefore(i: number, raw: number): number {
    const value = this.data[i];
    let emitted = 0;
    let afterSpace = this.afterSpace[i];
    for (let r = 0; r < raw; r++) {
      const code = value.charCodeAt(r);
      if (isInvisible(code)) continue;
      const space = isSpace(code);
      if (space && afterSpace) continue;
      emitted++;
      afterSpace = space;
    }
    return emitted;
  }

  /** The raw offset in node i of its k-th normalized character (start), or just after its (k-1)-th (end). */
  private rawOffset(i: number, k: number, affinity: "start" | "end"): number {
    const value = this.data[i];
    let emitted = 0;
    let afterSpace = this.afterSpace[i];
    if (affinity === "end" && k <= 0) return 0;
    for (let r = 0; r < value.length; r++) {
      const code = value.charCodeAt(r);
      if (isInvisible(code)) continue;
      const space = isSpace(code);
      if (space && afterSpace) continue;
      if (affinity === "start" && emitted === k) return r;
      emitted++;
      afterSpace = space;
      if (affinity === "end" && emitted === k) return r + 1;
    }
    return value.length;
  }

  private endOfLastText(): DomPoint {
    const last = this.nodes.length - 1;
    return { node: this.nodes[last], offset: this.data[last].length };
  }

  /** The first node whose text ends after the offset (binary search; ends never decrease). */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.nodes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid] > offset) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The last node whose text starts before the offset. */
  private lastStartingBefore(offset: number): number {
    let low = 0;
    let high = this.nodes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }
}

/**
 * Reads a root's text node by node, in document order, in as many steps as the caller likes:
 * an explicit stack instead of recursion, so that it can stop anywhere and carry on.
 */
class TextIndexBuilder {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly data: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly spaced: boolean[] = [];
  private length = 0;
  private afterSpace = true;
  /** Elements entered and not yet left. */
  private readonly open: Element[] = [];
  private next: Node | null;

  constructor(private readonly root: Node) {
    this.next = root.nodeType === TEXT_NODE ? root : root.firstChild;
  }

  /** Reads up to `budget` nodes; answers whether the whole root has been read. */
  step(budget: number): boolean {
    let left = budget;
    while (this.next && left-- > 0) {
      const node = this.next;
      if (node.nodeType === TEXT_NODE) this.addText(node as Text);
      else if (node.nodeType === ELEMENT_NODE && node !== this.root) {
        const element = node as Element;
        if (!isSkippedElement(element)) {
          if (blockTags.has(element.localName)) this.breakLine();
          if (element.firstChild) {
            this.open.push(element);
            this.next = element.firstChild;
            continue;
          }
          if (blockTags.has(element.localName)) this.breakLine();
        }
      }
      this.next = node === this.root ? null : this.after(node);
    }
    return this.next === null;
  }

  finish(): TextIndex {
    return TextIndex.fromParts(this.root, this.parts.join(""), this.nodes, this.data, this.starts, this.ends, this.spaced);
  }

  /** The node after `node`, leaving the elements that end there. */
  private after(node: Node): Node | null {
    let current: Node = node;
    while (!current.nextSibling) {
      const parent = this.open.pop();
      if (!parent) return null;
      if (blockTags.has(parent.localName)) this.breakLine();
      current = parent;
    }
    return current.nextSibling;
  }

  private addText(node: Text) {
    const value = node.data;
    let normalized = normalizeText(value);
    if (this.afterSpace && normalized.charCodeAt(0) === SPACE) normalized = normalized.slice(1);
    this.nodes.push(node);
    this.data.push(value);
    this.starts.push(this.length);
    this.spaced.push(this.afterSpace);
    this.parts.push(normalized);
    this.length += normalized.length;
    this.ends.push(this.length);
    if (normalized.length > 0) this.afterSpace = normalized.charCodeAt(normalized.length - 1) === SPACE;
  }

  private breakLine() {
    if (this.afterSpace) return;
    this.parts.push(" ");
    this.length += 1;
    this.afterSpace = true;
  }
}

/** The node after `node` and its subtree, in document order, without leaving `root`. */
function nextInDocumentOrder(node: Node, root: Node): Node | null {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}
