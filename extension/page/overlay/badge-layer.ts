// The row badges of a tracker list page, in one layer over the page: what needs attention on each item listed.
import type { Attention, TargetSummary } from "../../../shared/summary";
import { t } from "../../ui/i18n";
import { attentionLabels } from "../../ui/labels";
import { recordBlock } from "./timing";

/** The part of the page in view, in page coordinates (as badges are placed). */
export interface Viewport {
  top: number;
  bottom: number;
}

export interface PlacedBadge {
  key: string;
  left: number;
  top: number;
  summary: TargetSummary;
}

const flagText = (flag: Attention, summary: TargetSummary) =>
  flag === "high-risk"
    ? t("chipRisk", String(summary.topRisk?.score ?? ""))
    : flag === "overdue"
      ? t("badgeOverdue", String(summary.overdueActions))
      : t(attentionLabels[flag]);

interface BadgeEntry {
  element: HTMLElement;
  /** The summary last drawn, and the text it gave. */
  summary: TargetSummary | null;
  signature: string;
  left: number;
  top: number;
}

/**
 * Every row badge of the page, in one layer over the page that moves nothing of it. Plain DOM
 * keyed by target: a 500-row list is built off-document in one pass and attached once, and a
 * scroll only moves the badges that exist (Preact's diff took twice as long here).
 */
export class BadgeLayer {
  private readonly layer: HTMLElement;
  private readonly badges = new Map<string, BadgeEntry>();

  constructor(root: HTMLElement) {
    this.layer = root.ownerDocument.createElement("div");
    this.layer.className = "layer";
    root.append(this.layer);
  }

  private continuation: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  /**
   * Shows these badges and no others, in slices: first the ones in `view` (within
   * `firstBudgetMs`, so that they appear without holding the page's frame), then the others
   * after the next frame, in slices of at most `budgetMs`, so a 500-row list never holds the
   * main thread long.
   * Nothing here reads the page's layout: the caller measured it before writing anything.
   */
  update(placed: PlacedBadge[], view: Viewport, budgetMs = 4, firstBudgetMs = 3): void {
    this.cancel();
    const keep = new Set<string>();
    // The badges in view first; the first slice draws those and no more.
    const queue: PlacedBadge[] = [];
    const later: PlacedBadge[] = [];
    for (const badge of placed) {
      keep.add(badge.key);
      (badge.top >= view.top - 100 && badge.top <= view.bottom + 100 ? queue : later).push(badge);
    }
    const inView = queue.length;
    queue.push(...later);
    for (const [key, entry] of this.badges) {
      if (!keep.has(key)) {
        entry.element.remove();
        this.badges.delete(key);
      }
    }
    const run = (from: number, until: number, budget: number) => {
      const started = performance.now();
      const fresh = this.layer.ownerDocument.createDocumentFragment();
      const deadline = started + budget;
      let next = from;
      while (next < until) {
        this.show(queue[next++], fresh);
        if (next % 10 === 0 && performance.now() > deadline) break;
      }
      if (fresh.childNodes.length > 0) this.layer.append(fresh);
      if (from > 0) recordBlock(started);
      // The rest after the next frame: the badges in view are painted first, not after the others are made.
      if (next < queue.length) {
        this.frame = requestAnimationFrame(() => {
          this.continuation = setTimeout(() => run(next, queue.length, budgetMs), 0);
        });
      }
    };
    run(0, inView, firstBudgetMs);
  }

  private show(badge: PlacedBadge, fresh: DocumentFragment): void {
    const doc = this.layer.ownerDocument;
    let entry = this.badges.get(badge.key);
    if (!entry) {
      const element = doc.createElement("span");
      element.className = "badge";
      element.dataset.liaisonTarget = badge.key;
      entry = { element, summary: null, signature: "", left: Number.NaN, top: Number.NaN };
      this.badges.set(badge.key, entry);
      fresh.append(element);
    }
    // A scroll moves badges with the same summary: their text is looked at only when the summary is new.
    if (entry.summary === badge.summary) {
      this.move(entry, badge);
      return;
    }
    entry.summary = badge.summary;
    const texts = badge.summary.attention.map((flag) => flagText(flag, badge.summary));
    const signature = `${badge.summary.attention.join(",")}|${texts.join("|")}`;
    if (entry.signature !== signature) {
      entry.signature = signature;
      entry.element.title = texts.join(" · ");
      entry.element.replaceChildren(
        ...badge.summary.attention.map((flag, i) => {
          const part = doc.createElement("span");
          part.className = `flag ${flag}`;
          part.textContent = texts[i];
          return part;
        }),
      );
    }
    this.move(entry, badge);
  }

  private move(entry: BadgeEntry, badge: PlacedBadge): void {
    if (entry.left !== badge.left || entry.top !== badge.top) {
      entry.left = badge.left;
      entry.top = badge.top;
      entry.element.style.left = `${badge.left}px`;
      entry.element.style.top = `${badge.top}px`;
    }
  }

  destroy(): void {
    this.cancel();
  }

  private cancel(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.continuation);
  }
}
