import { afterEach, describe, expect, it, vi } from "vitest";
import type { PageAnnotation } from "../../../extension/common/page-annotation";
import { describeRange } from "../../../extension/page/anchoring/describe";
import { matchQuote } from "../../../extension/page/anchoring/match-quote";
import { TextIndex } from "../../../extension/page/anchoring/text-index";
import { AnnotationLayer } from "../../../extension/page/annotations/annotation-layer";
import type { AnchoringStatus } from "../../../shared/vocabulary";
import { loadHtml, loadPage } from "../anchoring/load-fixture";

vi.mock("../../../extension/page/anchoring/match-quote", async (load) => {
  const actual = await load<typeof import("../../../extension/page/anchoring/match-quote")>();
  return { ...actual, matchQuote: vi.fn(actual.matchQuote) };
});

function annotationOf(id: string, words: string, body = ""): PageAnnotation {
  const index = TextIndex.build(document.body);
  const at = index.text.indexOf(words);
  const range = index.toRange(at, at + words.length);
  if (at < 0 || !range) throw new Error(`"${words}" is not on the page`);
  return {
    id,
    selectors: describeRange(range, document.body),
    quote: words,
    body,
    tags: [],
    visibility: "workspace",
    author: "Pat Lee",
    addressedTo: null,
    replies: 0,
    resolved: false,
  };
}

const highlighted = (id: string) =>
  [...document.querySelectorAll(`liaison-highlight[data-annotation-id="${id}"]`)].map((element) => element.textContent).join("");

let layer: AnnotationLayer | null = null;
afterEach(() => {
  layer?.destroy();
  layer = null;
  vi.useRealTimers();
});

function start(options: { canvas?: boolean } = {}) {
  const reports: Array<Record<string, AnchoringStatus>> = [];
  layer = new AnnotationLayer(document, {
    onStatus: (statuses) => reports.push(statuses),
    canvas: () => options.canvas ?? false,
    settleMs: 20,
    maxWaitMs: 100,
  });
  return { layer, reports };
}

describe("the annotations of a page", () => {
  it("highlights anchored annotations, reports orphans and page notes, and unhighlights removed ones", async () => {
    loadPage("base.html");
    const legal = annotationOf("a-legal-0001", "confirm the new data processing agreement");
    const owner = annotationOf("a-owner-0001", "Sam Wu from Engineering");
    const gone = { ...annotationOf("a-gone-00001", "Support posts a status page update"), quote: "x" };
    document.getElementById("step-3")?.remove();
    const page = { ...legal, id: "a-page-00001", selectors: [], quote: "" };
    const { layer, reports } = start();

    await layer.update([legal, owner, gone, page]);
    expect(highlighted("a-legal-0001")).toBe("confirm the new data processing agreement");
    expect(highlighted("a-owner-0001")).toBe("Sam Wu from Engineering");
    expect(document.querySelectorAll('liaison-highlight[data-annotation-id="a-owner-0001"]')).toHaveLength(3);
    expect(reports.at(-1)).toEqual({
      "a-legal-0001": "anchored",
      "a-owner-0001": "anchored",
      "a-gone-00001": "orphan",
      "a-page-00001": "page",
    });
    expect(document.querySelectorAll("style[data-liaison-highlights]")).toHaveLength(1);

    await layer.update([owner]);
    expect(document.querySelectorAll('liaison-highlight[data-annotation-id="a-legal-0001"]')).toHaveLength(0);
    expect(document.getElementById("p-legal")?.childNodes).toHaveLength(1);
    expect(reports.at(-1)).toEqual({ "a-owner-0001": "anchored" });
  });

  it("anchors content that appears later, and text the page re-rendered", async () => {
    loadHtml("<main id='app'><p>Loading…</p></main>");
    const later = "<p id='late'>Legal must confirm the new data processing agreement before we route EU payments.</p>";
    const app = document.getElementById("app") as HTMLElement;
    app.innerHTML = later;
    const legal = annotationOf("a-legal-0001", "confirm the new data processing agreement");
    app.innerHTML = "<p>Loading…</p>";
    const { layer, reports } = start();

    await layer.update([legal]);
    expect(reports.at(-1)).toEqual({ "a-legal-0001": "orphan" });

    // A single-page app renders the content a moment later.
    app.innerHTML = later;
    await vi.waitFor(() => expect(highlighted("a-legal-0001")).toBe("confirm the new data processing agreement"));
    expect(reports.at(-1)).toEqual({ "a-legal-0001": "anchored" });

    // It renders the paragraph again, without the highlight.
    app.innerHTML = later;
    await vi.waitFor(() => expect(highlighted("a-legal-0001")).toBe("confirm the new data processing agreement"));
  });

  it("does not search again for an orphan while the page's text stays the same", async () => {
    loadHtml("<p>Some text that stays.</p>");
    const orphan: PageAnnotation = {
      ...annotationOf("a-orphan-001", "Some text"),
      selectors: [{ type: "TextQuoteSelector", exact: "words that are not here", prefix: "", suffix: "" }],
    };
    const { layer } = start();
    vi.mocked(matchQuote).mockClear();
    await layer.update([orphan]);
    expect(matchQuote).toHaveBeenCalledTimes(1);
    // The page changes, but not its text.
    document.body.append(document.createElement("div"));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await layer.anchorPending();
    expect(matchQuote).toHaveBeenCalledTimes(1);
    // Now its text changes.
    document.body.append("More words.");
    await vi.waitFor(() => expect(matchQuote).toHaveBeenCalledTimes(2));
  });

  it("treats every annotation on a page drawn on a canvas as a page note", async () => {
    loadPage("base.html");
    const legal = annotationOf("a-legal-0001", "confirm the new data processing agreement");
    const { layer, reports } = start({ canvas: true });
    await layer.update([legal]);
    expect(document.querySelectorAll("liaison-highlight")).toHaveLength(0);
    expect(reports.at(-1)).toEqual({ "a-legal-0001": "page" });
  });
});
