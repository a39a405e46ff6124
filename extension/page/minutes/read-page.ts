// Reads the minutes of the page it is injected into, each item with the quote it keeps (as a capture does), for the side panel's import.
import type { MinutesPage } from "../../../shared/minutes/plan";
import { readMinutes } from "../../../shared/minutes/read";
import { describeRange, quoteOf } from "../anchoring/describe";
import { TextIndex } from "../anchoring/text-index";

declare global {
  interface Window {
    /** Set by the minutes part once injected: the background then asks it to read the page. */
    __liaisonMinutes?: (today: string) => MinutesPage;
  }
}

/** The page's minutes; nothing leaves the page but what this returns to Liaison's background. */
export function readThisPage(today: string, doc: Document = document): MinutesPage {
  const reading = readMinutes(doc, today);
  const root = doc.body ?? doc.documentElement;
  // One index of the page's text for every quote.
  const index = reading.items.length > 0 ? TextIndex.build(root) : null;
  const items = reading.items.map(({ element, ...item }) => {
    let quote = null;
    if (index && element.textContent?.trim()) {
      const range = doc.createRange();
      range.selectNodeContents(element);
      quote = quoteOf(describeRange(range, root, index));
    }
    return {
      ...item,
      line: item.line.slice(0, 4000),
      quote: quote ?? { type: "TextQuoteSelector" as const, exact: item.line.slice(0, 4000), prefix: "", suffix: "" },
    };
  });
  return { ...reading, url: doc.location?.href ?? "", items };
}
