import { afterEach, describe, expect, it } from "vitest";
import { ChipView } from "../../extension/page/overlay/chip";
import { summarize } from "../../shared/kinds/items";
import type { TargetSummary } from "../../shared/summary";

// The item chip, drawn as plain DOM in the overlay's shadow root.

const summary: TargetSummary = {
  ...summarize(new Map(), "github:acme/app#7", "2026-11-26"),
  accountable: [{ person: "Dana <b>Ortiz</b>", department: "Legal" }],
  responsible: [{ person: "Sam Wu", department: "Engineering" }],
  topRisk: { title: "DPA not signed", score: 20, level: "high" },
  decisions: 2,
  openActions: 3,
  attention: [],
};

let root: HTMLElement;
afterEach(() => root?.remove());

function chip(onOpen = () => {}) {
  root = document.createElement("div");
  document.body.append(root);
  return new ChipView(root, onOpen);
}

describe("the item chip", () => {
  it("shows who is accountable, R/C/I, the top risk, decisions and open actions, user text as text", () => {
    chip().draw(summary, false);
    const text = root.querySelector(".chip")?.textContent ?? "";
    expect(text).toContain("A: Dana <b>Ortiz</b> (Legal)");
    expect(root.querySelector("b")).toBeNull();
    expect(text).toContain("R 1 C 0 I 0");
    expect(root.querySelector(".risk.high")?.textContent).toBe("Risk 20");
    expect(text).toContain("2 decisions · 3 open actions");
    expect(root.querySelector(".chip")?.classList.contains("floating")).toBe(false);
  });

  it("says when no one is accountable, and floats when asked", () => {
    chip().draw(null, true);
    expect(root.querySelector(".none")?.textContent).toBe("No accountable");
    expect(root.querySelector(".chip")?.classList.contains("floating")).toBe(true);
  });

  it("opens the item on a click, and lists the people by role from the arrow until Escape", () => {
    let opened = 0;
    chip(() => opened++).draw(summary, false);
    root.querySelector<HTMLButtonElement>("button.open")?.click();
    expect(opened).toBe(1);
    root.querySelector<HTMLButtonElement>("button.more")?.click();
    expect(root.querySelector("button.more")?.getAttribute("aria-expanded")).toBe("true");
    const rows = [...root.querySelectorAll(".details div")].map((row) => row.textContent);
    expect(rows[0]).toBe("AccountableDana <b>Ortiz</b> (Legal)");
    expect(rows[1]).toBe("ResponsibleSam Wu (Engineering)");
    root.querySelector("button.more")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(root.querySelector(".details")).toBeNull();
    expect(root.querySelector("button.more")?.getAttribute("aria-expanded")).toBe("false");
  });

  it("keeps the focus where it was when a teammate's change redraws it, and redraws nothing when it reads the same", () => {
    const view = chip();
    view.draw(summary, false);
    const more = root.querySelector<HTMLButtonElement>("button.more");
    more?.focus();
    view.draw({ ...summary }, false);
    expect(root.querySelector("button.more")).toBe(more);
    expect(document.activeElement).toBe(more);
    view.draw({ ...summary, decisions: 3 }, false);
    expect(root.querySelector(".context")?.textContent).toBe("3 decisions · 3 open actions");
    expect(document.activeElement).toBe(root.querySelector("button.more"));
  });
});
