import { describe, expect, it } from "vitest";
import { matchQuote, similarity } from "../../../extension/page/anchoring/match-quote";
import { TimeSlicer } from "../../../extension/page/scheduler";

const filler = (n: number, seed = 1) => {
  const words = ["payment", "provider", "region", "invoice", "release", "owner", "meeting", "design", "budget", "support"];
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 48271) + 1) >>> 0;
    out.push(words[(x >>> 16) % words.length]);
  }
  return out.join(" ");
};

describe("finding a quote in a page's text", () => {
  it("picks, among several exact copies, the one whose prefix and suffix match", async () => {
    const text = "Notes. Review this with finance. Sales asked for a template. Review this with finance. Last edited by Pat.";
    const second = text.lastIndexOf("Review");
    const found = await matchQuote(text, "Review this with finance.", { prefix: "asked for a template. ", suffix: " Last edited" });
    expect(found?.start).toBe(second);
    const first = await matchQuote(text, "Review this with finance.", { prefix: "Notes. ", suffix: " Sales asked" });
    expect(first?.start).toBe(text.indexOf("Review"));
  });

  it("breaks a tie on context by the expected position", async () => {
    const text = `a ${"x ".repeat(50)}same words here ${"y ".repeat(50)}same words here ${"z ".repeat(50)}`;
    const last = text.lastIndexOf("same words here");
    expect((await matchQuote(text, "same words here", { hints: [last - 3] }))?.start).toBe(last);
    expect((await matchQuote(text, "same words here", { hints: [0] }))?.start).toBe(text.indexOf("same words here"));
  });

  it("finds a quote with small edits inside, and not one that is gone", async () => {
    const text = `${filler(300)} Legal must confirm the new data-processing agreement before we route EU payments. ${filler(300, 7)}`;
    const quote = "confirm the new data processing agreement";
    const found = await matchQuote(text, quote, { prefix: "Legal must ", suffix: " before we route" });
    expect(found && text.slice(found.start, found.end)).toBe("confirm the new data-processing agreement");
    expect(found?.errors).toBe(1);

    const without = `${filler(300)} The provider contract was signed. ${filler(300, 7)}`;
    expect(await matchQuote(without, quote, { prefix: "Legal must ", suffix: " before we route" })).toBeNull();
  });

  it("needs the context to agree before it accepts a quote with many edits", async () => {
    const edited = "Invoices still show the old provider name";
    const text = `${filler(200)} Risk Owner ${edited} Lee Chen ${filler(200, 3)}`;
    const quote = "Invoices show the old provider name";
    expect(await matchQuote(text, quote, { prefix: "Risk Owner ", suffix: " Lee Chen" })).not.toBeNull();
    expect(await matchQuote(text, quote, { prefix: "something else entirely ", suffix: " and more of it" })).toBeNull();
  });

  it("finds short quotes only exactly", async () => {
    expect(await matchQuote("the cat sat", "cap")).toBeNull();
    expect((await matchQuote("the cat sat", "cat"))?.start).toBe(4);
  });

  it("searches a long text in slices, pausing between them", async () => {
    let clock = 0;
    const pauses: number[] = [];
    // Every reading of the clock is 3 ms later, as if each window of the search took that long.
    const slicer = new TimeSlicer(
      8,
      async () => {
        pauses.push(clock);
      },
      () => (clock += 3),
    );
    const text = filler(100_000);
    const found = await matchQuote(text, "an approximate phrase that is not in the text", {}, slicer);
    expect(found).toBeNull();
    expect(pauses.length).toBeGreaterThan(3);
    expect(slicer.longest).toBeLessThanOrEqual(12);
  });

  it("scores how closely one string appears in another", () => {
    expect(similarity("before we route", "before we route")).toBe(1);
    expect(similarity("before we rout", "before we route")).toBeCloseTo(1 - 1 / 15);
    expect(similarity("", "abc")).toBe(0);
    expect(similarity("anything", "")).toBe(1);
  });
});
