// GitHub issues and pull requests: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://github.com/Acme/App/issues/7", "github:acme/app#7"],
    ["https://github.com/Acme/App/pull/7/files", "github:acme/app#7"],
    ["https://github.com/acme/app/pull/7/commits/abc123", "github:acme/app#7"],
    ["https://github.com/orgs/acme/projects/3?issue=Acme%7CApp%7C12", "github:acme/app#12"],
    ["https://github.com/refined-github/refined-github/issues/3543", "github:refined-github/refined-github#3543"],
    ["https://github.com/wxt-dev/wxt/pull/1000/files", "github:wxt-dev/wxt#1000"],
  ],
  notItems: [
    "https://github.com/acme/app/issues/new",
    "https://github.com/acme/app/issues",
    "https://github.com/orgs/acme/issues/1",
    "https://github.com/wxt-dev/wxt/issues?q=is%3Aopen",
  ],
  selfHosted: [
    ["http://ghe.sgdev.org/beyang/test/pull/1/files", "github:ghe.sgdev.org/beyang/test#1"],
    ["https://github.acme.corp/Platform/Api/issues/42", "github:github.acme.corp/platform/api#42"],
    ["https://git.acme.corp:8443/platform/api/pull/7", "github:git.acme.corp:8443/platform/api#7"],
    ["https://github.acme.corp/platform/api/issues", null],
  ],
  pages: [
    {
      itemUrl: "https://github.com/acme/app/issues/7",
      itemFixture: "github/issue.html",
      itemKey: "github:acme/app#7",
      anchored: true,
      listUrl: "https://github.com/acme/app/issues",
      listFixture: "github/issues.html",
      listKeys: ["github:acme/app#7", "github:acme/app#8", "github:acme/app#9", "github:acme/app#10", "github:acme/app#11"],
      listItemKey: null,
    },
  ],
  captures: [
    {
      version: "github.com pull request, classic view (2019-04)",
      fixture: "github/pr-2019.html",
      source: "real capture",
      kind: "item",
      url: "https://github.com/sourcegraph/sourcegraph/pull/3221",
      itemKey: "github:sourcegraph/sourcegraph#3221",
      anchor: ".gh-header-title",
      rows: [],
    },
    {
      version: "GitHub Enterprise Server 2.14.11 pull request, classic view (2018)",
      fixture: "github/ghe-2.14-pull-request.html",
      source: "real capture",
      kind: "item",
      url: "http://ghe.sgdev.org/beyang/test/pull/1/files",
      selfHosted: true,
      itemKey: "github:ghe.sgdev.org/beyang/test#1",
      anchor: ".gh-header-title",
      rows: [],
    },
    {
      version: "github.com issue list, classic view (2017–2020)",
      fixture: "github/issues-2019.html",
      source: "hand-made",
      kind: "list",
      url: "https://github.com/acme/app/issues",
      itemKey: null,
      anchor: null,
      rows: ["github:acme/app#12", "github:acme/app#13"],
    },
  ],
};
