import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowsFromLinks } from "../../shared/sites/adapter-kit";
import { githubKey } from "../../shared/sites/github/key";
import { gitlabKey } from "../../shared/sites/gitlab/key";
import { jiraKey } from "../../shared/sites/jira/key";
import type { UrlParts } from "../../shared/sites/url-parts";

// List rows read from their links. Plain paths are read without parsing a URL per row: the
// keys must be exactly those the URL parser gives.

const base = new URL("https://github.com/acme/app/issues?q=is%3Aopen");

function keysOf(hrefs: string[], keyOf: (url: UrlParts) => string | null, page = base) {
  document.body.replaceChildren(
    ...hrefs.map((href) => {
      const row = document.createElement("li");
      const link = document.createElement("a");
      link.className = "title";
      link.setAttribute("href", href);
      row.append(link);
      return row;
    }),
  );
  const read = new Map([...rowsFromLinks(document, ["a.title"], "li", page, keyOf)].map((row) => [row.element, row.key]));
  return [...document.querySelectorAll("li")].map((row) => read.get(row) ?? null);
}

const parsed = (hrefs: string[], keyOf: (url: UrlParts) => string | null, page = base) =>
  hrefs.map((href) => {
    try {
      return keyOf(new URL(href, page));
    } catch {
      return null;
    }
  });

describe("rows read from their links", () => {
  it("give the keys the URL parser gives, for plain paths and every other kind of link", () => {
    const hrefs = [
      "/acme/app/issues/7",
      "/acme/app/pull/12/",
      "/Acme/App/issues/0013",
      "/acme/app/issues/7?issue=acme%7Capp%7C9",
      "/acme/./app/issues/8",
      "/acme/app/issues/../pull/9",
      "/acme/%61pp/issues/10",
      "https://github.com/acme/app/issues/11",
      "//github.com/acme/app/issues/12",
      "issues/13",
      "?issue=acme|app|14",
      "/orgs/acme/issues/15",
      "/acme/app/issues/16#comment",
      "https://gitlab.com/acme/app/-/issues/17",
      "javascript:void(0)",
    ];
    expect(keysOf(hrefs, githubKey)).toEqual(parsed(hrefs, githubKey));
  });

  it("agree with the URL parser on any path made of URL-safe characters", () => {
    // Tracker words, so that many paths are items, and dots and escapes that the parser rewrites.
    const segment = fc.oneof(
      fc.constantFrom("acme", "App", "issues", "pull", "-", "merge_requests", "browse", "ACME-42", "7", "0012", ".", "..", "%2e", "~x"),
      fc.stringMatching(/^[\w.~%-]{0,8}$/),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segments, slash) => {
        const hrefs = [`/${segments.join("/")}${slash ? "/" : ""}`];
        const gitlab = (url: UrlParts) => gitlabKey(url, { selfHosted: true });
        const jira = (url: UrlParts) => jiraKey(url, { selfHosted: true });
        expect(keysOf(hrefs, githubKey)).toEqual(parsed(hrefs, githubKey));
        expect(keysOf(hrefs, gitlab)).toEqual(parsed(hrefs, gitlab));
        expect(keysOf(hrefs, jira)).toEqual(parsed(hrefs, jira));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves pages that are not http(s) to the URL parser", () => {
    const hrefs = ["/acme/app/issues/7", "/x"];
    for (const page of [new URL("file:///C:/notes/a.html"), new URL("about:blank")]) {
      expect(keysOf(hrefs, githubKey, page)).toEqual(parsed(hrefs, githubKey, page));
      expect(keysOf(hrefs, (url) => url.pathname, page)).toEqual(parsed(hrefs, (url) => url.pathname, page));
    }
  });

  it("reads each row once, by its nearest row element", () => {
    document.body.innerHTML = `<li><a class="title" href="/acme/app/issues/1">a</a><a class="title" href="/acme/app/issues/1#x">b</a></li>`;
    expect([...rowsFromLinks(document, ["a.title"], "li", base, githubKey)].map((row) => row.key)).toEqual(["github:acme/app#1"]);
  });
});
