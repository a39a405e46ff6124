// The minutes readers over saved pages of each site: tasks and decisions, owners, dates (English and Chinese, relative ones against the page's date) and tracker keys.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMinutes } from "../../shared/minutes/read";

function read(fixture: string, today = "2026-12-05") {
  const html = readFileSync(path.join(__dirname, "../fixtures/minutes", fixture), "utf8");
  const reading = readMinutes(new DOMParser().parseFromString(html, "text/html"), today);
  return { ...reading, items: reading.items.map(({ element: _, ...item }) => item) };
}
const brief = (items: ReturnType<typeof read>["items"]) =>
  items.map(({ kind, text, owner, due, checked }) => ({ kind, text, owner, due, checked }));

describe("Confluence", () => {
  it("reads Cloud's task list and Decision list: mentions as owners, date lozenges as due dates, Jira links and bare keys", () => {
    const page = read("confluence-cloud-meeting-notes.html");
    expect(page.title).toBe("2026-12-01 Payments sync");
    expect(page.date).toBe("2026-12-01");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "review the refund terms for PAY-101", owner: "Ana Diaz", due: "2026-12-12", checked: false },
      { kind: "action", text: "ship the regional endpoint PAY-102", owner: "Wei Zhang", due: "2026-12-11", checked: false },
      { kind: "action", text: "send the DPA draft to Legal", owner: "Olga Ruiz", due: "2026-12-12", checked: false },
      { kind: "action", text: "update the refunds FAQ", owner: "Ana Diaz", due: "2026-12-06", checked: true },
      { kind: "action", text: "add alerting for PAY-103", owner: "Wei Zhang", due: "2026-12-15", checked: false },
      { kind: "decision", text: "Ship the regional endpoint first (PAY-102)", owner: null, due: null, checked: false },
      { kind: "decision", text: "Refunds over 500 EUR need Legal sign-off", owner: null, due: null, checked: false },
    ]);
    expect(page.items[0].refs).toContain("https://acme.atlassian.net/browse/PAY-101");
    expect(page.items[4].refs).toEqual(["PAY-103"]);
    expect(page.items[0].line).toBe("@Ana Diaz review the refund terms for PAY-101 Dec 12, 2026");
  });

  it("reads the editor's and older renderers' form: each task wrapped in a list item of its own attribute, ticked by its state, read once", () => {
    const html = `<h1>Sync</h1><h2>Action items</h2><div data-task-list-local-id="l-1">
      <li data-task-local-id=""><div data-task-local-id="t-1" data-task-state="DONE"><span contenteditable="false"><input type="checkbox"></span><div data-component="content">send the notes</div></div></li>
      <li data-task-local-id=""><div data-task-local-id="t-2" data-task-state="TODO"><div data-component="content">book the room</div></div></li></div>`;
    const reading = readMinutes(new DOMParser().parseFromString(html, "text/html"), "2026-12-05");
    expect(reading.items.map(({ text, checked }) => ({ text, checked }))).toEqual([
      { text: "send the notes", checked: true },
      { text: "book the room", checked: false },
    ]);
  });

  it("reads Server's inline tasks (ticked by class), user links with their usernames, <time> and the Jira macro", () => {
    const page = read("confluence-server-meeting-notes.html");
    expect(page.date).toBe("2026-11-24");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "fix the release notes for REL-7", owner: "John Smith", due: "2026-12-02", checked: false },
      { kind: "action", text: "完成回归测试", owner: "Mei Li", due: "2026-12-04", checked: true },
      { kind: "action", text: "Book the retro room", owner: null, due: null, checked: false },
      { kind: "decision", text: "Freeze the release branch on Thursday", owner: null, due: null, checked: false },
    ]);
    expect(page.items[0].ownerHandle).toBe("jsmith");
    expect(page.items[0].refs).toEqual(["https://jira.acme.internal/browse/REL-7", "REL-7"]);
  });
});

describe("docs sites", () => {
  it("reads Notion to-dos (ticked by their box) and a Decision: line in a text block", () => {
    const page = read("notion-meeting-notes.html");
    expect(page.date).toBe("2026-12-03");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "draft the onboarding email for GRO-12", owner: "Ana Diaz", due: "2026-12-10", checked: false },
      { kind: "action", text: "发布 A/B 测试结果", owner: "Wei Zhang", due: "2026-12-04", checked: true },
      { kind: "decision", text: "pause the referral programme until January", owner: null, due: null, checked: false },
    ]);
    expect(page.items[0].refs).toContain("https://linear.app/acme/issue/GRO-12/onboarding-email");
  });

  it("reads Notion's HTML export: one to-do list per to-do, ticked by its box, sub-items apart", () => {
    const page = read("notion-export-meeting-notes.html");
    expect(page.title).toBe("Support sync 2026-12-02");
    expect(page.date).toBe("2026-12-02");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "Olga to answer the refund tickets tagged SUP-88", owner: null, due: "2026-12-04", checked: false },
      { kind: "action", text: "Publish the outage note", owner: null, due: null, checked: true },
      { kind: "action", text: "translate it", owner: null, due: "2026-12-07", checked: false },
      { kind: "decision", text: "refunds under 20 EUR are approved by support alone", owner: null, due: null, checked: false },
    ]);
    expect(page.items[0].refs).toEqual(["SUP-88"]);
  });

  it("reads a Google Docs checklist copied into another page (li[role=checkbox][aria-checked])", () => {
    const page = read("gdocs-copied-checklist.html", "2026-12-05");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "Book the launch room", owner: null, due: null, checked: true },
      { kind: "action", text: "finish the load test for acme/app#42", owner: "Wei Zhang", due: "2026-12-11", checked: false },
    ]);
    expect(page.items[1].refs).toEqual(["acme/app#42"]);
  });

  it("reads Feishu task blocks with @mentions and Chinese dates, and 决议 lines", () => {
    const page = read("feishu-docx-todos.html");
    expect(page.date).toBe("2026-12-02");
    expect(brief(page.items)).toEqual([
      { kind: "decision", text: "支付页改版延后到一月", owner: null, due: null, checked: false },
      { kind: "action", text: "完成 PAY-88 的联调", owner: "张伟", due: "2026-12-11", checked: false },
      { kind: "action", text: "提交预算", owner: "李梅", due: "2026-12-05", checked: true },
    ]);
    expect(page.items[1].refs).toEqual(["PAY-88"]);
  });

  it("reads Google Docs checklist lines from the canvas's labels", () => {
    const page = read("gdocs-checklist.html");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "renew the vendor contract VEN-4", owner: "Ana Diaz", due: "2026-12-18", checked: false },
      { kind: "action", text: "Send the invoice to finance", owner: null, due: "2026-12-09", checked: true },
    ]);
  });

  it("reads Linear documents' to-do items and mentions", () => {
    const page = read("linear-document.html");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "split ENG-12", owner: "Ana Diaz", due: "2026-12-08", checked: false },
      { kind: "action", text: "Archive the old roadmap", owner: null, due: null, checked: true },
      { kind: "decision", text: "ship the importer behind a flag", owner: null, due: null, checked: false },
    ]);
  });
});

describe("trackers' task lists", () => {
  it("reads GitHub task lists, user mentions with their logins, issue links and owner/repo#n", () => {
    const page = read("github-issue-tasklist.html");
    expect(brief(page.items)).toEqual([
      { kind: "decision", text: "Keep the beta flag until the audit passes", owner: null, due: null, checked: false },
      { kind: "action", text: "fix the flaky login test #7", owner: "octocat", due: "2026-12-12", checked: false },
      { kind: "action", text: "Update the changelog for acme/app#9", owner: null, due: null, checked: true },
    ]);
    expect(page.items[1].ownerHandle).toBe("octocat");
    expect(page.items[1].refs).toEqual(["https://github.com/acme/app/issues/7"]);
    expect(page.items[2].refs).toEqual(["acme/app#9"]);
  });

  it("reads GitLab task lists", () => {
    const page = read("gitlab-issue-tasklist.html");
    expect(brief(page.items)).toEqual([
      { kind: "action", text: "rotate the on-call keys", owner: "mli", due: "2026-12-04", checked: false },
      { kind: "action", text: "Close #12", owner: null, due: "2026-12-04", checked: true },
    ]);
  });
});

describe("plain minutes", () => {
  it("reads lines under Decisions and Action items headings, and lines marked Action:, TODO, AI:, 决定, 待办, 行动项", () => {
    const page = read("generic-minutes.html");
    expect(page.date).toBe("2026-12-02");
    expect(brief(page.items)).toEqual([
      { kind: "decision", text: "首页改版先做移动端", owner: null, due: null, checked: false },
      { kind: "decision", text: "Pricing stays as is for Q1", owner: null, due: null, checked: false },
      { kind: "action", text: "完成 PAY-12 的接口文档", owner: "张伟", due: "2026-12-11", checked: false },
      { kind: "action", text: "更新定价页", owner: "Ana", due: "2026-12-12", checked: false },
      { kind: "action", text: "follow up with Legal on PAY-13", owner: "Ana Diaz", due: "2026-12-11", checked: false },
      { kind: "action", text: "book the offsite venue", owner: null, due: "2026-12-03", checked: false },
      { kind: "action", text: "Wei to share the dashboard", owner: null, due: "2026-12-05", checked: false },
      { kind: "decision", text: "取消周五的评审会", owner: null, due: null, checked: false },
      { kind: "action", text: "整理会议纪要", owner: null, due: "2026-12-04", checked: false },
      { kind: "action", text: "review the budget", owner: "李梅", due: "2026-12-20", checked: false },
    ]);
    expect(page.items[2].refs).toEqual(["PAY-12"]);
  });

  it("finds nothing on a page without minutes, and uses today when the page has no date", () => {
    const doc = new DOMParser().parseFromString(
      "<title>Roadmap</title><h1>Roadmap</h1><p>We talked about Q1.</p><ul><li>Idea</li></ul>",
      "text/html",
    );
    expect(readMinutes(doc, "2026-12-05")).toMatchObject({ title: "Roadmap", date: "2026-12-05", items: [] });
  });
});
