// Writing back without tokens: each site's prefilled new-issue URL, a new issue's draft, and an item's summary as a comment.
import { describe, expect, it } from "vitest";
import { mergeEntity } from "../../shared/entities";
import { githubKeys } from "../../shared/sites/github/key";
import { gitlabKeys } from "../../shared/sites/gitlab/key";
import { jiraKeys } from "../../shared/sites/jira/key";
import { newIssueUrlForTargetKey } from "../../shared/sites/keys";
import { linearKeys } from "../../shared/sites/linear/key";
import { issueDraft, itemCommentMarkdown } from "../../shared/write-back";

const draft = { title: "Fix the café & checkout?", body: "Line one\n\n[link](https://x.test/a?b=c#d) 100%" };

describe("new-issue URLs", () => {
  it("GitHub: the repository's new issue page with title and body", () => {
    const url = new URL(githubKeys.newIssueUrl?.("github:acme/app#7", draft) as string);
    expect(url.origin + url.pathname).toBe("https://github.com/acme/app/issues/new");
    expect(url.searchParams.get("title")).toBe(draft.title);
    expect(url.searchParams.get("body")).toBe(draft.body);
    expect(githubKeys.newIssueUrl?.("gitlab:gitlab.com/acme/app#7", draft)).toBeNull();
  });

  it("GitHub Enterprise: the new issue page on the team's own host", () => {
    const url = new URL(githubKeys.newIssueUrl?.("github:github.acme.corp/platform/api#42", draft) as string);
    expect(url.origin + url.pathname).toBe("https://github.acme.corp/platform/api/issues/new");
    expect(url.searchParams.get("title")).toBe(draft.title);
    expect(githubKeys.urlOf("github:github.acme.corp/platform/api#42")).toBe("https://github.acme.corp/platform/api/issues/42");
  });

  it("GitLab: the project's new issue page, on its own host and sub-path, for issues and merge requests", () => {
    const url = new URL(gitlabKeys.newIssueUrl?.("gitlab:git.acme.test/gitlab/acme/web/app!12", draft) as string);
    expect(url.origin + url.pathname).toBe("https://git.acme.test/gitlab/acme/web/app/-/issues/new");
    expect(url.searchParams.get("issue[title]")).toBe(draft.title);
    expect(url.searchParams.get("issue[description]")).toBe(draft.body);
  });

  it("Linear: the workspace's new issue page with title and description", () => {
    const url = new URL(linearKeys.newIssueUrl?.("linear:acme/ENG-12", draft) as string);
    expect(url.origin + url.pathname).toBe("https://linear.app/acme/new");
    expect(url.searchParams.get("title")).toBe(draft.title);
    expect(url.searchParams.get("description")).toBe(draft.body);
  });

  it("none for Jira (its page needs a numeric project id) or any other site", () => {
    expect(jiraKeys.newIssueUrl).toBeUndefined();
    expect(newIssueUrlForTargetKey("jira:acme.atlassian.net/ACME-1", draft)).toBeNull();
    expect(newIssueUrlForTargetKey("url:https://example.com/", draft)).toBeNull();
    expect(newIssueUrlForTargetKey("github:acme/app#7", draft)).toMatch(/^https:\/\/github\.com\/acme\/app\/issues\/new\?/);
  });

  it.each([
    ["GitHub", () => newIssueUrlForTargetKey("github:acme/app#7", long), "body"],
    ["GitLab", () => newIssueUrlForTargetKey("gitlab:gitlab.com/acme/app#7", long), "issue[description]"],
    ["Linear", () => newIssueUrlForTargetKey("linear:acme/ENG-12", long), "description"],
  ])("%s: a long body is cut, whole characters and an ellipsis, to keep the URL within 6000 characters", (_, build, param) => {
    const url = build() as string;
    expect(url.length).toBeLessThanOrEqual(6000);
    expect(url.length).toBeGreaterThan(5988);
    const body = new URL(url).searchParams.get(param) as string;
    expect(body.endsWith("…")).toBe(true);
    expect(long.body.startsWith(body.slice(0, -1))).toBe(true);
    expect(new URL(url).search).toContain("=Long&");
  });
});

const long = { title: "Long", body: "需要 review: ".repeat(800) };

describe("a new issue's draft", () => {
  const labels = { kind: "Action item", owner: "owner", due: "due", linkedTo: "Follows up" };

  it("takes the record's text as title, and its kind, owner, due date and a link back as body", () => {
    const draft = issueDraft(
      { text: "Send the\nDPA", owner: "Sam Wu", due: "2026-12-01" },
      { key: "github:acme/app#7", url: "https://github.com/acme/app/issues/7" },
      labels,
    );
    expect(draft.title).toBe("Send the DPA");
    expect(draft.body).toBe(
      "**Action item** (owner: Sam Wu; due: 2026-12-01)\n\nSend the\nDPA\n\nFollows up: [github:acme/app#7](https://github.com/acme/app/issues/7)",
    );
  });

  it("has no link when the record is linked to nothing", () => {
    expect(issueDraft({ text: "Ship it" }, null, { ...labels, kind: "Decision" }).body).toBe("**Decision**\n\nShip it");
  });
});

function data<T>(entity: Parameters<typeof mergeEntity>[0], fields: Record<string, unknown>): T {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  return merged.data as T;
}

describe("an item's summary as a comment", () => {
  const labels = {
    raci: "RACI",
    risks: "Active risks",
    decisions: "Decisions",
    openActionItems: "Open action items",
    owner: "owner",
    due: "due",
    none: "None",
    noDepartment: "No department",
    riskStatuses: { open: "open", mitigating: "mitigating", accepted: "accepted", closed: "closed", occurred: "occurred" },
  };

  it("lists RACI by department, active risks by score, decisions and open action items, escaping user text", () => {
    const markdown = itemCommentMarkdown(
      {
        raci: [
          data("responsibility", { target: "github:acme/app#7", person: "Pat Lee", role: "A", department: "Legal" }),
          data("responsibility", { target: "github:acme/app#7", person: "Sam Wu", role: "R", department: "Legal" }),
          data("responsibility", { target: "github:acme/app#7", person: "Ada", role: "I" }),
        ],
        risks: [
          data("risk", { title: "Low one", likelihood: 1, impact: 2 }),
          data("risk", { title: "Vendor *late*", likelihood: 3, impact: 4, mitigation: "Second vendor", status: "mitigating" }),
          data("risk", { title: "Closed one", likelihood: 5, impact: 5, status: "closed" }),
        ],
        decisions: [data("decision", { text: "Use the EU endpoint" })],
        actionItems: [
          data("action_item", { text: "Send the DPA", owner: "Sam Wu", due: "2026-12-01" }),
          data("action_item", { text: "Done already", status: "done" }),
        ],
      },
      labels,
    );
    expect(markdown).toBe(
      [
        "**RACI**",
        "",
        "- Legal: Pat Lee (A), Sam Wu (R)",
        "- No department: Ada (I)",
        "",
        "**Active risks**",
        "",
        "- Vendor \\*late\\* (12, mitigating): Second vendor",
        "- Low one (2, open)",
        "",
        "**Decisions**",
        "",
        "- Use the EU endpoint",
        "",
        "**Open action items**",
        "",
        "- [ ] Send the DPA (owner: Sam Wu; due: 2026-12-01)",
        "",
      ].join("\n"),
    );
  });

  it("says None under each empty heading", () => {
    expect(itemCommentMarkdown({ raci: [], risks: [], decisions: [], actionItems: [] }, labels)).toContain("**Decisions**\n\n- None\n");
  });
});
