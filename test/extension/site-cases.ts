/**
 * Every site adapter's saved pages, with what Liaison must find on them. The contract test runs
 * the same checks on each row; the registry test makes sure every site folder has one.
 */
export interface SiteCase {
  /** The adapter's name, which is also its folder under extension/sites/ and test/fixtures/. */
  site: string;
  itemUrl: string;
  /** Path under test/fixtures/. */
  itemFixture: string;
  itemKey: string;
  /** false where the site has no known title hook: the chip then floats (PingCode, Worktile). */
  anchored: boolean;
  /** Served on any host: the adapter recognises the page from its markup, not its URL. */
  selfHosted?: boolean;
  listUrl: string;
  listFixture: string;
  /** The rows the adapter finds on the list page, in page order. */
  listKeys: string[];
  /** What the list page is itself: null for lists, a peeked row, a database, or a second document. */
  listItemKey: string | null;
}

const gitlabDrawer = "eyJpaWQiOiI1IiwiZnVsbF9wYXRoIjoiYWNtZS9jaGVja291dCIsImlkIjo5MDA1fQ=="; // {"iid":"5","full_path":"acme/checkout",...}

export const siteCases: SiteCase[] = [
  {
    site: "github",
    itemUrl: "https://github.com/acme/app/issues/7",
    itemFixture: "github/issue.html",
    itemKey: "github:acme/app#7",
    anchored: true,
    listUrl: "https://github.com/acme/app/issues",
    listFixture: "github/issues.html",
    listKeys: ["github:acme/app#7", "github:acme/app#8", "github:acme/app#9", "github:acme/app#10", "github:acme/app#11"],
    listItemKey: null,
  },
  {
    site: "jira",
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
    site: "jira",
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
  {
    site: "linear",
    itemUrl: "https://linear.app/acme/issue/ENG-12/checkout-timeouts-in-the-eu",
    itemFixture: "linear/issue.html",
    itemKey: "linear:acme/ENG-12",
    anchored: true,
    listUrl: "https://linear.app/acme/team/ENG/active",
    listFixture: "linear/list.html",
    listKeys: ["linear:acme/ENG-11", "linear:acme/ENG-12", "linear:acme/ENG-13"],
    listItemKey: null,
  },
  {
    site: "gitlab",
    itemUrl: "https://gitlab.com/acme/platform/checkout/-/issues/17",
    itemFixture: "gitlab/issue.html",
    itemKey: "gitlab:gitlab.com/acme/platform/checkout#17",
    anchored: true,
    listUrl: "https://gitlab.com/acme/platform/checkout/-/merge_requests",
    listFixture: "gitlab/merge-requests.html",
    listKeys: [
      "gitlab:gitlab.com/acme/platform/checkout!41",
      "gitlab:gitlab.com/acme/platform/checkout!42",
      "gitlab:gitlab.com/acme/platform/checkout!43",
    ],
    listItemKey: null,
  },
  {
    site: "gitlab",
    itemUrl: "https://git.example.org/gitlab/acme/checkout/-/merge_requests/41/diffs",
    itemFixture: "gitlab/self-hosted-merge-request.html",
    itemKey: "gitlab:git.example.org/gitlab/acme/checkout!41",
    anchored: true,
    selfHosted: true,
    listUrl: `https://git.example.org/gitlab/acme/checkout/-/issues?show=${gitlabDrawer}`,
    listFixture: "gitlab/self-hosted-issues.html",
    listKeys: [
      "gitlab:git.example.org/gitlab/acme/checkout#4",
      "gitlab:git.example.org/gitlab/acme/checkout#5",
      "gitlab:git.example.org/gitlab/acme/checkout#6",
    ],
    listItemKey: "gitlab:git.example.org/gitlab/acme/checkout#5",
  },
  {
    site: "confluence",
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
    site: "confluence",
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
  {
    site: "asana",
    itemUrl: "https://app.asana.com/1/1200000000000001/project/1200000000000002/task/1209000000000017",
    itemFixture: "asana/task.html",
    itemKey: "asana:1209000000000017",
    anchored: true,
    listUrl: "https://app.asana.com/1/1200000000000001/project/1200000000000002/list/1200000000000009",
    listFixture: "asana/project-list.html",
    listKeys: ["asana:1209000000000016", "asana:1209000000000017", "asana:1209000000000018"],
    listItemKey: null,
  },
  {
    site: "trello",
    itemUrl: "https://trello.com/c/Ab12Cd34/17-move-eu-checkout-to-the-regional-endpoint",
    itemFixture: "trello/card.html",
    itemKey: "trello:Ab12Cd34",
    anchored: true,
    listUrl: "https://trello.com/b/Xy98Zw76/payments",
    listFixture: "trello/board.html",
    listKeys: ["trello:Ab12Cd34", "trello:Ef56Gh78", "trello:Ij90Kl12"],
    listItemKey: null,
  },
  {
    site: "notion",
    itemUrl: "https://www.notion.so/acme/Checkout-runbook-0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f",
    itemFixture: "notion/page.html",
    itemKey: "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f",
    anchored: true,
    listUrl:
      "https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000&p=2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b&pm=s",
    listFixture: "notion/database.html",
    listKeys: [
      "notion:2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b",
      "notion:3d5f7b9c1e2a4f4b9d6c8e0a2f4b6d8c",
      "notion:4e6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e",
    ],
    // The peeked row is the item.
    listItemKey: "notion:2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b",
  },
  {
    site: "feishu",
    itemUrl: "https://acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
    itemFixture: "feishu/docx.html",
    itemKey: "feishu:acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
    anchored: true,
    // Documents only: a second document (a wiki node) stands in for a list.
    listUrl: "https://acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12",
    listFixture: "feishu/wiki.html",
    listKeys: [],
    listItemKey: "feishu:acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12",
  },
  {
    site: "pingcode",
    itemUrl: "https://acme.pingcode.com/pjm/workitems/eqWqLmTO",
    itemFixture: "pingcode/work-item.html",
    itemKey: "pingcode:acme.pingcode.com/workitems/eqWqLmTO",
    anchored: false,
    listUrl: "https://acme.pingcode.com/pjm/projects/SCR/work-items",
    listFixture: "pingcode/work-items.html",
    listKeys: [
      "pingcode:acme.pingcode.com/workitems/c9WqLmTO",
      "pingcode:acme.pingcode.com/workitems/eqWqLmTO",
      "pingcode:acme.pingcode.com/workitems/JoP34lQM",
    ],
    listItemKey: null,
  },
  {
    site: "worktile",
    itemUrl: "https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf/tasks/5ea4e27bc5de12753c09f176",
    itemFixture: "worktile/task.html",
    itemKey: "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
    anchored: false,
    listUrl: "https://acme.worktile.com/mission/my/directed",
    listFixture: "worktile/my-tasks.html",
    listKeys: ["worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176", "worktile:acme.worktile.com/tasks/5ea944c6f8caa41a8d31dec4"],
    listItemKey: null,
  },
  {
    site: "gdocs",
    itemUrl: "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0",
    itemFixture: "gdocs/document.html",
    itemKey: "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
    anchored: true,
    // Documents only: a second document stands in for a list.
    listUrl: "https://docs.google.com/document/u/1/d/1zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210zyxwVuTs/edit?tab=t.1#heading=h.4k2j9",
    listFixture: "gdocs/second-document.html",
    listKeys: [],
    listItemKey: "gdocs:1zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210zyxwVuTs",
  },
];
