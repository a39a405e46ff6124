import { describe, expect, it } from "vitest";
import { describeQuote } from "../../extension/page/anchoring/text-quote";

describe("describing a selection as a TextQuoteSelector", () => {
  it("keeps the exact words and 32 characters of context either side, paragraph edges read as spaces", () => {
    document.body.innerHTML =
      "<p>Since the payment provider switch, checkout requests fail.</p><p id='t'>Legal must confirm the new agreement before we route EU payments.</p><p>Support has 14 tickets.</p>";
    const text = document.querySelector("#t")?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, "Legal must confirm the new agreement".length);
    const selector = describeQuote(range, document.body);
    expect(selector).toEqual({
      type: "TextQuoteSelector",
      exact: "Legal must confirm the new agreement",
      prefix: "switch, checkout requests fail. ",
      suffix: " before we route EU payments. Su",
    });
  });

  it("describes nothing for a blank selection", () => {
    document.body.innerHTML = "<p>   </p>";
    const range = document.createRange();
    range.selectNodeContents(document.querySelector("p") as Node);
    expect(describeQuote(range, document.body)).toBeNull();
  });
});
