/**
 * Approximate string search: every place where a pattern occurs in a text with at most k
 * edits (insertions, deletions, substitutions), by Myers' bit-parallel algorithm in blocks of
 * 32 pattern characters (Myers 1999; Hyyrö's block formulation), reporting, like the
 * well-known `approx-string-match`, only the matches with the fewest edits.
 *
 * Made for searching one quote through a long page window by window: the pattern's tables are
 * built once per quote rather than once per window, the text is read in place (no slices, no
 * reversed copies), and the working arrays are reused, so that a window allocates almost
 * nothing and the collector seldom pauses the page.
 */

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const w = 32;

/** One direction of one pattern: its per-character bit masks and the column state of a scan. */
class Scanner {
  private readonly blocks: number;
  private readonly lastRowMask: Uint32Array;
  /** Masks of characters under 256, by code; others in `wide`. */
  private readonly ascii: Uint32Array[];
  private readonly wide = new Map<number, Uint32Array>();
  private readonly none: Uint32Array;
  private readonly P: Uint32Array;
  private readonly M: Uint32Array;
  private readonly score: Uint32Array;

  constructor(private readonly pattern: string) {
    const bMax = Math.ceil(pattern.length / w) - 1;
    this.blocks = bMax + 1;
    this.lastRowMask = new Uint32Array(this.blocks).fill(1 << 31);
    this.lastRowMask[bMax] = 1 << ((pattern.length - 1) % w);
    this.none = new Uint32Array(this.blocks);
    this.ascii = new Array<Uint32Array>(256).fill(this.none);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let mask = code < 256 ? this.ascii[code] : this.wide.get(code);
      if (!mask || mask === this.none) {
        mask = new Uint32Array(this.blocks);
        if (code < 256) this.ascii[code] = mask;
        else this.wide.set(code, mask);
      }
      mask[(i / w) | 0] |= 1 << (i % w);
    }
    this.P = new Uint32Array(this.blocks);
    this.M = new Uint32Array(this.blocks);
    this.score = new Uint32Array(this.blocks);
  }

  /**
   * Scans `count` characters of `text` from `first`, one `step` (1 or -1) at a time, and
   * returns the ends (as the number of characters read) of the matches with the fewest
   * errors, at most `maxErrors`, with that count.
   */
  scan(text: string, first: number, step: 1 | -1, count: number, maxErrors: number): { ends: number[]; errors: number } {
    const { P, M, score, lastRowMask, ascii, wide, none } = this;
    const length = this.pattern.length;
    const bMax = this.blocks - 1;
    let k = Math.min(maxErrors, length);
    const ends: number[] = [];
    let errors = -1;
    let y = Math.max(0, Math.ceil(k / w) - 1);
    for (let b = 0; b <= y; b++) score[b] = (b + 1) * w;
    score[bMax] = length;
    for (let b = 0; b <= y; b++) {
      P[b] = ~0;
      M[b] = 0;
    }
    for (let j = 0, at = first; j < count; j++, at += step) {
      const code = text.charCodeAt(at);
      const peq = code < 256 ? ascii[code] : (wide.get(code) ?? none);
      let carry = 0;
      for (let b = 0; b <= y; b++) {
        carry = advance(P, M, lastRowMask, peq, b, carry);
        score[b] += carry;
      }
      if (score[y] - carry <= k && y < bMax && (peq[y + 1] & 1 || carry < 0)) {
        // The band of active blocks grows by one.
        y++;
        P[y] = ~0;
        M[y] = 0;
        const blockScore = y === bMax ? length % w || w : w;
        score[y] = score[y - 1] + blockScore - carry + advance(P, M, lastRowMask, peq, y, carry);
      } else {
        while (y > 0 && score[y] >= k + w) y--;
      }
      if (y === bMax && score[y] <= k) {
        if (score[y] < k || errors === -1) ends.length = 0;
        ends.push(j + 1);
        errors = score[y];
        // Only the fewest errors are reported: later matches must do at least as well.
        k = score[y];
      }
    }
    return { ends, errors };
  }
}

/**
 * One step of one block for one text character: updates the block's vertical deltas and
 * returns the change of the score at its last row (-1, 0 or 1). A function of arrays rather
 * than a method, so that the compiler inlines it into the scan.
 */
function advance(P: Uint32Array, M: Uint32Array, lastRowMask: Uint32Array, peq: Uint32Array, b: number, hIn: number): number {
  const pV = P[b];
  const mV = M[b];
  const hInNegative = hIn >>> 31;
  const eq = peq[b] | hInNegative;
  const xV = eq | mV;
  const xH = (((eq & pV) + pV) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const last = lastRowMask[b];
  const hOut = ((pH & last) !== 0 ? 1 : 0) - ((mH & last) !== 0 ? 1 : 0);
  pH <<= 1;
  mH <<= 1;
  mH |= hInNegative;
  pH |= (hIn !== 0 ? 1 : 0) - hInNegative;
  P[b] = mH | ~(xV | pH);
  M[b] = pH & xV;
  return hOut;
}

/** A pattern prepared for searching many windows of text. */
export class ApproxSearcher {
  private readonly forward: Scanner | null;
  /** The reversed pattern, made on the first search that needs where a match starts. */
  private backward: Scanner | null = null;

  constructor(readonly pattern: string) {
    this.forward = pattern ? new Scanner(pattern) : null;
  }

  /**
   * The matches in text[from, to) with the fewest errors (at most `maxErrors`), each from its
   * earliest start (the longest match) to its end.
   */
  search(text: string, from: number, to: number, maxErrors: number): ApproxMatch[] {
    if (!this.forward || to <= from) return [];
    const { ends, errors } = this.forward.scan(text, from, 1, to - from, maxErrors);
    if (ends.length === 0) return [];
    // Reversed by UTF-16 code units, as the text is read backwards.
    this.backward ??= new Scanner(this.pattern.split("").reverse().join(""));
    const matches: ApproxMatch[] = [];
    for (const read of ends) {
      const end = from + read;
      // The start: the same search run backwards from the end, over at most the pattern's length plus its errors.
      const lowest = Math.max(from, end - this.pattern.length - errors);
      const back = this.backward.scan(text, end - 1, -1, end - lowest, errors);
      const longest = back.ends.length ? back.ends[back.ends.length - 1] : 0;
      matches.push({ start: end - longest, end, errors });
    }
    return matches;
  }

  /** The fewest errors of any match in all of `text` (at most `maxErrors`), or null: where it is does not matter. */
  fewestErrors(text: string, maxErrors: number): number | null {
    if (!this.forward || !text) return null;
    const { errors } = this.forward.scan(text, 0, 1, text.length, maxErrors);
    return errors === -1 ? null : errors;
  }
}

/** The fewest-error matches of `pattern` in all of `text`. */
export function approxSearch(text: string, pattern: string, maxErrors: number): ApproxMatch[] {
  return new ApproxSearcher(pattern).search(text, 0, text.length, maxErrors);
}
