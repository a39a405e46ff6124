import { beforeAll, describe, expect, it } from "vitest";
import { anchor } from "../../../extension/page/anchoring/anchor";
import { describeRange } from "../../../extension/page/anchoring/describe";
import { highlight, removeHighlights } from "../../../extension/page/anchoring/highlight";
import { normalizeQuote, TextIndex } from "../../../extension/page/anchoring/text-index";
import type { AnnotationSelector } from "../../../shared/entities";
import { annotationSelector } from "../../../shared/entities";
import { loadPage } from "./load-fixture";

/** Annotations made on base.html: the words, and the element whose text they start in. */
const made = [
  { id: "a-switch", in: "p-switch", words: "take over 30 seconds" },
  { id: "a-legal", in: "p-legal", words: "confirm the new data processing agreement" },
  { id: "a-step2", in: "step-2", words: "staging card numbers" },
  { id: "a-owner", in: "p-owner", words: "Sam Wu from Engineering" },
  { id: "a-risk", in: "risk-2", words: "Invoices show the old provider name" },
  { id: "a-twice-1", in: "note-1", words: "Review this section with finance before Friday." },
  { id: "a-twice-3", in: "note-3", words: "Review this section with finance before Friday." },
  { id: "a-across", in: "p-switch", words: "then fail. Legal must confirm" },
] as const;

type Id = (typeof made)[number]["id"];
/** What each annotation must wrap on a changed page, and in which element it starts; null: an orphan. */
type Expected = Record<Id, { words: string; in: string } | null>;

const same = Object.fromEntries(made.map((a) => [a.id, { words: a.words, in: a.in }])) as Expected;

const variants: Array<[string, Expected]> = [
  ["base.html", same],
  ["insertions.html", same],
  ["deletions.html", same],
  ["whitespace.html", same],
  // The two paragraphs one annotation spans now come in the other order: its words are no longer there together.
  ["reordered.html", { ...same, "a-across": null }],
  [
    "edited-inside.html",
    {
      ...same,
      "a-switch": { words: "take over 40 seconds", in: "p-switch" },
      "a-legal": { words: "confirm the new data-processing agreement", in: "p-legal" },
      "a-step2": { words: "staging card number", in: "step-2" },
      "a-owner": { words: "Sam Wu of Engineering", in: "p-owner" },
      "a-risk": { words: "Invoices still show the old provider name", in: "risk-2" },
    },
  ],
  ["removed.html", { ...same, "a-legal": null, "a-risk": null, "a-across": null }],
];

function rangeOfWords(elementId: string, words: string): Range {
  const index = TextIndex.build(document.body);
  const element = document.getElementById(elementId);
  if (!element) throw new Error(`no #${elementId}`);
  const from = index.text.indexOf(words, index.offsetOf(element, 0));
  if (from < 0) throw new Error(`"${words}" not in #${elementId}`);
  const range = index.toRange(from, from + words.length);
  if (!range) throw new Error("no range");
  return range;
}

const startsIn = (index: TextIndex, offset: number) => {
  const point = index.pointAt(offset, "start");
  return (point?.node.parentElement?.closest("[id]") as HTMLElement | null)?.id;
};

const described = new Map<Id, AnnotationSelector[]>();

beforeAll(() => {
  loadPage("base.html");
  for (const annotation of made) {
    const selectors = describeRange(rangeOfWords(annotation.in, annotation.words), document.body);
    expect(annotationSelector.array().safeParse(selectors).success).toBe(true);
    described.set(annotation.id, selectors);
  }
});

describe("anchoring over a corpus of edited pages", () => {
  it.each(variants)("finds each annotation in %s", async (file, expected) => {
    loadPage(file);
    const index = TextIndex.build(document.body);
    for (const annotation of made) {
      const found = await anchor(index, described.get(annotation.id) ?? []);
      const want = expected[annotation.id];
      if (!want) {
        expect(found, `${annotation.id} must be an orphan in ${file}`).toBeNull();
        continue;
      }
      expect(found, `${annotation.id} in ${file}`).not.toBeNull();
      if (!found) continue;
      expect(index.text.slice(found.start, found.end), `${annotation.id} in ${file}`).toBe(want.words);
      expect(startsIn(index, found.start), `${annotation.id} in ${file}`).toBe(want.in);
    }
  });

  it("anchors an unchanged page by its range selectors, a shifted one by position or quote", async () => {
    loadPage("base.html");
    const methods = new Set<string>();
    for (const annotation of made)
      methods.add((await anchor(TextIndex.build(document.body), described.get(annotation.id) ?? []))?.method ?? "none");
    expect([...methods]).toEqual(["range"]);

    loadPage("insertions.html");
    const index = TextIndex.build(document.body);
    const legal = await anchor(index, described.get("a-legal") ?? []);
    expect(legal?.method).toBe("quote");
    loadPage("edited-inside.html");
    expect((await anchor(TextIndex.build(document.body), described.get("a-legal") ?? []))?.method).toBe("fuzzy");
  });

  it.each(variants)("highlights exactly the anchored words in %s and removes the highlights without a trace", async (file, expected) => {
    loadPage(file);
    const before = document.body.innerHTML;
    const index = TextIndex.build(document.body);
    const targets = [];
    for (const annotation of made) {
      const found = await anchor(index, described.get(annotation.id) ?? []);
      if (found) targets.push({ annotationId: annotation.id, start: found.start, end: found.end });
    }
    const highlights = highlight(index, targets);
    for (const annotation of made) {
      const want = expected[annotation.id];
      const elements = [...document.querySelectorAll(`liaison-highlight[data-annotation-id="${annotation.id}"]`)];
      if (!want) {
        expect(elements).toHaveLength(0);
        continue;
      }
      expect(elements).toEqual(highlights.get(annotation.id));
      const wrapped = elements.map((element) => element.textContent).join(" ");
      expect(normalizeQuote(wrapped).replace(/ ([.;])/g, "$1")).toBe(want.words);
    }
    // Highlights read as the page's own text.
    expect(TextIndex.build(document.body).text).toBe(index.text);
    removeHighlights(document.querySelectorAll("liaison-highlight"));
    expect(document.querySelectorAll("liaison-highlight")).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });
});
