// The in-page half of bench/anchoring.ts: bundled with esbuild and run in Chromium. It builds
// a page with about a megabyte of text, makes annotations on it with the real describe code,
// changes the page, anchors every annotation again with the real anchoring code and reports
// the time it took and the longest stretch the main thread was held.
import { anchor } from "../extension/page/anchoring/anchor";
import { describeRange } from "../extension/page/anchoring/describe";
import { highlight } from "../extension/page/anchoring/highlight";
import { similarity } from "../extension/page/anchoring/match-quote";
import { normalizeQuote, TextIndex } from "../extension/page/anchoring/text-index";
import { TimeSlicer } from "../extension/page/scheduler";
import type { AnnotationSelector } from "../shared/entities";

const vocabulary =
  "the payment provider region checkout request legal agreement data processing review release owner meeting design budget support engineering marketing sales operations quality risk mitigation contingency decision action item due date escalation department customer invoice endpoint latency timeout rollout plan status update finance contract clause signed approved blocked waiting".split(
    " ",
  );

let seed = 42;
/** mulberry32: small, seeded, and without the short cycles of a floating-point LCG. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(vocabulary));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(" ")}.`;
}

/** A long spec: sections of paragraphs, some words in inline elements, about `chars` characters of text. */
export function buildPage(chars: number): number {
  seed = 42;
  const parts: string[] = [];
  let length = 0;
  let section = 0;
  while (length < chars) {
    parts.push(`<section><h2>Section ${++section}</h2>`);
    for (let p = 0; p < 12 && length < chars; p++) {
      const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence);
      let html = sentences.join(" ");
      length += html.length;
      if (random() < 0.5) html = html.replace(/ (\w+) (\w+) /, " <strong>$1</strong> <em>$2</em> ");
      parts.push(`<p>${html}</p>`);
    }
    parts.push("</section>");
  }
  const main = document.createElement("main");
  main.innerHTML = parts.join("\n");
  document.body.replaceChildren(main);
  return TextIndex.build(document.body).text.length;
}

interface Made {
  id: string;
  selectors: AnnotationSelector[];
  words: string;
  /** The words on the page now (after `editQuotes`). */
  now: string;
}

let made: Made[] = [];

/** Annotations on `count` different paragraphs, each on 40 to 200 characters of it. */
export function annotate(count: number): number {
  const paragraphs = [...document.querySelectorAll("main p")];
  const index = TextIndex.build(document.body);
  made = [];
  const step = Math.floor(paragraphs.length / count);
  for (let i = 0; i < count; i++) {
    const paragraph = paragraphs[i * step];
    const start = index.offsetOf(paragraph, 0);
    const end = index.offsetOf(paragraph, paragraph.childNodes.length);
    const length = Math.min(end - start - 2, 40 + Math.floor(random() * 160));
    const from = start + Math.floor(random() * Math.max(1, end - start - length));
    const range = index.toRange(from, from + length);
    if (!range) throw new Error("no range");
    const selectors = describeRange(range, document.body, index);
    const quote = selectors.find((s) => s.type === "TextQuoteSelector");
    const words = quote && "exact" in quote ? quote.exact : "";
    made.push({ id: `a${i}`, selectors, words, now: words });
  }
  return made.length;
}

/** Moves every paragraph down the page and changes every element path: positions and ranges no longer hold. */
export function shiftPage(paragraphs = 40): void {
  const main = document.querySelector("main");
  const intro = document.createElement("section");
  intro.innerHTML = `<h2>Changes</h2>${Array.from({ length: paragraphs }, () => `<p>${sentence()} ${sentence()}</p>`).join("")}`;
  main?.prepend(intro);
}

/** Edits about `rate` of the characters of every annotated quote: substitutions, insertions and deletions. */
export function editQuotes(rate: number): number {
  const index = TextIndex.build(document.body);
  const byNode = new Map<Text, Array<{ start: number; end: number; annotation: Made; part: number }>>();
  const parts = new Map<Made, string[]>();
  let changed = 0;
  for (const annotation of made) {
    const at = index.text.indexOf(annotation.words);
    const segments = index.segments(at, at + annotation.words.length) ?? [];
    parts.set(annotation, []);
    segments.forEach(({ node, start, end }, part) => {
      byNode.set(node, [...(byNode.get(node) ?? []), { start, end, annotation, part }]);
    });
  }
  for (const [node, edits] of byNode) {
    // From the end of the node, so that earlier offsets still hold.
    for (const { start, end, annotation, part } of edits.sort((a, b) => b.start - a.start)) {
      const edited = edit(node.data.slice(start, end), rate, () => changed++);
      node.data = node.data.slice(0, start) + edited + node.data.slice(end);
      (parts.get(annotation) as string[])[part] = edited;
    }
  }
  for (const [annotation, edited] of parts) annotation.now = normalizeQuote(edited.join(""));
  return changed;
}

function edit(original: string, rate: number, count: () => void): string {
  let edited = "";
  for (const char of original) {
    const roll = random();
    if (roll < rate / 3) {
      edited += "x";
      count();
    } else if (roll < (2 * rate) / 3) {
      edited += `${char}q`;
      count();
    } else if (roll < rate) {
      count();
    } else edited += char;
  }
  return edited;
}

export interface Figures {
  annotations: number;
  found: number;
  /** Found on the words they were made on (as they read now): at least 90 % alike. */
  right: number;
  methods: Record<string, number>;
  indexMs: number;
  totalMs: number;
  longestSliceMs: number;
  pauses: number;
  slicesOver16Ms: number;
  highlightMs: number;
}

/** Anchors every annotation in time slices, as the content script does, then highlights them in one go. */
export async function anchorAll(options: { highlight?: boolean } = {}): Promise<Figures> {
  const slicer = new TimeSlicer();
  const started = performance.now();
  const index = await TextIndex.buildSliced(document.body, slicer);
  const indexMs = performance.now() - started;
  const methods: Record<string, number> = {};
  const targets: Array<{ annotationId: string; start: number; end: number }> = [];
  let right = 0;
  for (const annotation of made) {
    const found = await anchor(index, annotation.selectors, slicer);
    const method = found?.method ?? "orphan";
    methods[method] = (methods[method] ?? 0) + 1;
    if (found) targets.push({ annotationId: annotation.id, start: found.start, end: found.end });
    if (found && similarity(index.text.slice(found.start, found.end), annotation.now) >= 0.9) right++;
    if (slicer.due) await slicer.pause();
  }
  slicer.finish();
  const totalMs = performance.now() - started;
  let highlightMs = 0;
  if (options.highlight) {
    const before = performance.now();
    highlight(index, targets);
    highlightMs = performance.now() - before;
  }
  return {
    annotations: made.length,
    found: targets.length,
    right,
    methods,
    indexMs,
    totalMs,
    longestSliceMs: slicer.longest,
    pauses: slicer.pauses,
    slicesOver16Ms: slicer.overFrame,
    highlightMs,
  };
}

declare global {
  interface Window {
    anchoringBench: {
      buildPage: typeof buildPage;
      annotate: typeof annotate;
      shiftPage: typeof shiftPage;
      editQuotes: typeof editQuotes;
      anchorAll: typeof anchorAll;
    };
  }
}

window.anchoringBench = { buildPage, annotate, shiftPage, editQuotes, anchorAll };
