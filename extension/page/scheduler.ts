/**
 * Long anchoring work (a fuzzy search through a megabyte of text) runs in slices, giving the
 * page back its main thread between them so that typing and scrolling never wait on Liaison.
 */

interface PrioritizedScheduler {
  yield?: () => Promise<void>;
}

/**
 * Lets the page run, then continues. `scheduler.yield()` (Chrome 129+) resumes ahead of other
 * queued work; elsewhere a MessageChannel message, which, unlike `setTimeout(0)`, is neither
 * clamped to 4 ms after a few nestings nor throttled to once a second in background tabs.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PrioritizedScheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Continues just after the page's next frame, when the browser has laid the page out: reading
 * layout then costs nothing, where earlier it could make Liaison's task lay out a page that had
 * not been laid out yet. A hidden tab draws no frames, so there it only yields.
 */
export function afterNextFrame(doc: Document = document): Promise<void> {
  const window = doc.defaultView;
  if (!window || doc.visibilityState === "hidden") return yieldToPage();
  return new Promise((resolve) => window.requestAnimationFrame(() => void yieldToPage().then(resolve)));
}

/**
 * Keeps each slice of work under a time budget. Work checks `due` between small units (one
 * annotation, one window of a fuzzy search) and awaits `pause()` when it says so; the budget
 * leaves room for the unit in progress, so that no slice reaches 16 ms.
 */
export class TimeSlicer {
  /** The longest slice so far, in milliseconds. */
  longest = 0;
  /** How many times the work gave the page its thread back. */
  pauses = 0;
  /** Slices longer than a frame (16 ms): none, when the units of work are small enough. */
  overFrame = 0;
  private started: number;

  constructor(
    readonly budgetMs = 4,
    private readonly yieldFn: () => Promise<void> = yieldToPage,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  get due(): boolean {
    return this.now() - this.started >= this.budgetMs;
  }

  async pause(): Promise<void> {
    this.record();
    this.pauses++;
    await this.yieldFn();
    this.started = this.now();
  }

  /** Ends the current slice (for the figures). */
  finish(): void {
    this.record();
    this.started = this.now();
  }

  private record() {
    const slice = this.now() - this.started;
    this.longest = Math.max(this.longest, slice);
    if (slice > 16) this.overFrame++;
  }
}

/** A slicer that never pauses: for callers that anchor one short selection and want the answer now. */
export const noPause = new TimeSlicer(Number.POSITIVE_INFINITY);
