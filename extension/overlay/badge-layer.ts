import type { Attention, TargetSummary } from "../../shared/summary";
import { t } from "../lib/i18n";

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
      : t(`badge_${flag.replace("-", "_")}`);

/**
 * Every row badge of the page, in one layer over the page that moves nothing of it. Plain DOM
 * keyed by target: a 500-row list is built off-document in one pass and attached once, and a
 * scroll only moves the badges that exist (Preact's diff took twice as long here).
 */
export class BadgeLayer {
  private readonly layer: HTMLElement;
  private readonly badges = new Map<string, { element: HTMLElement; signature: string; left: number; top: number }>();

  constructor(root: HTMLElement) {
    this.layer = root.ownerDocument.createElement("div");
    this.layer.className = "layer";
    root.append(this.layer);
  }

  private continuation: ReturnType<typeof setTimeout> | undefined;

  /**
   * Shows these badges and no others. New badges are made in slices of at most `budgetMs`
   * (the ones in view first), so a 500-row list never holds the page's main thread for long.
   */
  update(placed: PlacedBadge[], budgetMs = 8): void {
    clearTimeout(this.continuation);
    const keep = new Set(placed.map((badge) => badge.key));
    for (const [key, entry] of this.badges) {
      if (!keep.has(key)) {
        entry.element.remove();
        this.badges.delete(key);
      }
    }
    const view = this.layer.ownerDocument.defaultView;
    const top = view?.scrollY ?? 0;
    const bottom = top + (view?.innerHeight ?? 1000);
    const inView = (badge: PlacedBadge) => badge.top >= top - 100 && badge.top <= bottom + 100;
    const queue = [...placed.filter(inView), ...placed.filter((badge) => !inView(badge))];
    const run = (from: number) => {
      const fresh = this.layer.ownerDocument.createDocumentFragment();
      const deadline = performance.now() + budgetMs;
      let next = from;
      while (next < queue.length) {
        this.show(queue[next++], fresh);
        if (next % 25 === 0 && performance.now() > deadline) break;
      }
      if (fresh.childNodes.length > 0) this.layer.append(fresh);
      if (next < queue.length) this.continuation = setTimeout(() => run(next), 0);
    };
    run(0);
  }

  private show(badge: PlacedBadge, fresh: DocumentFragment): void {
    const doc = this.layer.ownerDocument;
    const texts = badge.summary.attention.map((flag) => flagText(flag, badge.summary));
    const signature = `${badge.summary.attention.join(",")}|${texts.join("|")}`;
    let entry = this.badges.get(badge.key);
    if (!entry) {
      const element = doc.createElement("span");
      element.className = "badge";
      element.dataset.liaisonTarget = badge.key;
      entry = { element, signature: "", left: Number.NaN, top: Number.NaN };
      this.badges.set(badge.key, entry);
      fresh.append(element);
    }
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
    if (entry.left !== badge.left || entry.top !== badge.top) {
      entry.left = badge.left;
      entry.top = badge.top;
      entry.element.style.left = `${badge.left}px`;
      entry.element.style.top = `${badge.top}px`;
    }
  }

  destroy(): void {
    clearTimeout(this.continuation);
  }
}
