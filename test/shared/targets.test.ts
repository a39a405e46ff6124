import { describe, expect, it } from "vitest";
import { targetKeySchema } from "../../shared/entities";
import { targetKeyForUrl, urlForTargetKey } from "../../shared/targets";
import { confluenceKey, confluenceUrl } from "../../shared/targets/confluence";
import { gitlabKey, gitlabUrl } from "../../shared/targets/gitlab";
import { jiraKey, jiraUrl } from "../../shared/targets/jira";

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

  it.each([
    "github:acme/app#7",
    "jira:acme.atlassian.net/ACME-42",
    "linear:acme/ENG-12",
    "url:https://docs.example.com/a/b",
    ...roundTrips,
  ])("%s round-trips through its URL", (key) => {
    const url = urlForTargetKey(key);
    expect(url).not.toBeNull();
    expect(targetKeyForUrl(url as string)).toBe(key);
    expect(targetKeySchema.safeParse(key).success).toBe(true);
  });
});

// The drawer a GitLab list opens: base64 of {"iid":"5","full_path":"acme/checkout","id":9005}.
const drawer = "eyJpaWQiOiI1IiwiZnVsbF9wYXRoIjoiYWNtZS9jaGVja291dCIsImlkIjo5MDA1fQ==";

/** Page URLs of the other trackers and docs sites, and the key each names. */
const mustMatch: Array<[string, string]> = [
  ["https://gitlab.com/Acme/Platform/Checkout/-/issues/17", "gitlab:gitlab.com/acme/platform/checkout#17"],
  ["https://gitlab.com/acme/checkout/-/issues/incident/18", "gitlab:gitlab.com/acme/checkout#18"],
  ["https://gitlab.com/acme/checkout/-/work_items/19#note_1", "gitlab:gitlab.com/acme/checkout#19"],
  ["https://gitlab.com/acme/checkout/-/merge_requests/41", "gitlab:gitlab.com/acme/checkout!41"],
  ["https://gitlab.com/acme/checkout/-/merge_requests/41/diffs?commit_id=abc", "gitlab:gitlab.com/acme/checkout!41"],
  [`https://gitlab.com/acme/checkout/-/issues?sort=created_date&show=${drawer}`, "gitlab:gitlab.com/acme/checkout#5"],
  [`https://gitlab.com/groups/acme/-/issues?show=${encodeURIComponent(drawer)}`, "gitlab:gitlab.com/acme/checkout#5"],
  [`https://gitlab.com/dashboard/issues?show=${drawer}`, "gitlab:gitlab.com/acme/checkout#5"],
  ["https://acme.atlassian.net/wiki/spaces/ENG/pages/3342337/Checkout+runbook", "confluence:acme.atlassian.net/3342337"],
  ["https://acme.atlassian.net/wiki/spaces/ENG/pages/edit-v2/3342337", "confluence:acme.atlassian.net/3342337"],
  ["https://acme.atlassian.net/wiki/spaces/ENG/pages/3342337", "confluence:acme.atlassian.net/3342337"],
  ["https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=3342337", "confluence:acme.atlassian.net/3342337"],
  ["https://app.asana.com/1/1200000000000001/project/1200000000000002/task/1209000000000017", "asana:1209000000000017"],
  ["https://app.asana.com/1/1200000000000001/task/1209000000000017?focus=true", "asana:1209000000000017"],
  ["https://app.asana.com/0/1200000000000002/1209000000000017", "asana:1209000000000017"],
  ["https://app.asana.com/0/1200000000000002/1209000000000017/f", "asana:1209000000000017"],
  ["https://app.asana.com/0/search/1200000000000005/1209000000000016?child=1209000000000017", "asana:1209000000000017"],
  ["https://trello.com/c/Ab12Cd34/17-move-eu-checkout-to-the-regional-endpoint", "trello:Ab12Cd34"],
  ["https://trello.com/c/Ab12Cd34", "trello:Ab12Cd34"],
  ["https://www.notion.so/acme/Checkout-runbook-0B3C5E7F9A1B4C2D8E6F1A2B3C4D5E6F", "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f"],
  ["https://www.notion.so/0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f", "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f"],
  [
    "https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000&p=2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b&pm=s",
    "notion:2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b",
  ],
  [
    "https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000",
    "notion:7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d",
  ],
  // A peek parameter that is no page id leaves the database as the item.
  ["https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d&p=not-an-id", "notion:7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d"],
  ["https://acme.notion.site/Status-page-playbook-4f6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e", "notion:4f6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e"],
  ["https://Acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1", "feishu:acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1"],
  ["https://acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12?from=from_copylink", "feishu:acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12"],
  ["https://acme.larksuite.com/docs/doccnAbCdEfGhIjKlMnOpQrStU", "feishu:acme.larksuite.com/docs/doccnAbCdEfGhIjKlMnOpQrStU"],
  ["https://acme.larkoffice.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv", "feishu:acme.larkoffice.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv"],
  [
    "https://acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf?table=tblLEEoU9EpeZpaF&view=vewG1l8FO1",
    "feishu:acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf",
  ],
  [
    "https://acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf?table=tblLEEoU9EpeZpaF&record=recAbC123",
    "feishu:acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf/recAbC123",
  ],
  ["https://acme.pingcode.com/pjm/workitems/eqWqLmTO", "pingcode:acme.pingcode.com/workitems/eqWqLmTO"],
  ["https://acme.pingcode.com/pjm/workitems/eqWqLmTO?tab=detail#c1", "pingcode:acme.pingcode.com/workitems/eqWqLmTO"],
  ["https://acme.pingcode.com/pjm/work_items/eqWqLmTO", "pingcode:acme.pingcode.com/workitems/eqWqLmTO"],
  ["https://acme.pingcode.com/pjm/projects/SCR/work-items/SCR-348", "pingcode:acme.pingcode.com/workitems/SCR-348"],
  ["https://acme.pingcode.com/ship/ideas/c9WqLmTO", "pingcode:acme.pingcode.com/ideas/c9WqLmTO"],
  ["https://acme.pingcode.com/ship/tickets/fQIoiizC", "pingcode:acme.pingcode.com/tickets/fQIoiizC"],
  ["https://acme.pingcode.com/wiki/pages/JoP34lQM", "pingcode:acme.pingcode.com/wiki/JoP34lQM"],
  ["https://acme.pingcode.com/wiki/spaces/payments/pages/JoP34lQM", "pingcode:acme.pingcode.com/wiki/JoP34lQM"],
  [
    "https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf/tasks/5ea4e27bc5de12753c09f176",
    "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
  ],
  [
    "https://acme.worktile.com/mission/my/directed/tasks/5ea4e27bc5de12753c09f176",
    "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
  ],
  ["https://acme.worktile.com/agile/items/5ece2c9526a2063b6e895f43", "worktile:acme.worktile.com/items/5ece2c9526a2063b6e895f43"],
  [
    "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit",
    "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
  ],
  [
    "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0#heading=h.x",
    "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
  ],
  [
    "https://docs.google.com/document/u/1/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit",
    "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
  ],
];

/** Pages of the same sites that are lists, settings or other non-items: they name the page itself. */
const mustNotMatch = [
  "https://gitlab.com/acme/checkout/-/issues",
  "https://gitlab.com/acme/checkout/-/issues/new",
  "https://gitlab.com/acme/checkout/-/merge_requests",
  "https://gitlab.com/acme/checkout/-/boards/12",
  "https://gitlab.com/groups/acme/-/boards/3",
  "https://gitlab.com/groups/acme/-/work_items/5",
  "https://gitlab.com/dashboard/issues",
  "https://gitlab.com/acme/checkout/-/issues?show=not-base64",
  "https://gitlab.example.org/acme/checkout/-/issues/17",
  "https://acme.atlassian.net/wiki/spaces/ENG/overview",
  "https://acme.atlassian.net/wiki/x/AQBGAQ",
  "https://acme.atlassian.net/wiki/spaces/ENG/pages/viewpage.action?pageId=abc",
  "https://wiki.example.org/pages/viewpage.action?pageId=65601",
  "https://app.asana.com/1/1200000000000001/project/1200000000000002/list/1200000000000009",
  "https://app.asana.com/0/1200000000000002/list",
  "https://app.asana.com/0/home/1200000000000001",
  "https://app.asana.com/0/inbox/1200000000000001",
  "https://trello.com/b/Xy98Zw76/payments",
  "https://trello.com/acme/boards",
  "https://www.notion.so/acme",
  "https://www.notion.so/acme/Checkout-runbook",
  "https://acme.feishu.cn/drive/folder/fldcnAbCdEfGhIjKlMnOpQrStU",
  "https://acme.feishu.cn/wiki/space/7123456789012345678",
  "https://acme.feishu.cn/wiki/settings",
  "https://feishu.example.com/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
  "https://acme.pingcode.com/pjm/projects/SCR/work-items",
  "https://acme.pingcode.com/ship/ideas",
  "https://acme.pingcode.com/wiki/spaces/payments",
  "https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf",
  "https://acme.worktile.com/mission/my/directed",
  "https://docs.google.com/document/u/0/",
  "https://docs.google.com/document/d/e/2PACX-1vRaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789/pub",
  "https://docs.google.com/spreadsheets/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit",
];

const roundTrips = [
  "gitlab:gitlab.com/acme/platform/checkout#17",
  "gitlab:gitlab.com/acme/checkout!41",
  "confluence:acme.atlassian.net/3342337",
  "asana:1209000000000017",
  "trello:Ab12Cd34",
  "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f",
  "feishu:acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
  "feishu:acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12",
  "feishu:acme.larksuite.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv",
  "feishu:acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf",
  "feishu:acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf/recAbC123",
  "pingcode:acme.pingcode.com/workitems/eqWqLmTO",
  "pingcode:acme.pingcode.com/ideas/c9WqLmTO",
  "pingcode:acme.pingcode.com/tickets/fQIoiizC",
  "pingcode:acme.pingcode.com/wiki/JoP34lQM",
  "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
  "worktile:acme.worktile.com/items/5ece2c9526a2063b6e895f43",
  "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
];

describe("target keys of the other trackers and docs sites", () => {
  it.each(mustMatch)("%s is %s", (url, key) => {
    expect(targetKeyForUrl(url)).toBe(key);
  });

  it.each(mustNotMatch)("%s names no tracker item", (url) => {
    expect(targetKeyForUrl(url)).toMatch(/^url:/);
  });

  it("reads self-hosted GitLab, Confluence and Jira URLs only when the page says what it is", () => {
    const mr = new URL("https://git.example.org/gitlab/acme/checkout/-/merge_requests/41/diffs");
    expect(gitlabKey(mr)).toBeNull();
    expect(gitlabKey(mr, { selfHosted: true })).toBe("gitlab:git.example.org/gitlab/acme/checkout!41");
    // A drawer on a list of an instance under a sub-path keeps the sub-path, like the item's own URL.
    const list = new URL(`https://git.example.org/gitlab/acme/checkout/-/issues?show=${drawer}`);
    expect(gitlabKey(list, { selfHosted: true })).toBe("gitlab:git.example.org/gitlab/acme/checkout#5");
    expect(gitlabKey(new URL("https://git.example.org:8443/acme/app/-/issues/3"), { selfHosted: true })).toBe(
      "gitlab:git.example.org:8443/acme/app#3",
    );

    for (const href of [
      "https://wiki.example.org/pages/viewpage.action?pageId=65601",
      "https://wiki.example.org/confluence/pages/viewpage.action?pageId=65601",
      "https://wiki.example.org/spaces/ENG/pages/65601",
      "https://wiki.example.org/spaces/ENG/pages/65601/Checkout+runbook",
    ]) {
      expect(confluenceKey(new URL(href), { selfHosted: true }), href).toBe("confluence:wiki.example.org/65601");
    }
    expect(confluenceKey(new URL("https://wiki.example.org/display/ENG/Checkout+runbook"), { selfHosted: true })).toBeNull();

    // Jira Server and Data Center: the context path is not part of the key.
    expect(jiraKey(new URL("https://jira.example.org/jira/browse/PROJ-7"), { selfHosted: true })).toBe("jira:jira.example.org/PROJ-7");
    expect(jiraKey(new URL("https://jira.example.org/secure/RapidBoard.jspa?rapidView=1&selectedIssue=PROJ-7"), { selfHosted: true })).toBe(
      "jira:jira.example.org/PROJ-7",
    );
  });

  it.each([
    ["gitlab:git.example.org/gitlab/acme/checkout!41", gitlabUrl, gitlabKey],
    ["gitlab:git.example.org/acme/checkout#5", gitlabUrl, gitlabKey],
    ["confluence:wiki.example.org/65601", confluenceUrl, confluenceKey],
    ["jira:jira.example.org/PROJ-7", jiraUrl, jiraKey],
  ] as const)("self-hosted %s round-trips through its URL", (key, toUrl, toKey) => {
    const url = toUrl(key);
    expect(url).not.toBeNull();
    expect(toKey(new URL(url as string), { selfHosted: true })).toBe(key);
    expect(targetKeySchema.safeParse(key).success).toBe(true);
  });
});
