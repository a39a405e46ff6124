import search from "approx-string-match";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApproxSearcher, approxSearch } from "../../../extension/page/anchoring/myers";

// Small alphabets make near matches common; CJK and an astral character (a surrogate pair)
// check that both directions read UTF-16 code units alike.
const alphabet = fc.constantFrom("a", "b", "c", " ", "。", "任", "务", "😀");
const text = (max: number) => fc.array(alphabet, { maxLength: max }).map((chars) => chars.join(""));
const pattern = (max: number) => fc.array(alphabet, { minLength: 1, maxLength: max }).map((chars) => chars.join(""));

describe("Myers' approximate search", () => {
  it("finds what approx-string-match finds, patterns of one to three blocks", () => {
    fc.assert(
      fc.property(text(400), pattern(90), fc.nat(40), (haystack, needle, k) => {
        const maxErrors = Math.min(k, needle.length);
        const expected = search(haystack, needle, maxErrors);
        expect(approxSearch(haystack, needle, maxErrors)).toEqual(expected);
        expect(new ApproxSearcher(needle).fewestErrors(haystack, maxErrors)).toBe(expected[0]?.errors ?? null);
      }),
      { numRuns: 600 },
    );
  });

  it("searches a window in place as the reference searches its slice, one prepared pattern for many windows", () => {
    fc.assert(
      fc.property(text(300), pattern(40), fc.nat(12), fc.nat(300), fc.nat(300), (haystack, needle, k, a, b) => {
        const from = Math.min(a, b, haystack.length);
        const to = Math.min(Math.max(a, b), haystack.length);
        const searcher = new ApproxSearcher(needle);
        // Twice: a searcher's reused state must not leak from one window into the next.
        for (let round = 0; round < 2; round++) {
          const expected = search(haystack.slice(from, to), needle, k).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
          expect(searcher.search(haystack, from, to, k)).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("reports only the fewest edits, each match from its longest start", () => {
    expect(approxSearch("the quick brown fox", "quack", 2)).toEqual([{ start: 4, end: 9, errors: 1 }]);
    expect(approxSearch("abc", "", 1)).toEqual([]);
    expect(approxSearch("", "abc", 1)).toEqual([]);
  });
});
