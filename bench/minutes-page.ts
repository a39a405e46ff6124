// The page side of the minutes benchmark: reads the page's minutes as the injected reader does (items and their quotes), timed.
import { readThisPage } from "../extension/page/minutes/read-page";

declare global {
  interface Window {
    minutesBench: { read(today: string): { ms: number; items: number; actions: number; decisions: number } };
  }
}

window.minutesBench = {
  read(today) {
    const start = performance.now();
    const page = readThisPage(today);
    const ms = performance.now() - start;
    return {
      ms,
      items: page.items.length,
      actions: page.items.filter((item) => item.kind === "action").length,
      decisions: page.items.filter((item) => item.kind === "decision").length,
    };
  },
};
