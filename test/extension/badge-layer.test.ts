import { afterEach, describe, expect, it } from "vitest";
import { BadgeLayer, type PlacedBadge } from "../../extension/page/overlay/badge-layer";
import { summarize } from "../../shared/kinds/items";
import type { TargetSummary } from "../../shared/summary";

// The layer of row badges: the ones in view first, the rest after the next frame.

const blank: TargetSummary = summarize(new Map(), "", "");
const view = { top: 0, bottom: 800 };
/** Rows 40 px apart: the first 23 or so are in view (with 100 px to spare), the others below. */
const rows = (count: number, summary = blank): PlacedBadge[] =>
  Array.from({ length: count }, (_, i) => ({ key: `github:acme/app#${i + 1}`, left: 600, top: i * 40, summary }));

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 50));

let root: HTMLElement;
afterEach(() => root?.remove());

function layer() {
  root = document.createElement("div");
  document.body.append(root);
  return new BadgeLayer(root);
}

const shown = () => [...root.querySelectorAll<HTMLElement>(".badge")].map((badge) => badge.dataset.liaisonTarget);

describe("the badge layer", () => {
  it("draws the badges in view at once and the others after the next frame", async () => {
    const badges = layer();
    // However generous the first slice's budget, it holds only the badges in view.
    badges.update(rows(500), view, 8, 1000);
    const first = shown();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(30);
    expect(first).toContain("github:acme/app#1");
    expect(first).not.toContain("github:acme/app#400");
    await expect.poll(() => shown().length, { timeout: 5000 }).toBe(500);
    badges.destroy();
  });

  it("shows the reason as text, removes badges of rows gone and only moves those unchanged", async () => {
    const badges = layer();
    badges.update(rows(3), view);
    const first = root.querySelector<HTMLElement>('[data-liaison-target="github:acme/app#1"]');
    expect(first?.textContent).toBe("No A");
    badges.update(
      rows(2).map((badge) => ({ ...badge, top: badge.top + 10 })),
      view,
    );
    await nextFrame();
    expect(shown()).toEqual(["github:acme/app#1", "github:acme/app#2"]);
    // The same element, moved.
    const moved = root.querySelector<HTMLElement>('[data-liaison-target="github:acme/app#1"]');
    expect(moved).toBe(first);
    expect(moved?.style.top).toBe("10px");
    badges.destroy();
  });
});
