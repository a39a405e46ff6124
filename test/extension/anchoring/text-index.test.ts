import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchor } from "../../../extension/page/anchoring/anchor";
import { describeRange } from "../../../extension/page/anchoring/describe";
import { normalizeText, TextIndex } from "../../../extension/page/anchoring/text-index";
import { loadHtml } from "./load-fixture";

describe("the text of a page as the index reads it", () => {
  it("collapses whitespace, drops invisible characters and reads block edges as spaces", () => {
    loadHtml(
      "<h1>Title</h1><p>One\n   two&nbsp;&nbsp;three</p><p>four<b>five</b> six</p><ul><li>seven</li><li>ei&shy;ght&#8203;</li></ul>nine<br>ten",
    );
    expect(TextIndex.build(document.body).text).toBe("Title One two three fourfive six seven eight nine ten");
  });

  it("does not read scripts, styles, form fields or Liaison's own UI, but reads highlighted text", () => {
    loadHtml(
      "<p>kept</p><script>var hidden = 1;</script><style>p{}</style><textarea>typed</textarea><liaison-chip>chip</liaison-chip><p>also <liaison-highlight data-annotation-id='x'>kept</liaison-highlight></p>",
    );
    expect(TextIndex.build(document.body).text.trimEnd()).toBe("kept also kept");
  });

  it("maps offsets to DOM points and back, never landing in the space between two blocks", () => {
    loadHtml("<p id='a'>Hello   world</p>\n\n<p id='b'>Second <em>line</em></p>");
    const index = TextIndex.build(document.body);
    expect(index.text).toBe("Hello world Second line ");
    const end = index.pointAt("Hello world".length, "end");
    expect(end?.node.parentElement?.id).toBe("a");
    expect(end?.offset).toBe("Hello   world".length);
    const start = index.pointAt("Hello world ".length, "start");
    expect(start?.node.parentElement?.id).toBe("b");
    expect(start?.offset).toBe(0);
    // "world" starts after the collapsed run of spaces.
    expect(index.pointAt(6, "start")?.offset).toBe(8);
    expect(index.offsetOf(document.getElementById("b") as Node, 1)).toBe("Hello world Second ".length);
    expect(index.offsetOf(document.body, document.body.childNodes.length)).toBe(index.text.length);
  });

  it("reads an element's own text as a range over its contents does, without the block edges around it", () => {
    loadHtml(
      "<ul><li id='a'>  <span>@Ana</span> ship <a href='#'>PAY-1</a>\n by <time>Friday</time>  </li><li id='b'><script>x</script>only <b>this</b></li><li id='c'><script>x</script></li></ul><p id='d'>last <ul><li>nested</li></ul> words</p>",
    );
    const index = TextIndex.build(document.body);
    for (const id of ["a", "b", "d"]) {
      const element = document.getElementById(id) as Element;
      const range = document.createRange();
      range.selectNodeContents(element);
      const viaRange = index.offsetsOf(range);
      const within = index.offsetsWithin(element);
      expect(within).not.toBeNull();
      const slice = ({ start, end }: { start: number; end: number }) => index.text.slice(start, end).trim();
      expect(slice(within as { start: number; end: number })).toBe(slice(viaRange));
    }
    expect(index.offsetsWithin(document.getElementById("c") as Element)).toBeNull();
  });
});

// Random pages: blocks of words and inline elements, with any whitespace between and inside.
const word = fc.constantFrom("legal", "review", "the", "DPA", "checkout", "EU", "timeout", "Sam", "Wu", "risk", "42", "é", "支付", "🙂");
const gap = fc.constantFrom(" ", "  ", "\n", "\n    ", "\t", "\u00a0", " \u200b");
const inline = fc.tuple(
  fc.constantFrom("", "strong", "em", "a", "span", "code"),
  fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 5 }),
);
const block = fc.tuple(fc.constantFrom("p", "div", "li", "h2", "td"), fc.array(inline, { minLength: 1, maxLength: 4 }));
const page = fc.array(block, { minLength: 1, maxLength: 8 });

type Page = Array<[string, Array<[string, Array<[string, string]>]>]>;

/** The page as HTML; `spacing` replaces the generated whitespace after each word (empty keeps it). */
function html(blocks: Page, spacing: (i: number) => string) {
  let n = 0;
  const words = (list: Array<[string, string]>) => list.map(([w, g]) => `${w}${spacing(n++) || g}`).join("");
  return blocks
    .map(([tag, inlines]) => {
      const body = inlines.map(([name, list]) => (name ? `<${name}>${words(list)}</${name}>` : words(list))).join(" ");
      if (tag === "li") return `<ul><li>${body}</li></ul>`;
      if (tag === "td") return `<table><tbody><tr><td>${body}</td></tr></tbody></table>`;
      return `<${tag}>${body}</${tag}>`;
    })
    .join(spacing(n++) || "\n");
}

describe("offsets and selectors on random pages", () => {
  it("round-trips every non-space offset through a DOM point", () => {
    fc.assert(
      fc.property(page, (blocks) => {
        loadHtml(html(blocks, () => ""));
        const index = TextIndex.build(document.body);
        for (let offset = 0; offset < index.text.length; offset++) {
          if (index.text[offset] === " ") continue;
          const start = index.pointAt(offset, "start");
          const end = index.pointAt(offset + 1, "end");
          expect(start && index.offsetOf(start.node, start.offset)).toBe(offset);
          expect(end && index.offsetOf(end.node, end.offset)).toBe(offset + 1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("finds any selection again by its range on the same page, and by its quote once whitespace changes", async () => {
    await fc.assert(
      fc.asyncProperty(page, fc.nat(), fc.nat(), fc.array(gap, { minLength: 1, maxLength: 8 }), async (blocks, a, b, spacings) => {
        loadHtml(html(blocks, () => ""));
        const index = TextIndex.build(document.body);
        const length = index.text.length;
        const from = a % length;
        const to = from + 1 + (b % (length - from));
        const range = index.toRange(from, to);
        if (!range) throw new Error("no range");
        const selectors = describeRange(range, document.body);
        const words = index.text.slice(from, to).trim();
        if (!words) {
          expect(selectors).toEqual([]);
          return;
        }
        const same = await anchor(TextIndex.build(document.body), selectors);
        expect(same?.method).toBe("range");
        expect(same && index.text.slice(same.start, same.end)).toBe(words);

        loadHtml(html(blocks, (i) => spacings[i % spacings.length]));
        const respaced = TextIndex.build(document.body);
        const found = await anchor(respaced, selectors);
        expect(found && respaced.text.slice(found.start, found.end)).toBe(words);
      }),
      { numRuns: 80 },
    );
  });

  it("reads the same characters as the normalization of the text nodes alone, block edges aside", () => {
    fc.assert(
      fc.property(page, (blocks) => {
        loadHtml(html(blocks, () => ""));
        const joined = normalizeText(document.body.textContent ?? "")
          .replace(/ /g, "")
          .trim();
        expect(TextIndex.build(document.body).text.replace(/ /g, "")).toBe(joined);
      }),
      { numRuns: 60 },
    );
  });
});
