import { render } from "preact";
import type { TargetSummary } from "../../shared/summary";
import { siteFor } from "../sites";
import type { SiteAdapter, SiteRow } from "../sites/types";
import { BadgeLayer, type PlacedBadge, type Viewport } from "./badge-layer";
import { Chip } from "./Chip";
import css from "./overlay.css?inline";
import { pageTheme } from "./theme";
import { recordBlock } from "./timing";

export interface OverlayData {
  /** Summaries of the team's knowledge for these target keys, from the local store. */
  query(keys: string[]): Promise<Record<string, TargetSummary>>;
  /** Opens the side panel on an item. */
  open(key: string): void;
}

interface Host {
  element: HTMLElement;
  root: HTMLElement;
}

function createHost(doc: Document, tag: "liaison-chip" | "liaison-badges"): Host {
  const element = doc.createElement(tag);
  const shadow = element.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = css;
  const root = doc.createElement("div");
  root.className = "root";
  shadow.append(style, root);
  return { element, root };
}

/**
 * Keeps Liaison's overlay in step with the page: one chip for the item the page shows (after
 * its title, or floating when the title is not found) and one layer holding every row badge.
 * `reconcile()` is cheap and idempotent: it runs on every DOM change and URL change.
 */
export class OverlayController {
  private site: SiteAdapter;
  private chip: Host | null = null;
  private badges: (Host & { layer: BadgeLayer }) | null = null;
  private itemKey: string | null = null;
  private rows: SiteRow[] = [];
  private summaries: Record<string, TargetSummary> = {};
  private queriedKeys = "";
  private theme: "light" | "dark" = "light";
  private floating = false;

  constructor(
    private readonly doc: Document,
    private readonly data: OverlayData,
    private readonly location: { href: string } = doc.defaultView?.location ?? { href: "about:blank" },
  ) {
    this.site = siteFor(new URL(this.location.href), doc);
  }

  /** Puts the chip and badges where they belong; answers whether the set of keys on the page changed. */
  reconcile(): boolean {
    const url = new URL(this.location.href);
    this.site = siteFor(url, this.doc);
    this.itemKey = this.site.itemKey(url, this.doc);
    this.rows = this.site.rows(this.doc, url).filter((row) => row.key !== this.itemKey);
    this.placeChip();
    const keys = this.keys().join("\n");
    const changed = keys !== this.queriedKeys;
    if (changed) {
      this.queriedKeys = keys;
      // Reading the page's colours costs a style pass: once per new set of items, not on every scroll.
      this.theme = pageTheme(this.doc);
    }
    return changed;
  }

  /** The item this page shows, if any. */
  currentItem(): string | null {
    return this.itemKey;
  }

  keys(): string[] {
    return [...new Set([...(this.itemKey ? [this.itemKey] : []), ...this.rows.map((row) => row.key)])];
  }

  async refreshData(): Promise<void> {
    const keys = this.keys();
    this.summaries = keys.length > 0 ? await this.data.query(keys) : {};
    const started = performance.now();
    this.render();
    recordBlock(started);
  }

  /** Draws chip and badges from the last summaries, at the rows' current positions. */
  render(): void {
    // Every read of the page's layout before any write: a read after a write would make the
    // browser lay the page out again, synchronously, in the middle of the page's frame.
    const { placed, view } = this.placeBadges();
    if (this.chip && this.itemKey) {
      const key = this.itemKey;
      this.chip.root.dataset.theme = this.theme;
      render(<Chip summary={this.summaries[key] ?? null} floating={this.floating} onOpen={() => this.data.open(key)} />, this.chip.root);
    }
    if (placed.length === 0 && !this.badges) return;
    if (!this.badges) {
      const host = createHost(this.doc, "liaison-badges");
      this.badges = { ...host, layer: new BadgeLayer(host.root) };
    }
    if (!this.badges.element.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.badges.element);
    this.badges.root.dataset.theme = this.theme;
    this.badges.layer.update(placed, view);
  }

  private placeChip(): void {
    if (!this.itemKey) {
      this.chip?.element.remove();
      this.chip = null;
      return;
    }
    const anchor = this.site.chipAnchor(this.doc);
    this.chip ??= createHost(this.doc, "liaison-chip");
    const { element } = this.chip;
    if (element.dataset.liaisonTarget !== this.itemKey) {
      element.dataset.liaisonTarget = this.itemKey;
      if (element.isConnected) this.render();
    }
    const floating = anchor === null;
    if (anchor) {
      // After the title, inline; sites re-render their headers and drop foreign nodes, so it is put back.
      if (anchor.nextElementSibling !== element) anchor.after(element);
    } else if (element.parentElement !== this.doc.body) {
      (this.doc.body ?? this.doc.documentElement).append(element);
    }
    if (floating !== this.floating) {
      this.floating = floating;
      if (element.isConnected) this.render();
    }
  }

  /** Where each row badge goes, and the part of the page in view; the page's layout is read only if a row needs a badge. */
  private placeBadges(): { placed: PlacedBadge[]; view: Viewport } {
    const placed: PlacedBadge[] = [];
    let scroll: { x: number; y: number; height: number } | null = null;
    for (const row of this.rows) {
      const summary = this.summaries[row.key];
      if (!summary || summary.attention.length === 0) continue;
      const rect = row.element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const window = this.doc.defaultView;
      scroll ??= { x: window?.scrollX ?? 0, y: window?.scrollY ?? 0, height: window?.innerHeight ?? 1000 };
      // Top right inside the row, so nothing of the page moves.
      placed.push({ key: row.key, summary, left: rect.right + scroll.x - 8, top: rect.top + scroll.y + 4 });
    }
    return { placed, view: { top: scroll?.y ?? 0, bottom: (scroll?.y ?? 0) + (scroll?.height ?? 1000) } };
  }

  isOurs(node: Node): boolean {
    return node === this.chip?.element || node === this.badges?.element;
  }

  destroy(): void {
    if (this.chip) render(null, this.chip.root);
    this.badges?.layer.destroy();
    this.chip?.element.remove();
    this.badges?.element.remove();
    this.chip = null;
    this.badges = null;
  }
}
