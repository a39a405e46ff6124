// Measures the longest stretch the overlay holds the page's main thread, for the overlay benchmark.
let longest = 0;

/**
 * Keeps one `liaison:block` measure: the longest synchronous stretch the overlay has held the
 * page's main thread for (bench/overlay.ts reads it). One entry, so long sessions do not pile them up.
 */
export function recordBlock(started: number): void {
  const ended = performance.now();
  if (ended - started <= longest) return;
  longest = ended - started;
  performance.clearMeasures("liaison:block");
  performance.measure("liaison:block", { start: started, end: ended });
}
