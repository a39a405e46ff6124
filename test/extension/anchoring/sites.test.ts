import { describe, expect, it } from "vitest";
import { anchor } from "../../../extension/page/anchoring/anchor";
import { describeRange } from "../../../extension/page/anchoring/describe";
import { TextIndex } from "../../../extension/page/anchoring/text-index";
import { isCanvasRendered } from "../../../shared/annotation-page";
import { loadPage } from "./load-fixture";

interface SiteCase {
  file: string;
  words: string;
  /** A change the site makes to the page between two visits (or while it is open). */
  edit: (doc: Document) => void;
  /** The words on the changed page, when the edit touched them. */
  after?: string;
}

const rerender = (element: Element | null) => {
  if (element) element.innerHTML = `\n  ${element.innerHTML.replace(/> </g, ">\n   <")}\n`;
};

const cases: SiteCase[] = [
  {
    file: "../github/issue.html",
    words: "confirm the new data processing agreement",
    edit: (doc) => {
      doc
        .querySelector('[data-testid="issue-body"]')
        ?.insertAdjacentHTML("beforebegin", "<div class='comment'><p>Pinned: see the status page.</p></div>");
      rerender(doc.querySelector('[data-testid="markdown-body"]'));
    },
  },
  {
    file: "../github/issue.html",
    words: "reproduce it with the staging card numbers",
    edit: (doc) => {
      const comment = doc.querySelector('[data-testid^="comment-viewer"] p');
      if (comment) comment.innerHTML = "QA can <em>reproduce it</em> with the staging card numbers, every time.";
    },
  },
  {
    file: "../jira/issue.html",
    words: "data processing agreement of the new payment provider",
    edit: (doc) => {
      const description = doc.querySelector('[data-testid="issue.views.field.rich-text.description"]');
      description?.insertAdjacentHTML("afterbegin", "<p>Update: the provider sent a revised draft.</p>");
      rerender(description);
    },
  },
  {
    file: "../notion/page.html",
    words: "EU checkout requests time out",
    edit: (doc) => {
      doc
        .querySelector(".notion-page-content")
        ?.insertAdjacentHTML("afterbegin", "<div class='notion-text-block'><div>Owner: payments on-call.</div></div>");
      const block = doc.querySelector(".notion-text-block:last-child [contenteditable]");
      if (block) block.innerHTML = 'What to do when <span style="font-weight:600">EU checkout</span> requests time out.';
    },
  },
  {
    file: "../confluence/page.html",
    words: "Escalate to the payments on-call",
    edit: (doc) => {
      doc.querySelector(".ak-renderer-document")?.insertAdjacentHTML("afterbegin", "<p>Last reviewed in November.</p>");
    },
  },
  {
    file: "../feishu/docx.html",
    words: "新支付服务商的数据处理协议",
    edit: (doc) => {
      doc
        .querySelector(".page-block-children")
        ?.insertAdjacentHTML("afterbegin", '<div class="block"><div class="text-block">负责人：支付组。</div></div>');
      const text = doc.querySelector('[data-block-id="3"] .text-block');
      if (text) text.textContent = "法务确认新的支付服务商的数据处理协议。";
    },
    after: "新的支付服务商的数据处理协议",
  },
];

describe("anchoring on the sites Liaison runs on", () => {
  it.each(cases)("finds $words on $file after the page changed", async ({ file, words, edit, after }) => {
    loadPage(file);
    const index = TextIndex.build(document.body);
    const at = index.text.indexOf(words);
    expect(at).toBeGreaterThanOrEqual(0);
    const selectors = describeRange(index.toRange(at, at + words.length) as Range, document.body);

    edit(document);
    const changed = TextIndex.build(document.body);
    const found = await anchor(changed, selectors);
    expect(found && changed.text.slice(found.start, found.end)).toBe(after ?? words);
  });

  it("knows Google Docs draws its words on a canvas, so annotations there are about the whole page", () => {
    expect(isCanvasRendered("https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0")).toBe(true);
    expect(isCanvasRendered("https://github.com/acme/app/issues/7")).toBe(false);
    loadPage("../gdocs/document.html");
    expect(TextIndex.build(document.body).text.trim()).toBe("Share File Edit");
  });
});
