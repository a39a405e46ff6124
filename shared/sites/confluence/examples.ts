// Confluence pages, Cloud and Server or Data Center: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://acme.atlassian.net/wiki/spaces/ENG/pages/3342337/Checkout+runbook", "confluence:acme.atlassian.net/3342337"],
    ["https://acme.atlassian.net/wiki/spaces/ENG/pages/edit-v2/3342337", "confluence:acme.atlassian.net/3342337"],
    ["https://acme.atlassian.net/wiki/spaces/ENG/pages/3342337", "confluence:acme.atlassian.net/3342337"],
    ["https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=3342337", "confluence:acme.atlassian.net/3342337"],
  ],
  notItems: [
    "https://acme.atlassian.net/wiki/spaces/ENG/overview",
    "https://acme.atlassian.net/wiki/x/AQBGAQ",
    "https://acme.atlassian.net/wiki/spaces/ENG/pages/viewpage.action?pageId=abc",
  ],
  selfHosted: [
    ["https://wiki.example.org/pages/viewpage.action?pageId=65601", "confluence:wiki.example.org/65601"],
    ["https://wiki.example.org/confluence/pages/viewpage.action?pageId=65601", "confluence:wiki.example.org/65601"],
    ["https://wiki.example.org/spaces/ENG/pages/65601", "confluence:wiki.example.org/65601"],
    ["https://wiki.example.org/spaces/ENG/pages/65601/Checkout+runbook", "confluence:wiki.example.org/65601"],
    ["https://wiki.example.org/display/ENG/Checkout+runbook", null],
  ],
  pages: [
    {
      itemUrl: "https://acme.atlassian.net/wiki/spaces/ENG/pages/3342337/Checkout+runbook",
      itemFixture: "confluence/page.html",
      itemKey: "confluence:acme.atlassian.net/3342337",
      anchored: true,
      listUrl: "https://acme.atlassian.net/wiki/spaces/ENG/pages/3342300/Payments+index",
      listFixture: "confluence/index.html",
      listKeys: ["confluence:acme.atlassian.net/3342337", "confluence:acme.atlassian.net/3342338", "confluence:acme.atlassian.net/3342339"],
      listItemKey: "confluence:acme.atlassian.net/3342300",
    },
    {
      itemUrl: "https://wiki.example.org/display/ENG/Checkout+runbook",
      itemFixture: "confluence/server-page.html",
      itemKey: "confluence:wiki.example.org/65601",
      anchored: true,
      selfHosted: true,
      listUrl: "https://wiki.example.org/pages/viewpage.action?pageId=65600",
      listFixture: "confluence/server-index.html",
      listKeys: ["confluence:wiki.example.org/65601", "confluence:wiki.example.org/65602"],
      listItemKey: "confluence:wiki.example.org/65600",
    },
  ],
  captures: [
    {
      version: "Confluence Server 5.9 page at a /display/ URL (2016–2017)",
      fixture: "confluence/server5-page.html",
      source: "hand-made",
      kind: "item",
      url: "https://wiki.example.org/display/ENG/Checkout+runbook",
      selfHosted: true,
      itemKey: "confluence:wiki.example.org/65601",
      anchor: "#title-heading #title-text",
      rows: [],
    },
    {
      version: "Confluence Server 5.9 page listing its children (2016–2017)",
      fixture: "confluence/server5-children.html",
      source: "hand-made",
      kind: "list",
      url: "https://wiki.example.org/display/ENG/Payments+index",
      selfHosted: true,
      itemKey: "confluence:wiki.example.org/65600",
      anchor: "#title-heading #title-text",
      rows: ["confluence:wiki.example.org/65602"],
    },
  ],
};
