// Linear issues: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [["https://linear.app/acme/issue/ENG-12/some-title", "linear:acme/ENG-12"]],
  notItems: ["https://linear.app/acme/team/ENG/active"],
  pages: [
    {
      itemUrl: "https://linear.app/acme/issue/ENG-12/checkout-timeouts-in-the-eu",
      itemFixture: "linear/issue.html",
      itemKey: "linear:acme/ENG-12",
      anchored: true,
      listUrl: "https://linear.app/acme/team/ENG/active",
      listFixture: "linear/list.html",
      listKeys: ["linear:acme/ENG-11", "linear:acme/ENG-12", "linear:acme/ENG-13"],
      listItemKey: null,
    },
  ],
};
