import { describe, expect, it } from "vitest";
import { threadsFor } from "../../../extension/common/annotation-threads";
import { annotationsMarkdown } from "../../../extension/panel/annotations-markdown";
import { isOnPage, pageRefFor } from "../../../shared/annotation-page";
import { dana, entry, issueUrl, members, pat, sam } from "./fixtures";

const quote = "confirm the new data processing agreement";

describe("annotation threads", () => {
  it("belong on the page they were made on, and on other pages of the same item, not elsewhere", () => {
    const annotation = entry("a-root-00001", pat, { quote }).annotation;
    expect(isOnPage(annotation, pageRefFor(`${issueUrl}?utm_source=mail#issuecomment-1`))).toBe(true);
    expect(isOnPage(annotation, pageRefFor("https://github.com/acme/app/pull/7/files"))).toBe(true);
    expect(isOnPage(annotation, pageRefFor("https://github.com/acme/app/issues/8"))).toBe(false);
    const onDoc = entry("a-doc-000001", pat, { url: "https://docs.example.com/spec?x=1", targets: [] }).annotation;
    expect(isOnPage(onDoc, pageRefFor("https://Docs.example.com/spec#top"))).toBe(true);
    expect(isOnPage(onDoc, pageRefFor("https://docs.example.com/other"))).toBe(false);
  });

  it("group replies under their annotation; resolving and reopening are replies, comments change nothing", () => {
    const root = entry("a-root-00001", pat, { quote, body: "Legal: please review", addressedTo: { department: "Legal", memberId: null } });
    const replies = [
      entry("a-reply-0001", dana, { parent: root.id, body: "Looking at it today." }),
      entry("a-reply-0002", dana, { parent: root.id, body: "", resolved: true }),
    ];
    const other = entry("a-other-0001", sam, { url: "https://github.com/acme/app/issues/8", targets: ["github:acme/app#8"] });
    const [thread, ...rest] = threadsFor([...replies.reverse(), other, root], pageRefFor(issueUrl));
    expect(rest).toEqual([]);
    expect(thread.root.id).toBe(root.id);
    expect(thread.replies.map((r) => r.id)).toEqual(["a-reply-0001", "a-reply-0002"]);
    expect(thread.resolved).toBe(true);
    expect(thread.resolvedBy).toBe(dana.id);

    const reopened = threadsFor([root, ...replies, entry("a-reply-0003", pat, { parent: root.id, body: "" })], null)[0];
    expect(reopened.resolved).toBe(false);
    const commented = threadsFor([root, ...replies, entry("a-reply-0004", pat, { parent: root.id, body: "Thanks!" })], null)[0];
    expect(commented.resolved).toBe(true);
  });

  it("copy as Markdown with the quote, the note, author, addressee, tags and replies", () => {
    const root = entry("a-root-00001", pat, {
      quote,
      body: "Legal: please review the **DPA** terms.",
      tags: ["legal", "dpa"],
      addressedTo: { department: "Legal", memberId: dana.id },
    });
    const page = entry("a-page-00001", sam, { body: "Whole page: numbers are from October." });
    const threads = threadsFor(
      [
        root,
        page,
        entry("a-reply-0001", dana, { parent: root.id, body: "Reviewed.\nTwo clauses to change." }),
        entry("a-reply-0002", dana, { parent: root.id, resolved: true }),
      ],
      null,
    );
    const markdown = annotationsMarkdown(threads, { members, pageUrl: issueUrl, anchoring: { [page.id]: "page", [root.id]: "orphan" } });
    expect(markdown).toBe(
      [
        `## Annotations on ${issueUrl}`,
        "",
        `> ${quote}`,
        "",
        "Legal: please review the **DPA** terms.",
        "",
        `— Pat Lee · ${root.createdAt.slice(0, 10)} · to Dana Ortiz · #legal #dpa · Resolved · not found on the page`,
        "",
        "- **Dana Ortiz**: Reviewed.\n  Two clauses to change.",
        "- _Dana Ortiz resolved this_",
        "",
        "---",
        "",
        "Whole page: numbers are from October.",
        "",
        `— Sam Wu · ${page.createdAt.slice(0, 10)}`,
        "",
        "---",
        "",
      ].join("\n"),
    );
  });
});
