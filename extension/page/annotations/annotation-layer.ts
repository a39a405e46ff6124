// The annotations drawn on a page: anchored, highlighted, anchored again as the page changes, orphans reported, in short slices.
import type { AnchoringStatus } from "../../../shared/vocabulary";
import type { PageAnnotation } from "../../common/page-annotation";
import { anchor } from "../anchoring/anchor";
import { ensureHighlightStyle, type HighlightTarget, highlight, highlightTag, removeHighlights } from "../anchoring/highlight";
import { TextIndex } from "../anchoring/text-index";
import { TimeSlicer } from "../scheduler";

interface AnnotationLayerOptions {
  /** Told the status of every annotation on the page whenever one of them changes. */
  onStatus(statuses: Record<string, AnchoringStatus>): void;
  /** Whether the page draws its words on a canvas (then every annotation is about the whole page). */
  canvas?: () => boolean;
  theme?: () => "light" | "dark";
  /** Quiet time after a page change before looking for what is missing, and the longest wait while the page keeps changing. */
  settleMs?: number;
  maxWaitMs?: number;
}

interface Placed {
  elements: HTMLElement[];
  signature: string;
}

/** What an annotation is anchored by: when it changes, the annotation is anchored again. */
const signatureOf = (annotation: PageAnnotation) => JSON.stringify(annotation.selectors);
const hasWords = (annotation: PageAnnotation) => annotation.selectors.length > 0;

/**
 * The annotations of the page, anchored and highlighted. Anchoring runs when the list changes
 * and again when the page changes (single-page apps, lazy loading, a page re-rendering the
 * highlighted text), for the annotations not anchored yet only: an orphan is looked for again
 * only once the page's text differs from the text it was not found in. Work is sliced so
 * that the page never waits more than a few milliseconds on Liaison.
 */
export class AnnotationLayer {
  private annotations = new Map<string, PageAnnotation>();
  private readonly placed = new Map<string, Placed>();
  /** Orphans: the text each was not found in, and what it was looked for by. */
  private readonly searched = new Map<string, { text: string; signature: string }>();
  private readonly observer: MutationObserver;
  private observing = false;
  private running: Promise<void> | null = null;
  private again = false;
  private reported = "";
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private firstChange = 0;
  private destroyed = false;
  /** The longest slice of anchoring work so far, in milliseconds (for the benchmark and tests). */
  longestSlice = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: AnnotationLayerOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** The page's annotations now: new ones are anchored, changed ones anchored again, gone ones unhighlighted. */
  update(list: PageAnnotation[]): Promise<void> {
    const next = new Map(list.map((annotation) => [annotation.id, annotation]));
    for (const [id, placed] of [...this.placed]) {
      const annotation = next.get(id);
      if (!annotation || signatureOf(annotation) !== placed.signature) this.unplace(id);
    }
    for (const id of [...this.searched.keys()]) if (!next.has(id)) this.searched.delete(id);
    this.annotations = next;
    this.watch(next.size > 0);
    return this.anchorPending();
  }

  /** Forgets everything (the page navigated to another address). */
  clear(): void {
    for (const id of [...this.placed.keys()]) this.unplace(id);
    this.annotations.clear();
    this.searched.clear();
    this.reported = "";
    this.watch(false);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.settleTimer);
    this.clear();
    this.doc.querySelector("style[data-liaison-highlights]")?.remove();
  }

  get(id: string): PageAnnotation | undefined {
    return this.annotations.get(id);
  }

  get highlighted(): boolean {
    return this.placed.size > 0;
  }

  /** Anchors what is not anchored yet. One pass at a time; a request during a pass runs another after it. */
  anchorPending(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.destroyed);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The annotations whose highlights are under a point of the viewport, outermost first. */
  annotationsAt(x: number, y: number): PageAnnotation[] {
    const hits: Array<{ id: string; depth: number }> = [];
    for (const [id, placed] of this.placed) {
      for (const element of placed.elements) {
        if (!element.isConnected) continue;
        const inside = Array.from(element.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
        if (!inside) continue;
        let depth = 0;
        for (let up = element.parentElement?.closest(highlightTag); up; up = up.parentElement?.closest(highlightTag)) depth++;
        hits.push({ id, depth });
        break;
      }
    }
    return hits
      .sort((a, b) => a.depth - b.depth)
      .map((hit) => this.annotations.get(hit.id))
      .filter((annotation): annotation is PageAnnotation => Boolean(annotation));
  }

  /** The box of an annotation's highlight under a point (for placing its card). */
  boxAt(id: string, x: number, y: number): DOMRect | null {
    for (const element of this.placed.get(id)?.elements ?? []) {
      for (const rect of Array.from(element.getClientRects())) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return rect;
      }
    }
    return null;
  }

  /** Marks an annotation's highlights for a moment (it was clicked: the side panel opens on it). */
  flash(id: string, ms = 1500): void {
    const elements = this.placed.get(id)?.elements ?? [];
    this.mutate(() => {
      for (const element of elements) element.setAttribute("data-liaison-focus", "");
    });
    setTimeout(
      () =>
        this.mutate(() => {
          for (const element of elements) element.removeAttribute("data-liaison-focus");
        }),
      ms,
    );
  }

  private async pass(): Promise<void> {
    // Highlights the page took away (it re-rendered the text they wrapped) are anchored again.
    for (const [id, placed] of [...this.placed]) {
      if (placed.elements.some((element) => !element.isConnected)) this.unplace(id);
    }
    const canvas = this.options.canvas?.() ?? false;
    const pending = canvas ? [] : [...this.annotations.values()].filter((a) => hasWords(a) && !this.placed.has(a.id));
    const body = this.doc.body;
    if (pending.length > 0 && body) {
      const slicer = new TimeSlicer();
      const index = await TextIndex.buildSliced(body, slicer);
      if (this.destroyed) return;
      const found: HighlightTarget[] = [];
      const signatures = new Map<string, string>();
      for (const annotation of pending) {
        const signature = signatureOf(annotation);
        const last = this.searched.get(annotation.id);
        if (last && last.text === index.text && last.signature === signature) continue;
        signatures.set(annotation.id, signature);
        const anchored = await anchor(index, annotation.selectors, slicer);
        if (this.destroyed) return;
        if (anchored) found.push({ annotationId: annotation.id, start: anchored.start, end: anchored.end });
        else this.searched.set(annotation.id, { text: index.text, signature });
        if (slicer.due) await slicer.pause();
      }
      slicer.finish();
      this.longestSlice = Math.max(this.longestSlice, slicer.longest);
      // The list may have changed while anchoring paused.
      const wanted = found.filter((target) => {
        const annotation = this.annotations.get(target.annotationId);
        return annotation && !this.placed.has(target.annotationId) && signatureOf(annotation) === signatures.get(target.annotationId);
      });
      if (wanted.length > 0) {
        let placedNow = new Map<string, HTMLElement[]>();
        this.mutate(() => {
          ensureHighlightStyle(this.doc, this.options.theme?.() ?? "light");
          placedNow = highlight(index, wanted);
        });
        for (const target of wanted) {
          const elements = placedNow.get(target.annotationId);
          // Its text changed while anchoring paused: the next pass, on the new text, takes it.
          if (!elements) this.again = true;
          else {
            this.placed.set(target.annotationId, { elements, signature: signatures.get(target.annotationId) ?? "" });
            this.searched.delete(target.annotationId);
          }
        }
      }
    }
    this.report(canvas);
  }

  private report(canvas: boolean) {
    const statuses: Record<string, AnchoringStatus> = {};
    for (const annotation of this.annotations.values()) {
      if (canvas || !hasWords(annotation)) statuses[annotation.id] = "page";
      else if (this.placed.has(annotation.id)) statuses[annotation.id] = "anchored";
      else if (this.searched.has(annotation.id)) statuses[annotation.id] = "orphan";
    }
    const json = JSON.stringify(statuses);
    // A page without annotations has nothing to say (most pages: no message for them).
    if (json === this.reported || (json === "{}" && this.reported === "")) return;
    this.reported = json;
    this.options.onStatus(statuses);
  }

  private unplace(id: string) {
    const placed = this.placed.get(id);
    if (!placed) return;
    this.placed.delete(id);
    this.mutate(() => removeHighlights(placed.elements));
  }

  /** Runs Liaison's own DOM changes without the observer taking them for the page's. */
  private mutate(change: () => void) {
    if (!this.observing) return change();
    const before = this.observer.takeRecords();
    if (before.length > 0) this.onMutations(before);
    change();
    this.observer.takeRecords();
  }

  private watch(on: boolean) {
    if (on === this.observing) return;
    this.observing = on;
    if (on) this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    else {
      this.observer.disconnect();
      clearTimeout(this.settleTimer);
      this.settleTimer = undefined;
    }
  }

  private onMutations(records: MutationRecord[]) {
    if (!records.some(isPageChange)) return;
    const settle = this.options.settleMs ?? 400;
    const maxWait = this.options.maxWaitMs ?? 2000;
    const now = Date.now();
    if (this.settleTimer === undefined) this.firstChange = now;
    clearTimeout(this.settleTimer);
    const wait = Math.max(0, Math.min(settle, this.firstChange + maxWait - now));
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (this.needsWork()) void this.anchorPending();
    }, wait);
  }

  private needsWork(): boolean {
    if (this.options.canvas?.()) return false;
    for (const annotation of this.annotations.values()) {
      if (!hasWords(annotation)) continue;
      const placed = this.placed.get(annotation.id);
      if (!placed || placed.elements.some((element) => !element.isConnected)) return true;
    }
    return false;
  }
}

/** Liaison's own elements (highlights, overlays, forms) coming and going are not changes of the page. */
function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.toUpperCase().startsWith("LIAISON-");
}

function isPageChange(record: MutationRecord): boolean {
  if (record.type === "characterData") return true;
  if (record.type !== "childList") return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.some((node) => !isOurs(node));
}
