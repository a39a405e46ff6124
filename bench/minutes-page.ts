// The page side of the minutes benchmark: reads the page's minutes as the injected reader does (the checklist), then the quotes of every item as importing them all reads them, each timed.
import { quotesOfLastReading, readThisPage } from "../extension/page/minutes/read-page";

declare global {
  interface Window {
    minutesBench: {
      read(today: string): { ms: number; items: number; actions: number; decisions: number };
      quotes(): { ms: number; quoted: number };
    };
  }
}

let count = 0;

window.minutesBench = {
  read(today) {
    const start = performance.now();
    const page = readThisPage(today);
    const ms = performance.now() - start;
    count = page.items.length;
    return {
      ms,
      items: page.items.length,
      actions: page.items.filter((item) => item.kind === "action").length,
      decisions: page.items.filter((item) => item.kind === "decision").length,
    };
  },
  quotes() {
    const indexes = Array.from({ length: count }, (_, i) => i);
    const start = performance.now();
    const quotes = quotesOfLastReading(indexes);
    return { ms: performance.now() - start, quoted: quotes.filter((quote) => quote?.prefix).length };
  },
};
