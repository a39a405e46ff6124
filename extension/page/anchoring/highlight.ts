// Marks annotated words on the page: wraps them in highlight elements, and takes the highlights away again.
import { highlightTagName, type TextIndex } from "./text-index";

/** The element that wraps highlighted words; `customElements` is null in Chrome content scripts, so it stays a plain unknown element. */
export const highlightTag = highlightTagName;

export interface HighlightTarget {
  annotationId: string;
  /** Offsets into the index's text. */
  start: number;
  end: number;
}

/** Text nodes Liaison split off from a page text node: removing highlights merges them back. */
const splitOffs = new WeakSet<Text>();

/**
 * Wraps the words of each target in `liaison-highlight` elements carrying its
 * `data-annotation-id`: one element per text node it covers, nested where annotations overlap
 * (the first target outermost). Text nodes are split once per boundary, all targets together,
 * so that no target's offsets go stale while another is being wrapped. Whitespace-only text
 * nodes between elements are left alone (a wrapper in a table row or a list would be invalid
 * markup). Targets whose text changed since the index was built are left out of the answer.
 */
export function highlight(index: TextIndex, targets: readonly HighlightTarget[]): Map<string, HTMLElement[]> {
  const doc = index.root.ownerDocument ?? (index.root as Document);
  const byNode = new Map<Text, Array<{ annotationId: string; start: number; end: number; order: number }>>();
  const done = new Map<string, HTMLElement[]>();
  targets.forEach((target, order) => {
    const segments = index.segments(target.start, target.end);
    if (!segments) return;
    done.set(target.annotationId, []);
    for (const segment of segments) {
      const list = byNode.get(segment.node) ?? [];
      list.push({ annotationId: target.annotationId, start: segment.start, end: segment.end, order });
      byNode.set(segment.node, list);
    }
  });

  for (const [node, segments] of byNode) {
    if (!node.parentNode || !/\S/.test(node.data)) continue;
    const cuts = [...new Set(segments.flatMap((s) => [s.start, s.end]))]
      .filter((at) => at > 0 && at < node.data.length)
      .sort((a, b) => a - b);
    const pieces: Array<{ node: Text; start: number; end: number }> = [];
    let current = node;
    let consumed = 0;
    for (const cut of cuts) {
      const rest = current.splitText(cut - consumed);
      splitOffs.add(rest);
      pieces.push({ node: current, start: consumed, end: cut });
      current = rest;
      consumed = cut;
    }
    pieces.push({ node: current, start: consumed, end: consumed + current.data.length });

    for (const piece of pieces) {
      const covering = segments
        .filter((s) => s.start <= piece.start && s.end >= piece.end && s.end > s.start)
        .sort((a, b) => a.order - b.order);
      let inner: Node = piece.node;
      for (const segment of covering.reverse()) {
        const wrapper = doc.createElement(highlightTag);
        wrapper.setAttribute("data-annotation-id", segment.annotationId);
        inner.parentNode?.insertBefore(wrapper, inner);
        wrapper.append(inner);
        inner = wrapper;
        done.get(segment.annotationId)?.push(wrapper);
      }
    }
  }
  return done;
}

/** Removes highlights, putting their text back where it was and merging the text nodes highlighting split. */
export function removeHighlights(elements: Iterable<Element>): void {
  for (const element of elements) {
    const parent = element.parentNode;
    if (!parent) continue;
    const children = Array.from(element.childNodes);
    const after = element.nextSibling;
    for (const child of children) parent.insertBefore(child, element);
    element.remove();
    for (const candidate of [...children, after]) mergeBack(candidate);
  }
}

function mergeBack(node: Node | null) {
  if (node?.nodeType !== 3 || !splitOffs.has(node as Text)) return;
  const previous = node.previousSibling;
  if (previous?.nodeType !== 3) return;
  (previous as Text).appendData((node as Text).data);
  splitOffs.delete(node as Text);
  (node as Text).remove();
}

const styleAttribute = "data-liaison-highlights";

/**
 * One stylesheet for every highlight on the page. A background and an underline only: no box
 * properties, so nothing moves. `pointer-events: none` lets every click, hover and selection
 * reach the page exactly as before; Liaison finds the highlight under the pointer itself.
 */
export function ensureHighlightStyle(doc: Document, theme: "light" | "dark"): HTMLStyleElement {
  let style = doc.querySelector<HTMLStyleElement>(`style[${styleAttribute}]`);
  if (!style) {
    style = doc.createElement("style");
    style.setAttribute(styleAttribute, "");
    (doc.head ?? doc.documentElement).append(style);
  }
  // Translucent amber reads on white and on near-black; the underline carries it where a page paints its own backgrounds.
  const [fill, nested, line] =
    theme === "dark"
      ? ["rgba(255, 196, 0, 0.28)", "rgba(255, 196, 0, 0.45)", "#ffca28"]
      : ["rgba(255, 210, 0, 0.38)", "rgba(255, 170, 0, 0.5)", "#e0a000"];
  const css = `${highlightTag}{display:inline!important;margin:0!important;padding:0!important;border:0!important;position:static!important;background-color:${fill}!important;color:inherit!important;text-decoration:underline 2px ${line}!important;text-decoration-skip-ink:none!important;text-underline-offset:2px!important;pointer-events:none!important;}${highlightTag} ${highlightTag}{background-color:${nested}!important;}${highlightTag}[data-liaison-focus]{outline:2px solid ${line}!important;outline-offset:1px!important;}`;
  if (style.textContent !== css) style.textContent = css;
  return style;
}
