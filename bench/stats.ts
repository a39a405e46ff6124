// Figures the benchmarks print, computed one way for all of them.

/**
 * The value at the p-th percentile of the samples: the sample at index floor(p% of n) once
 * sorted. Of the usual definitions this one never reports less than nearest rank does.
 */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The middle sample (for an odd count; the upper middle one otherwise). */
export const median = (samples: number[]) => percentile(samples, 50);
