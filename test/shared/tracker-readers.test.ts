import { readFileSync } from "node:fs";
import path from "node:path";
import { Window } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";
import { pageItemKeys, siteFor } from "../../shared/sites/adapters";
import { readRowTitle, readTrackerPage } from "../../shared/sites/readers";
import { trackerStatus } from "../../shared/sites/reading";

// What each site's reader finds of the tracker's own title, state and assignees on saved pages, served at their real URLs.

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");
const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function read(url: string, fixture: string) {
  const window = new Window({ url });
  windows.push(window);
  window.document.write(readFileSync(path.join(fixturesDir, fixture), "utf8"));
  const doc = window.document as unknown as Document;
  return readTrackerPage(pageItemKeys(url, doc)[0], doc);
}

describe("the tracker readers on saved pages", () => {
  it.each([
    // [page, fixture, title, state, assignees]
    ["https://github.com/acme/app/issues/7", "github/issue-closed.html", "Checkout times out for EU customers", "Closed", ["sam-ops"]],
    ["https://github.com/acme/app/issues/7", "github/issue.html", "Checkout times out for EU customers", "", []],
    [
      "https://gitlab.example.com/platform/checkout/-/issues/17",
      "gitlab/issue-closed-13.html",
      "Checkout times out for EU customers",
      "Closed",
      ["Zhang Wei"],
    ],
    ["https://gitlab.com/acme/platform/checkout/-/issues/17", "gitlab/issue.html", "Checkout times out for EU customers", "", []],
    ["https://jira.example.com/browse/PROJ-7", "jira/server-issue-resolved-zh.html", "支付服务商数据处理协议审核", "已解决", ["张伟"]],
    ["https://jira.example.com/browse/PROJ-7", "jira/server-issue.html", "Payment provider DPA review", "", []],
    ["https://acme.atlassian.net/browse/ACME-42", "jira/issue.html", "Payment provider DPA review", "", []],
    ["https://linear.app/acme/issue/ENG-12/checkout-timeouts-in-the-eu", "linear/issue.html", "Checkout timeouts in the EU", "", []],
    ["https://acme.pingcode.com/pjm/workitems/SCR-5", "pingcode/work-item-done.html", "欧洲区结账超时", "已完成", ["李娜"]],
    ["https://acme.pingcode.com/pjm/workitems/SCR-5", "pingcode/work-item.html", "欧洲区结账超时", "", []],
    ["https://app.asana.com/0/1200000000000001/1200000000000042", "asana/task.html", "Legal confirms the payment provider DPA", "", []],
    ["https://trello.com/c/Ab12Cd34/7-move-eu-checkout", "trello/card.html", "Move EU checkout to the regional endpoint", "", []],
  ])("reads %s (%s)", (url, fixture, title, state, assignees) => {
    expect(read(url, fixture)).toEqual({ title, state, assignees });
  });
});

describe("the titles list rows show", () => {
  it.each([
    ["https://github.com/acme/app/issues", "github/issues.html", "Refund emails go to spam"],
    ["https://gitlab.com/acme/platform/checkout/-/merge_requests", "gitlab/merge-requests.html", "Retry payment webhooks with backoff"],
    ["https://jira.example.com/secure/RapidBoard.jspa?rapidView=3", "jira/server-board.html", "Update refund policy page"],
  ])("reads each row's title on %s (%s)", (url, fixture, title) => {
    const window = new Window({ url });
    windows.push(window);
    window.document.write(readFileSync(path.join(fixturesDir, fixture), "utf8"));
    const doc = window.document as unknown as Document;
    const rows = [...siteFor(new URL(url), doc).rows(doc, new URL(url))];
    expect(rows.length).toBeGreaterThan(2);
    const titles = rows.map((row) => readRowTitle(row.key, row.element));
    expect(titles).toContain(title);
    expect(titles.every(Boolean)).toBe(true);
  });
});

describe("a tracker state's words", () => {
  it.each([
    ["Open", "open"],
    ["Reopened", "open"],
    ["In Review", "open"],
    ["进行中", "open"],
    ["未完成", "open"],
    ["待处理", "open"],
    ["Closed", "closed"],
    ["Closed as not planned", "closed"],
    ["Won't Fix", "closed"],
    ["已关闭", "closed"],
    ["已取消", "closed"],
    ["Merged", "merged"],
    ["已合并", "merged"],
    ["Done", "done"],
    ["Resolved", "done"],
    ["Completed", "done"],
    ["已完成", "done"],
    ["已解决", "done"],
    ["完成", "done"],
  ])("reads %s as %s", (words, status) => {
    expect(trackerStatus(words)).toBe(status);
  });

  it("reads no words as no status", () => {
    expect(trackerStatus("  ")).toBeNull();
  });
});
