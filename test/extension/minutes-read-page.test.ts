// The injected minutes reader: a reading gives each item its line, and the items imported get the quote capture would keep for the same words, read from the page's normalized text.
import { describe, expect, it } from "vitest";
import { quotesOfLastReading, readThisPage } from "../../extension/page/minutes/read-page";

describe("reading the page in view", () => {
  it("quotes each task's whole line with context either side, and answers the page's address", () => {
    document.title = "2026-12-01 Payments sync";
    document.body.innerHTML = `<h1>2026-12-01 Payments sync</h1><p>Before the list.</p>
      <ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox">
        <a class="user-mention" href="https://github.com/ana">@ana</a>   review   the terms by Dec 12</li></ul>
      <h2>Decisions</h2><ul><li>Ship the regional endpoint first</li></ul>`;
    const page = readThisPage("2026-12-05");
    expect(page.url).toBe(location.href);
    expect(page.date).toBe("2026-12-01");
    expect(page.items.map((item) => [item.kind, item.text, item.due])).toEqual([
      ["action", "review the terms", "2026-12-12"],
      ["decision", "Ship the regional endpoint first", null],
    ]);
    // The reading quotes the line alone; the context either side is read for what is imported.
    expect(page.items[0].quote).toEqual({ type: "TextQuoteSelector", exact: "@ana review the terms by Dec 12", prefix: "", suffix: "" });
    expect(quotesOfLastReading([1, 0])).toEqual([
      {
        type: "TextQuoteSelector",
        exact: "Ship the regional endpoint first",
        prefix: "@ana review the terms by Dec 12 Decisions ".slice(-32),
        // The list's end, read as a space.
        suffix: " ",
      },
      {
        type: "TextQuoteSelector",
        exact: "@ana review the terms by Dec 12",
        prefix: "2026-12-01 Payments sync Before the list. ".slice(-32),
        suffix: " Decisions Ship the regional endpoint first".slice(0, 32),
      },
    ]);
  });

  it("quotes nothing for an item gone from the page, nor for any once the page is at another address", () => {
    document.body.innerHTML = `<h2>Action items</h2><ul><li id="a">Action: book the room</li><li>Action: send the notes</li></ul>`;
    readThisPage("2026-12-05");
    document.getElementById("a")?.remove();
    const [gone, kept] = quotesOfLastReading([0, 1]);
    expect(gone).toBeNull();
    expect(kept?.exact).toBe("Action: send the notes");
    history.pushState(null, "", "/another-page");
    expect(quotesOfLastReading([1])).toEqual([null]);
  });
});
