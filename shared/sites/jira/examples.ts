// Jira issues, Cloud and Server or Data Center: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://acme.atlassian.net/browse/ACME-42", "jira:acme.atlassian.net/ACME-42"],
    ["https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-42", "jira:acme.atlassian.net/ACME-42"],
    ["https://acme.atlassian.net/jira/software/c/projects/ACME/issues/ACME-9?jql=x", "jira:acme.atlassian.net/ACME-9"],
  ],
  notItems: ["https://acme.atlassian.net/jira/software/projects/ACME/boards/1"],
  selfHosted: [
    ["https://jira.example.org/browse/PROJ-7", "jira:jira.example.org/PROJ-7"],
    ["https://jira.example.org/jira/browse/PROJ-7", "jira:jira.example.org/PROJ-7"],
    ["https://jira.example.org/secure/RapidBoard.jspa?rapidView=1&selectedIssue=PROJ-7", "jira:jira.example.org/PROJ-7"],
  ],
  pages: [
    {
      itemUrl: "https://acme.atlassian.net/browse/ACME-42",
      itemFixture: "jira/issue.html",
      itemKey: "jira:acme.atlassian.net/ACME-42",
      anchored: true,
      listUrl: "https://acme.atlassian.net/jira/software/projects/ACME/boards/1",
      listFixture: "jira/board.html",
      listKeys: ["jira:acme.atlassian.net/ACME-41", "jira:acme.atlassian.net/ACME-42", "jira:acme.atlassian.net/ACME-43"],
      listItemKey: null,
    },
    {
      itemUrl: "https://jira.example.org/browse/PROJ-7",
      itemFixture: "jira/server-issue.html",
      itemKey: "jira:jira.example.org/PROJ-7",
      anchored: true,
      selfHosted: true,
      listUrl: "https://jira.example.org/secure/RapidBoard.jspa?rapidView=1&selectedIssue=PROJ-7",
      listFixture: "jira/server-board.html",
      listKeys: ["jira:jira.example.org/PROJ-6", "jira:jira.example.org/PROJ-7", "jira:jira.example.org/PROJ-8"],
      listItemKey: "jira:jira.example.org/PROJ-7",
    },
  ],
};
