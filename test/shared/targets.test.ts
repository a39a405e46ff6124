import { describe, expect, it } from "vitest";
import { targetKeyForUrl, urlForTargetKey } from "../../shared/targets";

describe("target keys from page URLs", () => {
  it.each([
    ["https://github.com/Acme/App/issues/7", "github:acme/app#7"],
    ["https://github.com/Acme/App/pull/7/files", "github:acme/app#7"],
    ["https://github.com/acme/app/pull/7/commits/abc123", "github:acme/app#7"],
    ["https://github.com/orgs/acme/projects/3?issue=Acme%7CApp%7C12", "github:acme/app#12"],
    ["https://acme.atlassian.net/browse/ACME-42", "jira:acme.atlassian.net/ACME-42"],
    ["https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-42", "jira:acme.atlassian.net/ACME-42"],
    ["https://acme.atlassian.net/jira/software/c/projects/ACME/issues/ACME-9?jql=x", "jira:acme.atlassian.net/ACME-9"],
    ["https://linear.app/acme/issue/ENG-12/some-title", "linear:acme/ENG-12"],
    ["https://Docs.example.com/a/b?utm_source=x#frag", "url:https://docs.example.com/a/b"],
  ])("%s is %s", (url, key) => {
    expect(targetKeyForUrl(url)).toBe(key);
  });

  it.each([
    "https://github.com/acme/app/issues/new",
    "https://github.com/acme/app/issues",
    "https://github.com/orgs/acme/issues/1",
    "https://acme.atlassian.net/jira/software/projects/ACME/boards/1",
  ])("%s names no tracker item", (url) => {
    expect(targetKeyForUrl(url)).toMatch(/^url:/);
  });

  it("refuses what is not a web page", () => {
    expect(targetKeyForUrl("not a url")).toBeNull();
    expect(targetKeyForUrl("chrome://extensions")).toBeNull();
    expect(targetKeyForUrl("file:///etc/passwd")).toBeNull();
  });

  it.each(["github:acme/app#7", "jira:acme.atlassian.net/ACME-42", "linear:acme/ENG-12", "url:https://docs.example.com/a/b"])(
    "%s round-trips through its URL",
    (key) => {
      const url = urlForTargetKey(key);
      expect(url).not.toBeNull();
      expect(targetKeyForUrl(url as string)).toBe(key);
    },
  );
});
