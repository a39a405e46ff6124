import { describe, expect, it } from "vitest";
import { OverlayController, type OverlayData } from "../../extension/page/overlay/controller";

// A long list's rows are read in slices: each slice stops past its budget, and the next reads on.

const data: OverlayData = { query: async () => ({}), open: () => {} };

function listPage(rows: number) {
  document.body.innerHTML = `<ul>${Array.from(
    { length: rows },
    (_, i) => `<li role="listitem"><a data-testid="issue-pr-title-link" href="/acme/app/issues/${i + 1}">Issue ${i + 1}</a></li>`,
  ).join("")}</ul>`;
}

describe("reading a list's rows", () => {
  it("reads a long list in slices that end up with the same rows as one pass", () => {
    listPage(300);
    const location = { href: "https://github.com/acme/app/issues" };
    const whole = new OverlayController(document, data, location);
    expect(whole.reconcile()).toBe(true);

    const sliced = new OverlayController(document, data, location);
    let slices = 1;
    let result = sliced.reconcile(0);
    while (result === "more") {
      expect(sliced.isReading()).toBe(true);
      slices++;
      result = sliced.reconcile(0);
    }
    expect(result).toBe(true);
    expect(sliced.isReading()).toBe(false);
    // A budget of nothing stops after every 25 rows.
    expect(slices).toBe(13);
    expect(sliced.keys()).toEqual(whole.keys());
    expect(sliced.keys()).toHaveLength(300);
    // Read again with nothing changed: the same keys, so nothing to ask the background.
    expect(sliced.reconcile()).toBe(false);
  });
});
