import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../scripts/server.mjs";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture } from "./support/browser";
import { apiCall, connectProfile, createWorkspaceViaApi, inviteCode, optionsLabels, seed } from "./support/team";

/** YYYY-MM-DD in this machine's time zone, `offset` days from today. */
const day = (offset: number) => {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

interface TeamNames {
  me: string;
  lead: string;
  department: string;
  item: (n: number) => string;
  risk: (n: number) => string;
  meeting: string;
  decision: string;
}

const english: TeamNames = {
  me: "Sam Wu",
  lead: "Pat Lee",
  department: "Engineering",
  item: (n) => `Item ${n}`,
  risk: (n) => `Risk ${n}`,
  meeting: "Payments sync",
  decision: "Ship the regional endpoint first",
};

const chinese: TeamNames = {
  me: "吴三",
  lead: "李明",
  department: "研发部",
  item: (n) => `事项${n}`,
  risk: (n) => `风险${n}`,
  meeting: "支付周会",
  decision: "先上线区域节点",
};

let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
});

/** A workspace with a lead (through the API) and this browser's member, and a week of work between them. */
async function team(profile: Profile, names: TeamNames, labels = optionsLabels.en) {
  const lead = await createWorkspaceViaApi(api.url, names.meeting, { name: names.lead, department: names.department });
  const options = await connectProfile(
    profile,
    api.url,
    { name: names.me, department: names.department },
    { code: await inviteCode(api.url, lead) },
    labels,
  );
  await options.close();
  const { members } = await apiCall<{ members: Array<{ id: string; name: string }> }>(api.url, "/v1/members", { token: lead.token });
  const me = members.find((m) => m.name === names.me)?.id as string;
  const [meetingId] = await seed(api.url, lead, [
    {
      entity: "meeting",
      fields: { title: names.meeting, date: day(0), departments: [names.department], attendees: [names.lead, names.me] },
    },
  ]);
  const jira = "jira:acme.atlassian.net/ACME-42";
  await seed(api.url, lead, [
    { entity: "decision", fields: { text: names.decision, meeting: meetingId, targets: [jira], date: day(0) } },
    {
      entity: "action_item",
      fields: { text: names.item(1), owner: names.me, ownerId: me, department: names.department, due: day(-3), meeting: meetingId },
    },
    {
      entity: "action_item",
      fields: { text: names.item(2), owner: names.me, ownerId: me, department: names.department, due: day(-1), targets: [jira] },
    },
    { entity: "action_item", fields: { text: names.item(3), owner: names.me, ownerId: me, department: names.department, due: day(2) } },
    { entity: "action_item", fields: { text: names.item(4), owner: names.me, ownerId: me, department: names.department, due: day(30) } },
    { entity: "action_item", fields: { text: names.item(5), department: names.department } },
    {
      entity: "risk",
      fields: {
        title: names.risk(1),
        likelihood: 4,
        impact: 5,
        department: names.department,
        owner: names.lead,
        mitigation: "M1",
        contingency: "C1",
        reviewOn: day(-1),
        targets: [jira],
      },
    },
    { entity: "risk", fields: { title: names.risk(2), likelihood: 4, impact: 5, department: names.department, owner: names.me } },
    { entity: "risk", fields: { title: names.risk(3), likelihood: 1, impact: 2, department: names.department, status: "closed" } },
    { entity: "responsibility", fields: { target: jira, person: names.lead, role: "A", department: names.department } },
    { entity: "responsibility", fields: { target: jira, person: names.me, role: "A", department: names.department } },
  ]);
  return { lead, meetingId };
}

describe("the side panel, in English", () => {
  let profile: Profile;
  let panel: Page;
  let lead: Awaited<ReturnType<typeof team>>["lead"];

  beforeAll(async () => {
    profile = await launchProfile();
    ({ lead } = await team(profile, english));
    panel = await profile.openPage("sidepanel.html");
    await panel.getByRole("tab", { name: "Action items" }).click();
    await panel.locator("li.item", { hasText: "Item 5" }).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await profile?.close();
  });

  it("groups my open work, and the toolbar badge counts my overdue items and unread For me entries", async () => {
    await panel.getByRole("tab", { name: "My work" }).click();
    expect((await panel.locator(".my-work h2").allTextContents()).slice(0, 3)).toEqual(["Overdue (2)", "Due this week (1)", "Later (1)"]);
    await expect(panel.locator(".my-work section").first().locator("li.item .text").allTextContents()).resolves.toEqual([
      "Item 1",
      "Item 2",
    ]);
    // The lead assigned me five items, the two overdue among them: unread in For me, each counted once on the badge.
    await panel.getByRole("tab", { name: "For me (5)" }).waitFor();
    await expect.poll(() => panel.evaluate("chrome.action.getBadgeText({})"), { timeout: 10_000 }).toBe("5");
  });

  it("moves between views with the arrow keys", async () => {
    await panel.getByRole("tab", { name: "My work" }).focus();
    await panel.keyboard.press("ArrowRight");
    await expect(panel.getByRole("tab", { name: "Action items" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(panel.evaluate("document.activeElement.textContent")).resolves.toBe("Action items");
  });

  it("shows the item of a clicked chip: RACI by department with warnings, risks with plans, decisions, actions", async () => {
    await serveFixture(profile.context, "https://acme.atlassian.net/browse/ACME-42", "jira/issue.html");
    const page = await profile.context.newPage();
    await page.goto("https://acme.atlassian.net/browse/ACME-42");
    await page.locator('liaison-chip[data-liaison-target="jira:acme.atlassian.net/ACME-42"] button.open').click();
    await panel.reload();
    await panel.getByRole("tab", { name: "This page" }).click();
    const view = panel.locator(".this-page");
    await view.locator(".page-key code", { hasText: "jira:acme.atlassian.net/ACME-42" }).waitFor();
    // What the tracker says, read once the page has settled: the items' lists name the issue by its title.
    await view.locator(".item-title", { hasText: "Payment provider DPA review" }).first().waitFor({ timeout: 10_000 });
    await page.close();
    await expect(view.locator(".warnings li").allTextContents()).resolves.toEqual([
      "More than one person is accountable.",
      "Nobody is responsible.",
    ]);
    await expect(view.locator(".raci dt").allTextContents()).resolves.toEqual(["Engineering"]);
    await expect(view.locator(".risk-row").first().textContent()).resolves.toMatch(/20.*Risk 1.*Mitigation: M1.*Contingency plan: C1/);
    await expect(view.getByText("Ship the regional endpoint first")).toBeTruthy();
    await view.locator("li.item", { hasText: "Item 2" }).waitFor();

    // Naming a responsible person clears that warning.
    await view.getByLabel("Person").fill("Lee Chen");
    await view.getByLabel("Role").selectOption("R");
    await view.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => view.locator(".warnings li").allTextContents()).toEqual(["More than one person is accountable."]);
  });

  it("keeps the risk register with a heatmap whose cells count and list their risks", async () => {
    await panel.getByRole("tab", { name: "Risks" }).click();
    await expect(panel.locator('[data-cell="4x5"] button').textContent()).resolves.toBe("2");
    await expect(panel.locator('[data-cell="1x2"] button').textContent()).resolves.toBe("1");
    await expect(panel.locator('[data-cell="5x5"] button').textContent()).resolves.toBe("");
    await panel.locator('[data-cell="4x5"] button').click();
    expect((await panel.locator(".risk-list li strong").allTextContents()).sort()).toEqual(["Risk 1", "Risk 2"]);
    await expect(panel.locator(".risk-list li.review-due strong").allTextContents()).resolves.toEqual(["Risk 1"]);
    await panel.locator(".filters-row").getByLabel("Status").selectOption("closed");
    await expect(panel.locator('[data-cell="4x5"] button').textContent()).resolves.toBe("");
    await expect(panel.locator('[data-cell="1x2"] button').textContent()).resolves.toBe("1");
    await panel.locator(".filters-row").getByLabel("Status").selectOption("");
  });

  it("records a meeting's decisions and exports its minutes as Markdown", async () => {
    await panel.getByRole("tab", { name: "Meetings" }).click();
    await panel.getByRole("button", { name: "Payments sync" }).click();
    const decisionForm = panel.getByRole("form", { name: "Add decision" });
    await decisionForm.getByLabel("Decision").fill("Legal signs the DPA by Friday");
    await decisionForm.getByLabel(/Linked items/).fill("ACME-42");
    await decisionForm.getByRole("button", { name: "Add decision" }).click();
    await panel.locator("li", { hasText: "Legal signs the DPA by Friday" }).waitFor();
    const minutes = await panel.locator("textarea.markdown").inputValue();
    expect(minutes).toContain("# Minutes: Payments sync");
    expect(minutes).toContain("- Attendees: Pat Lee, Sam Wu");
    expect(minutes).toContain("- Ship the regional endpoint first (jira:acme.atlassian.net/ACME-42)");
    expect(minutes).toContain("- Legal signs the DPA by Friday (jira:acme.atlassian.net/ACME-42)");
    expect(minutes).toContain(`- [ ] Item 1 (owner: Sam Wu, Engineering; due: ${day(-3)})`);

    await decisionForm.getByLabel("Decision").fill("Something about ENG-999");
    await decisionForm.getByLabel(/Linked items/).fill("ENG-999");
    await decisionForm.getByRole("button", { name: "Add decision" }).click();
    await panel.getByRole("alert").filter({ hasText: "Cannot tell which item these are: ENG-999" }).waitFor();
  });

  it("lists coordination gaps", async () => {
    await panel.getByRole("tab", { name: "Gaps" }).click();
    const section = (title: RegExp) => panel.locator(".gaps section", { has: panel.getByRole("heading", { name: title }) });
    await expect(
      section(/^Items with several accountable/)
        .locator("li")
        .allTextContents(),
      // The tracker's own title, read when the chip test opened the issue, then the key.
    ).resolves.toEqual(["Payment provider DPA review jira:acme.atlassian.net/ACME-42"]);
    await expect(
      section(/^Action items with no owner/)
        .locator("li")
        .allTextContents(),
    ).resolves.toEqual(["Item 5"]);
    await expect(
      section(/^Action items with no due date/)
        .locator("li")
        .allTextContents(),
    ).resolves.toEqual(["Item 5"]);
    await expect(
      section(/^Overdue work per department/)
        .locator("tr")
        .allTextContents(),
    ).resolves.toEqual(["Engineering2"]);
  });

  it("writes the weekly report as Markdown", async () => {
    await panel.getByRole("tab", { name: "Report" }).click();
    const report = await panel.locator("textarea.markdown").inputValue();
    expect(report).toMatch(/^# Weekly report \d{4}-W\d{2} /);
    expect(report).toContain("## Engineering");
    expect(report).toContain("### Open (5)");
    expect(report).toContain("### Overdue (2)");
    expect(report).toContain(`- [ ] Item 2 (owner: Sam Wu, Engineering; due: ${day(-1)})`);
    expect(report).toContain("- Risk 1: 20 (critical), open");
    expect(report).toMatch(/## Decisions \([23]\)/);
    expect(report).toContain("- Ship the regional endpoint first");
  });

  it("searches action items, decisions and risks", async () => {
    await panel.getByRole("tab", { name: "Search" }).click();
    await panel.getByLabel(/^Search action items/).fill("regional");
    await expect(panel.locator(".search-hits li").allTextContents()).resolves.toEqual([
      "Decision Ship the regional endpoint first · Payment provider DPA review jira:acme.atlassian.net/ACME-42",
    ]);
    // Every word must match, in any field: here the mitigation plan.
    await panel.getByLabel(/^Search action items/).fill("risk m1");
    await expect(panel.locator(".search-hits li").allTextContents()).resolves.toEqual([
      "Risk Risk 1 · Payment provider DPA review jira:acme.atlassian.net/ACME-42",
    ]);
  });

  it("opens on a long list with its newest page first, then offers the rest", async () => {
    const bulk = Array.from({ length: 120 }, (_, i) => ({
      entity: "action_item",
      fields: { text: `Bulk ${i}`, owner: english.lead, department: english.department, due: day(60) },
    }));
    await seed(api.url, lead, bulk.slice(0, 100));
    await seed(api.url, lead, bulk.slice(100));
    await panel.getByRole("tab", { name: "Action items" }).click();
    await panel.getByRole("button", { name: "Show more (25 left)" }).waitFor({ timeout: 20_000 });
    const listed = await panel.locator("li.item .text").allTextContents();

    // A panel opened now reads the first page through the store's newest-first index, then the rest.
    const fresh = await profile.openPage("sidepanel.html");
    await fresh.getByRole("tab", { name: "Action items" }).click();
    await fresh.getByRole("button", { name: "Show more (25 left)" }).waitFor({ timeout: 20_000 });
    await expect(fresh.locator("li.item .text").allTextContents()).resolves.toEqual(listed);
    expect(listed).toHaveLength(100);
    expect(listed.filter((text) => text.startsWith("Bulk"))).toHaveLength(100);
    await fresh.close();
  });
});

/** Every English string of the catalogue, in the pieces a page can show (placeholders cut out). */
function englishPieces(): string[] {
  const read = (lang: string) =>
    JSON.parse(readFileSync(path.join(root, "extension/public/_locales", lang, "messages.json"), "utf8")) as Record<
      string,
      { message: string }
    >;
  const en = read("en");
  const zh = read("zh_CN");
  const pieces = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    if (zh[key]?.message === message) continue; // the same in both (product names such as GitLab)
    if (key === "extName") continue; // the brand, shown as is in every language
    for (const piece of message.split(/\$[A-Za-z0-9_]+\$/)) {
      const trimmed = piece
        .trim()
        .replace(/^[·:(),.]+|[·:(),.]+$/g, "")
        .trim();
      if (/[A-Za-z]{3}/.test(trimmed) && trimmed.length >= 4) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** All text a user can meet on the page: visible text, labels, placeholders, titles, inside shadow roots too. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const parts = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll("*")) {
        for (const name of ["aria-label", "placeholder", "title", "alt"]) if (el.getAttribute(name)) parts.push(el.getAttribute(name));
        if (el.shadowRoot) visit(el.shadowRoot);
      }
      for (const area of root.querySelectorAll("textarea.markdown")) parts.push(area.value);
      if (root.body) parts.push(root.body.innerText);
      else {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!["STYLE", "SCRIPT"].includes(node.parentElement?.tagName)) parts.push(node.textContent);
        }
      }
    };
    visit(document);
    return parts.join("\\n");
  })()`);
}

describe("the whole UI in Simplified Chinese", () => {
  let profile: Profile;

  beforeAll(async () => {
    profile = await launchProfile({ lang: "zh-CN" });
    await team(profile, chinese, optionsLabels.zh);
  });

  afterAll(async () => {
    await profile?.close();
  });

  it("leaves no English label in the side panel's views, the options page or the overlay", async () => {
    const pieces = englishPieces();
    const leftovers = (text: string) => pieces.filter((piece) => text.includes(piece));
    const panel = await profile.openPage("sidepanel.html");
    await panel.getByRole("tab", { name: "行动项" }).click();
    await panel.locator("li.item", { hasText: "事项5" }).waitFor({ timeout: 20_000 });
    const tabs = await panel.getByRole("tab").allTextContents();
    expect(tabs).toEqual(["当前页面", "给我的 (5)", "我的工作", "行动项", "会议", "风险", "目标", "协作缺口", "周报", "搜索", "回收站"]);
    for (const tab of tabs) {
      await panel.getByRole("tab", { name: tab }).click();
      if (tab === "会议") await panel.getByRole("button", { name: "支付周会" }).click();
      const text = await shownText(panel);
      expect(leftovers(text), `view ${tab}: ${text}`).toEqual([]);
    }
    const report = await (async () => {
      await panel.getByRole("tab", { name: "周报" }).click();
      return panel.locator("textarea.markdown").inputValue();
    })();
    expect(report).toContain("# 周报");
    expect(report).toContain("### 已逾期 (2)");

    const options = await profile.openPage("options.html");
    await options.getByRole("heading", { name: /^已连接到 / }).waitFor();
    expect(leftovers(await shownText(options))).toEqual([]);

    await serveFixture(profile.context, "https://acme.atlassian.net/browse/ACME-42", "jira/issue.html");
    const page = await profile.context.newPage();
    await page.goto("https://acme.atlassian.net/browse/ACME-42");
    const chip = page.locator('liaison-chip[data-liaison-target="jira:acme.atlassian.net/ACME-42"] .chip');
    await chip.waitFor();
    await expect(chip.textContent()).resolves.toContain("项决定");
    const chipText = (await shownText(page)).split("\n").filter((line) => line.includes("Liaison") || line.includes("风险"));
    expect(leftovers(chipText.join("\n")), chipText.join("\n")).toEqual([]);
  });
});
