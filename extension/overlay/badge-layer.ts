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

  update(placed: PlacedBadge[]): void {
    const doc = this.layer.ownerDocument;
    const fresh = doc.createDocumentFragment();
    const seen = new Set<string>();
    for (const badge of placed) {
      seen.add(badge.key);
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
    for (const [key, entry] of this.badges) {
      if (!seen.has(key)) {
        entry.element.remove();
        this.badges.delete(key);
      }
    }
    if (fresh.childNodes.length > 0) this.layer.append(fresh);
  }
}
