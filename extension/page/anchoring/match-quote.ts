// Finds an annotation's quote in the page's text, exactly or approximately, scored by the words around it and where it was expected.
import { noPause, type TimeSlicer } from "../scheduler";
import { type ApproxMatch, ApproxSearcher } from "./myers";

export interface QuoteContext {
  /** The text expected just before the quote. */
  prefix?: string;
  /** The text expected just after it. */
  suffix?: string;
  /** Offsets where the quote is expected (from the position and range selectors), most trusted first. */
  hints?: number[];
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the text found (insertions, deletions, substitutions). */
  errors: number;
  /** 0 to 1: how well the words, the context either side and the place agree. */
  score: number;
}

// Scoring as in the well-known annotation tools: the words count most, the context decides
// between equal candidates, the expected place breaks the remaining ties.
const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const totalWeight = weights.quote + weights.prefix + weights.suffix + weights.position;

/** A quote with more edits than this (a quarter of its characters) is not found: it is an orphan. */
const maxErrorRate = 0.25;
/** Up to this many edits the words alone are trusted; beyond it the context either side must agree too. */
const trustedErrorRate = 0.1;
const minContextScore = 0.6;
/** Near the expected place, a match this good ends the search without reading the whole page. */
const nearbyErrorRate = 0.2;
const nearbyContextScore = 0.8;
/** Shorter quotes are found exactly or not at all: a few letters with an edit match anything. */
const minFuzzyLength = 6;
/** How far around an expected place the first, local searches look. */
const nearbyExact = 32_768;
const nearbySlack = 12_288;

/**
 * Finds a quote in a text: every exact occurrence first, the best by its context and place;
 * otherwise an approximate search (Myers' bit-parallel algorithm, ./myers.ts),
 * first around the expected places, then through the whole text in windows, pausing through
 * `slicer` between windows so that a long page never freezes.
 */
export async function matchQuote(text: string, quote: string, context: QuoteContext = {}, slicer: TimeSlicer = noPause) {
  if (!quote) return null;
  const scorer = new MatchScorer(text, quote, context);

  // A copy near the expected place with its context intact is the answer: the words, prefix
  // and suffix cannot score higher, and any copy farther away scores lower on position. So
  // 200 annotations on a long page need not each read all of it.
  for (const hint of context.hints ?? []) {
    const from = Math.max(0, hint - nearbyExact);
    const window = text.slice(from, hint + nearbyExact + quote.length);
    let nearby: ScoredMatch | null = null;
    for (let at = window.indexOf(quote); at !== -1; at = window.indexOf(quote, at + 1)) {
      const candidate = scorer.score({ start: from + at, end: from + at + quote.length, errors: 0 });
      if (!nearby || candidate.score > nearby.score) nearby = candidate;
    }
    if (nearby && nearby.contextScore === 1) return toMatch(nearby);
  }

  // Each of the steps below reads the whole text: each starts a slice of its own when one is due.
  if (slicer.due) await slicer.pause();
  let best: ScoredMatch | null = null;
  let seen = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const candidate = scorer.score({ start: at, end: at + quote.length, errors: 0 });
    if (!best || candidate.score > best.score) best = candidate;
    if (++seen % 64 === 0 && slicer.due) await slicer.pause();
  }
  if (best) return toMatch(best);
  if (quote.length < minFuzzyLength) return null;

  if (slicer.due) await slicer.pause();
  const maxErrors = Math.min(256, Math.floor(quote.length * maxErrorRate));
  const searcher = new ApproxSearcher(quote);
  for (const hint of context.hints ?? []) {
    const from = Math.max(0, hint - quote.length - nearbySlack);
    const to = Math.min(text.length, hint + 2 * quote.length + nearbySlack);
    const nearby = scorer.best(await searchSpan(text, from, to, searcher, maxErrors, slicer));
    if (nearby && nearby.errors <= quote.length * nearbyErrorRate && nearby.contextScore >= nearbyContextScore) return toMatch(nearby);
  }

  const candidates = await searchSpan(text, 0, text.length, searcher, maxErrors, slicer);
  candidates.sort((a, b) => a.errors - b.errors);
  for (const candidate of candidates.slice(0, 100)) {
    const scored = scorer.score(candidate);
    if (!best || scored.score > best.score) best = scored;
    if (slicer.due) await slicer.pause();
  }
  return best && acceptable(best, quote.length) ? toMatch(best) : null;
}

type SearchMatch = ApproxMatch;

interface ScoredMatch extends SearchMatch {
  score: number;
  contextScore: number;
}

function acceptable(match: ScoredMatch, quoteLength: number): boolean {
  return match.errors <= quoteLength * trustedErrorRate || match.contextScore >= minContextScore;
}

const toMatch = ({ start, end, errors, score }: ScoredMatch): QuoteMatch => ({ start, end, errors, score });

/** How long one approximate-search call should take: several fit in a slice. */
const windowMs = 2;
/**
 * Characters the approximate search reads per millisecond, per 32 allowed errors (its cost
 * grows with them), as measured on the last calls. It starts low: the first calls on a page
 * run before the JIT has compiled the search and take tens of times longer than later ones
 * (Chromium, 2026-11); a window sized for compiled code would then run past a frame.
 */
let searchRate = 300;

/**
 * Text per approximate-search call: what the last calls managed in `windowMs`, between 256
 * and 8,192 characters, so that a call the JIT happens to run slowly again (after a
 * deoptimization) still ends within a frame. Small windows cost little: the quote's tables are
 * built once, not per window.
 */
function windowLength(blocks: number): number {
  return Math.min(8192, Math.max(256, Math.floor((searchRate * windowMs) / blocks)));
}

/** Approximate matches in text[from, to), window by window (overlapping by a quote's length), pausing between windows when due. */
async function searchSpan(
  text: string,
  from: number,
  to: number,
  searcher: ApproxSearcher,
  maxErrors: number,
  slicer: TimeSlicer,
): Promise<SearchMatch[]> {
  const overlap = searcher.pattern.length + maxErrors;
  const blocks = Math.ceil((maxErrors + 1) / 32);
  const found: SearchMatch[] = [];
  for (let start = from; start < to; ) {
    const window = windowLength(blocks);
    const end = Math.min(to, start + window + overlap);
    const began = performance.now();
    for (const match of searchWindow(text, start, end, searcher, maxErrors)) found.push(match);
    const took = performance.now() - began;
    // Slower at once, faster only step by step: an easy stretch of text must not size a window
    // for a hard one. A call too quick for the clock to time counts as fast.
    const measured = took > 0 ? ((end - start) * blocks) / took : Number.POSITIVE_INFINITY;
    searchRate = Math.max(100, Math.min(measured, searchRate * 1.25));
    if (slicer.due) await slicer.pause();
    if (end === to) break;
    start += window;
  }
  return found;
}

function searchWindow(text: string, from: number, to: number, searcher: ApproxSearcher, maxErrors: number): SearchMatch[] {
  if (to - from < searcher.pattern.length - maxErrors) return [];
  return searcher.search(text, from, to, maxErrors);
}

class MatchScorer {
  private readonly prefix: string;
  private readonly suffix: string;
  private readonly hint: number | undefined;
  /** Every candidate's context is compared with the same prefix and suffix: their tables are built once. */
  private readonly prefixSearcher: ApproxSearcher;
  private readonly suffixSearcher: ApproxSearcher;

  constructor(
    private readonly text: string,
    private readonly quote: string,
    context: QuoteContext,
  ) {
    this.prefix = context.prefix ?? "";
    this.suffix = context.suffix ?? "";
    this.hint = context.hints?.[0];
    this.prefixSearcher = new ApproxSearcher(this.prefix);
    this.suffixSearcher = new ApproxSearcher(this.suffix);
  }

  score(match: SearchMatch): ScoredMatch {
    const quoteScore = 1 - match.errors / this.quote.length;
    const prefixScore = this.prefix
      ? closeness(this.text.slice(Math.max(0, match.start - this.prefix.length), match.start), this.prefixSearcher)
      : 1;
    const suffixScore = this.suffix ? closeness(this.text.slice(match.end, match.end + this.suffix.length), this.suffixSearcher) : 1;
    const positionScore = this.hint === undefined ? 1 : 1 - Math.abs(match.start - this.hint) / Math.max(1, this.text.length);
    const score =
      (weights.quote * quoteScore + weights.prefix * prefixScore + weights.suffix * suffixScore + weights.position * positionScore) /
      totalWeight;
    return { ...match, score, contextScore: (prefixScore + suffixScore) / 2 };
  }

  best(matches: SearchMatch[]): ScoredMatch | null {
    let best: ScoredMatch | null = null;
    for (const match of matches) {
      const scored = this.score(match);
      if (!best || scored.score > best.score) best = scored;
    }
    return best;
  }
}

/** 0 to 1: how closely `expected` appears in `actual` (1 when it is there as it is). */
export function similarity(actual: string, expected: string): number {
  return closeness(actual, new ApproxSearcher(expected));
}

/** `similarity` with the expected text's search tables already built. */
function closeness(actual: string, expected: ApproxSearcher): number {
  const { pattern } = expected;
  if (!pattern) return 1;
  if (actual === pattern) return 1;
  if (!actual) return 0;
  const errors = expected.fewestErrors(actual, pattern.length);
  return errors === null ? 0 : 1 - errors / pattern.length;
}
