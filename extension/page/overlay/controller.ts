// The overlay on a tracker page: finds the item and list rows the site adapter reads, and places the chip and row badges by them.
import type { SiteAdapter, SiteRow } from "../../../shared/sites/adapter-kit";
import { siteFor } from "../../../shared/sites/adapters";
import { emptySummary, type TargetSummary } from "../../../shared/summary";
import { afterNextFrame, yieldToPage } from "../scheduler";
import { acceptTrustedEventsOnly, shadowRootMode } from "../shadow-host";
import { pageTheme } from "../theme";
import { BadgeLayer, type PlacedBadge, type Viewport } from "./badge-layer";
import { ChipView } from "./chip";
import css from "./overlay.css?inline";
import { recordBlock } from "./timing";

export interface OverlayData {
  /**
   * Summaries of the team's knowledge for these target keys, from the local store. Keys the
   * team recorded nothing about may be left out: they show as an item nobody is accountable for.
   */
  query(keys: string[]): Promise<Record<string, TargetSummary>>;
  /** Opens the side panel on an item. */
  open(key: string): void;
}

/** The rows' boxes in page coordinates, and the part of the page in view, read in one go. */
interface Measured {
  boxes: Map<Element, { right: number; top: number }>;
  view: Viewport;
}

interface Host {
  element: HTMLElement;
  root: HTMLElement;
}

function createHost(doc: Document, tag: "liaison-chip" | "liaison-badges"): Host {
  const element = doc.createElement(tag);
  const shadow = element.attachShadow({ mode: shadowRootMode });
  acceptTrustedEventsOnly(shadow);
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
 * `reconcile()` is idempotent: it runs on every DOM change and URL change, in slices on long lists.
 */
export class OverlayController {
  private chip: (Host & { view: ChipView }) | null = null;
  private badges: (Host & { layer: BadgeLayer }) | null = null;
  private itemKey: string | null = null;
  private rows: SiteRow[] = [];
  /** The rows read so far while a reconcile is read in slices. */
  private reading: { rows: SiteRow[]; next: Iterator<SiteRow> } | null = null;
  private summaries: Record<string, TargetSummary> = {};
  /** What an item nobody recorded anything about shows; one object, so a redraw sees it unchanged. */
  private readonly blank = emptySummary("");
  private queriedKeys = "";
  private theme: "light" | "dark" = "light";
  private themeStale = true;
  private floating = false;
  constructor(
    private readonly doc: Document,
    private readonly data: OverlayData,
    private readonly location: { href: string } = doc.defaultView?.location ?? { href: "about:blank" },
  ) {}

  /**
   * Puts the chip where it belongs and reads the rows; answers whether the set of keys on the
   * page changed. Past `budgetMs` it stops reading rows and answers "more": called again, it
   * reads on where it stopped (a 500-row list is read in two or three slices).
   */
  reconcile(budgetMs = Number.POSITIVE_INFINITY): boolean | "more" {
    const started = performance.now();
    if (!this.reading) {
      const url = new URL(this.location.href);
      const site = siteFor(url, this.doc);
      this.itemKey = site.itemKey(url, this.doc);
      this.placeChip(site);
      this.reading = { rows: [], next: site.rows(this.doc, url)[Symbol.iterator]() };
    }
    const reading = this.reading;
    for (let count = 1; ; count++) {
      const step = reading.next.next();
      if (step.done) break;
      if (step.value.key !== this.itemKey) reading.rows.push(step.value);
      if (count % 25 === 0 && performance.now() - started > budgetMs) return "more";
    }
    this.reading = null;
    this.rows = reading.rows;
    const keys = this.keys().join("\n");
    const changed = keys !== this.queriedKeys;
    if (changed) {
      this.queriedKeys = keys;
      // Reading the page's colours costs a style pass: once per new set of items, not on every
      // scroll, and with the rows' boxes, after the browser's frame rather than before it.
      this.themeStale = true;
    }
    return changed;
  }

  /** Whether a reconcile stopped reading rows and waits to be called again. */
  isReading(): boolean {
    return this.reading !== null;
  }

  /** The list rows the team has records about (those the background answered for), as last read. */
  recordedRows(): SiteRow[] {
    return this.rows.filter((row) => this.summaries[row.key]);
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
    const answer = keys.length > 0 ? this.data.query(keys) : Promise.resolve({});
    // While the background answers, after the page's next frame: where the rows are. Read
    // then, the layout is the one the browser just made; done now, drawing the answer needs none.
    // A page without rows (an item page) has nothing to measure, and its chip need not wait a frame.
    const rows = this.rows;
    await (rows.length > 0 ? afterNextFrame(this.doc) : yieldToPage());
    let started = performance.now();
    const measured = this.measure(rows);
    recordBlock(started);
    this.summaries = await answer;
    started = performance.now();
    // The rows changed meanwhile: the page changed too, and measures again.
    this.draw(this.rows === rows ? measured : this.measure(this.rows));
    recordBlock(started);
  }

  /** Draws chip and badges from the last summaries, at the rows' current positions. */
  render(): void {
    this.draw(this.measure(this.rows));
  }

  /**
   * Where each row is on the page, the part of the page in view, and the page's theme when
   * its items changed. Every read of the page's layout and style happens here, before any
   * write: a read after a write would make the browser lay the page out again, synchronously,
   * in the middle of the page's frame.
   */
  private measure(rows: SiteRow[]): Measured {
    if (this.themeStale) {
      this.themeStale = false;
      this.theme = pageTheme(this.doc);
    }
    const boxes = new Map<Element, { right: number; top: number }>();
    if (rows.length === 0) return { boxes, view: { top: 0, bottom: 0 } };
    const window = this.doc.defaultView;
    const x = window?.scrollX ?? 0;
    const y = window?.scrollY ?? 0;
    for (const row of rows) {
      const rect = row.element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      boxes.set(row.element, { right: rect.right + x, top: rect.top + y });
    }
    return { boxes, view: { top: y, bottom: y + (window?.innerHeight ?? 1000) } };
  }

  private draw(measured: Measured): void {
    const { placed, view } = this.placeBadges(measured);
    if (this.chip && this.itemKey) this.chip.view.draw(this.summaries[this.itemKey] ?? this.blank, this.floating, this.theme);
    if (placed.length === 0 && !this.badges) return;
    if (!this.badges) {
      const host = createHost(this.doc, "liaison-badges");
      this.badges = { ...host, layer: new BadgeLayer(host.root) };
    }
    if (!this.badges.element.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.badges.element);
    this.badges.root.dataset.theme = this.theme;
    this.badges.layer.update(placed, view);
  }

  private placeChip(site: SiteAdapter): void {
    if (!this.itemKey) {
      this.chip?.element.remove();
      this.chip = null;
      return;
    }
    const anchor = site.chipAnchor(this.doc);
    if (!this.chip) {
      const host = createHost(this.doc, "liaison-chip");
      this.chip = {
        ...host,
        view: new ChipView(host.root, () => {
          if (this.itemKey) this.data.open(this.itemKey);
        }),
      };
    }
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

  /** Where each row badge goes: top right inside its row, so nothing of the page moves. */
  private placeBadges({ boxes, view }: Measured): { placed: PlacedBadge[]; view: Viewport } {
    const placed: PlacedBadge[] = [];
    for (const row of this.rows) {
      const summary = this.summaries[row.key] ?? this.blank;
      const box = boxes.get(row.element);
      if (summary.attention.length === 0 || !box) continue;
      placed.push({ key: row.key, summary, left: box.right - 8, top: box.top + 4 });
    }
    return { placed, view };
  }

  isOurs(node: Node): boolean {
    return node === this.chip?.element || node === this.badges?.element;
  }

  destroy(): void {
    this.chip?.view.destroy();
    this.badges?.layer.destroy();
    this.chip?.element.remove();
    this.badges?.element.remove();
    this.chip = null;
    this.badges = null;
  }
}
