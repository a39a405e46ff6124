import { describe, expect, it } from "vitest";
import { contentScriptId, selfHostedOrigin } from "../../extension/common/self-hosted";

describe("self-hosted tracker addresses", () => {
  it.each([
    ["gitlab.acme.corp", "https://gitlab.acme.corp", "https://gitlab.acme.corp/*"],
    ["https://jira.acme.corp/secure/Dashboard.jspa", "https://jira.acme.corp", "https://jira.acme.corp/*"],
    ["http://wiki.intra.example:8090/display/ENG", "http://wiki.intra.example:8090", "http://wiki.intra.example/*"],
    ["  HTTPS://GitLab.Example.com/  ", "https://gitlab.example.com", "https://gitlab.example.com/*"],
  ])("%s is %s, asked for as %s", (input, origin, pattern) => {
    expect(selfHostedOrigin(input)).toEqual({ origin, pattern });
  });

  it.each(["", "not a host", "ftp://files.example.com", "javascript:alert(1)", "https://user:pw@gitlab.example.com", "intranet"])(
    "refuses %j",
    (input) => {
      expect(selfHostedOrigin(input)).toBeNull();
    },
  );

  it("names one content script per host", () => {
    expect(contentScriptId("https://gitlab.acme.corp")).toBe("liaison-self-hosted-https-gitlab-acme-corp");
    expect(contentScriptId("https://gitlab.acme.corp")).not.toBe(contentScriptId("https://jira.acme.corp"));
  });
});
