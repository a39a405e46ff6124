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
};
