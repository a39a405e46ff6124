import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Window } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";
import { OverlayController, type OverlayData } from "../../extension/page/overlay/controller";
import { siteFor } from "../../shared/sites/adapters";
import { captureCases, siteCases } from "./site-cases";

// The same checks on every site adapter, against saved pages served at their real URLs.

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");

/** A page of no tracker: headings, a list and a table with links, and none of any site's hooks. */
const unrelatedPage = (itemUrl: string) => `<!DOCTYPE html><html><head><title>Release notes</title></head><body>
  <h1>Release notes</h1><p>Fixed <a href="${itemUrl}">the checkout timeout</a>.</p>
  <ul><li><a href="${itemUrl}">Checkout timeout</a></li></ul>
  <table><tbody><tr><td><a href="${itemUrl}">Checkout timeout</a></td></tr></tbody></table></body></html>`;

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

/** A fresh page at `url` with the given markup; scripts do not run (happy-dom's default). */
function loadPage(url: string, html: string): { window: Window; doc: Document } {
  const window = new Window({ url, width: 1280, height: 800 });
  windows.push(window);
  window.document.write(html);
  return { window, doc: window.document as unknown as Document };
}

const fixture = (file: string) => readFileSync(path.join(fixturesDir, file), "utf8");

/** The team knows nothing of any item: the answer leaves them all out, and every one asks for someone accountable. */
const data: OverlayData = {
  query: async () => ({}),
  open: () => {},
};

describe.each(siteCases)("the $site adapter on $itemFixture and $listFixture", (c) => {
  it("claims its pages and names the item", () => {
    const { doc } = loadPage(c.itemUrl, fixture(c.itemFixture));
    const site = siteFor(new URL(c.itemUrl), doc);
    expect(site.name).toBe(c.site);
    expect(site.itemKey(new URL(c.itemUrl), doc)).toBe(c.itemKey);
    const anchor = site.chipAnchor(doc);
    if (c.anchored) expect(anchor).not.toBeNull();
    else expect(anchor).toBeNull();

    const list = loadPage(c.listUrl, fixture(c.listFixture));
    const listSite = siteFor(new URL(c.listUrl), list.doc);
    expect(listSite.name).toBe(c.site);
    expect(listSite.itemKey(new URL(c.listUrl), list.doc)).toBe(c.listItemKey);
  });

  it("finds exactly the rows of its list page", () => {
    const { doc } = loadPage(c.listUrl, fixture(c.listFixture));
    const rows = [...siteFor(new URL(c.listUrl), doc).rows(doc, new URL(c.listUrl))];
    expect(rows.map((row) => row.key)).toEqual(c.listKeys);
    expect(new Set(rows.map((row) => row.element)).size).toBe(rows.length);
  });

  it("finds nothing on a page without its markup", () => {
    const { doc } = loadPage(c.itemUrl, unrelatedPage(c.itemUrl));
    const site = siteFor(new URL(c.itemUrl), doc);
    // A self-hosted page is recognised by its markup alone: without it, the page is any page.
    expect(site.name).toBe(c.selfHosted ? "generic" : c.site);
    expect(site.chipAnchor(doc)).toBeNull();
    expect([...site.rows(doc, new URL(c.itemUrl))]).toEqual([]);
  });

  it("gets one chip for the item, and a second pass changes nothing", async () => {
    const { doc } = loadPage(c.itemUrl, fixture(c.itemFixture));
    const overlay = new OverlayController(doc, data, { href: c.itemUrl });
    overlay.reconcile();
    await overlay.refreshData();
    const chips = doc.querySelectorAll("liaison-chip");
    expect(chips).toHaveLength(1);
    const chip = chips[0] as HTMLElement;
    expect(chip.dataset.liaisonTarget).toBe(c.itemKey);
    const face = chip.shadowRoot?.querySelector(".chip");
    expect(face?.textContent).toContain("No accountable");
    if (c.anchored) {
      expect(siteFor(new URL(c.itemUrl), doc).chipAnchor(doc)?.nextElementSibling).toBe(chip);
      expect(face?.classList.contains("floating")).toBe(false);
    } else {
      expect(chip.parentElement).toBe(doc.body);
      expect(face?.classList.contains("floating")).toBe(true);
    }

    const drawn = chip.shadowRoot?.innerHTML;
    expect(overlay.reconcile()).toBe(false);
    overlay.render();
    expect(doc.querySelectorAll("liaison-chip")).toHaveLength(1);
    expect(doc.querySelector("liaison-chip")).toBe(chip);
    expect(chip.shadowRoot?.innerHTML).toBe(drawn);
    overlay.destroy();
    expect(doc.querySelectorAll("liaison-chip")).toHaveLength(0);
  });

  it("puts one badge per row in a single layer", async () => {
    const { window, doc } = loadPage(c.listUrl, fixture(c.listFixture));
    // happy-dom does no layout and every box measures 0 x 0, which the controller skips as a
    // hidden row: rows get a plain box here; real positions are checked in the e2e tests.
    window.Element.prototype.getBoundingClientRect = () => new window.DOMRect(16, 16, 480, 32);
    const overlay = new OverlayController(doc, data, { href: c.listUrl });
    overlay.reconcile();
    await overlay.refreshData();
    const expected = c.listKeys.filter((key) => key !== c.listItemKey);
    const layers = doc.querySelectorAll("liaison-badges");
    if (expected.length === 0) {
      expect(layers).toHaveLength(0);
      return;
    }
    expect(layers).toHaveLength(1);
    const badges = () => [...(layers[0].shadowRoot?.querySelectorAll("[data-liaison-target]") ?? [])];
    expect(badges().map((badge) => badge.getAttribute("data-liaison-target"))).toEqual(expected);

    overlay.reconcile();
    overlay.render();
    expect(doc.querySelectorAll("liaison-badges")).toHaveLength(1);
    expect(doc.querySelector("liaison-badges")).toBe(layers[0]);
    expect(badges()).toHaveLength(expected.length);
  });
});

/** Each site's title selectors (its selectors.ts), by folder. */
const titleSelectors = new Map(
  Object.entries(import.meta.glob<readonly string[]>("../../shared/sites/*/selectors.ts", { eager: true, import: "titleSelectors" })).map(
    ([file, selectors]) => [file.split("/").at(-2) ?? file, selectors ?? []],
  ),
);

// The versions teams run, self-hosted ones years behind the cloud: each saved page names the
// one title selector its chip goes after, so that dropping an old version's markup fails here.
describe.each(captureCases)("the $site adapter on $version ($source, $kind)", (c) => {
  it("claims the page, names its item and puts the chip's anchor at its title", () => {
    const { doc } = loadPage(c.url, fixture(c.fixture));
    const site = siteFor(new URL(c.url), doc);
    expect(site.name).toBe(c.site);
    expect(site.itemKey(new URL(c.url), doc)).toBe(c.itemKey);
    if (c.anchor === null) {
      expect(site.chipAnchor(doc)).toBeNull();
      return;
    }
    expect(titleSelectors.get(c.site)).toContain(c.anchor);
    const title = doc.querySelector(c.anchor);
    expect(title?.textContent?.trim()).toBeTruthy();
    expect(site.chipAnchor(doc)).toBe(title);
  });

  it("finds exactly the rows of the page", () => {
    const { doc } = loadPage(c.url, fixture(c.fixture));
    const rows = [...siteFor(new URL(c.url), doc).rows(doc, new URL(c.url))];
    expect(rows.map((row) => row.key)).toEqual(c.rows);
    expect(new Set(rows.map((row) => row.element)).size).toBe(rows.length);
  });

  it("gets the chip at the title and a badge on every other row", async () => {
    const { window, doc } = loadPage(c.url, fixture(c.fixture));
    window.Element.prototype.getBoundingClientRect = () => new window.DOMRect(16, 16, 480, 32);
    const overlay = new OverlayController(doc, data, { href: c.url });
    overlay.reconcile();
    await overlay.refreshData();
    const chips = [...doc.querySelectorAll("liaison-chip")] as HTMLElement[];
    if (c.itemKey === null) expect(chips).toHaveLength(0);
    else {
      expect(chips).toHaveLength(1);
      expect(chips[0].dataset.liaisonTarget).toBe(c.itemKey);
      const floating = chips[0].shadowRoot?.querySelector(".chip")?.classList.contains("floating");
      if (c.anchor === null) expect(floating).toBe(true);
      else {
        expect(doc.querySelector(c.anchor)?.nextElementSibling).toBe(chips[0]);
        expect(floating).toBe(false);
      }
    }
    const expected = c.rows.filter((key) => key !== c.itemKey);
    const badges = [...(doc.querySelector("liaison-badges")?.shadowRoot?.querySelectorAll("[data-liaison-target]") ?? [])];
    expect(badges.map((badge) => badge.getAttribute("data-liaison-target"))).toEqual(expected);
    overlay.destroy();
  });

  it("is described in its folder's README: where it comes from, and its licence if it is a real capture", () => {
    const readme = path.join(fixturesDir, path.dirname(c.fixture), "README.md");
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, "utf8");
    const entry = text.split(/\n(?=## )/).find((section) => section.includes(path.basename(c.fixture)));
    expect(entry, `${c.fixture} in ${readme}`).toBeDefined();
    if (c.source === "real capture") expect(entry).toMatch(/Licen[cs]e: \S+/);
    else expect(entry).toMatch(/hand-made/i);
  });
});
