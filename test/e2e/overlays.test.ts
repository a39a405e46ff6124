import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture, typeIntoField } from "./support/browser";
import { type ApiSession, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;
let browser: Profile;

const chip = (page: Page, key: string) => page.locator(`liaison-chip[data-liaison-target="${key}"]`);
const badge = (page: Page, key: string) => page.locator(`liaison-badges [data-liaison-target="${key}"]`);

beforeAll(async () => {
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme");
  await seed(api.url, lead, [
    { entity: "responsibility", fields: { target: "github:acme/app#7", person: "Pat Lee", department: "Product", role: "A" } },
    { entity: "responsibility", fields: { target: "github:acme/app#7", person: "Sam Wu", department: "Engineering", role: "R" } },
    { entity: "responsibility", fields: { target: "github:acme/app#7", person: "Lee Chen", department: "Support", role: "I" } },
    {
      entity: "risk",
      fields: { title: "EU checkout outage", targets: ["github:acme/app#7"], likelihood: 4, impact: 5, mitigation: "Regional endpoint" },
    },
    { entity: "risk", fields: { title: "Minor copy issue", targets: ["github:acme/app#7"], likelihood: 1, impact: 2 } },
    { entity: "decision", fields: { text: "Route EU payments through the new provider after the DPA", targets: ["github:acme/app#7"] } },
    { entity: "decision", fields: { text: "Support posts a status page update", targets: ["github:acme/app#7"] } },
    { entity: "action_item", fields: { text: "Legal confirms the DPA", targets: ["github:acme/app#7"], due: "2020-01-10" } },
    // #8 is owned and calm; #9 has a high risk; #10 has nobody accountable and nothing else.
    { entity: "responsibility", fields: { target: "github:acme/app#8", person: "Sam Wu", role: "A" } },
    { entity: "responsibility", fields: { target: "github:acme/app#9", person: "Sam Wu", role: "A" } },
    { entity: "risk", fields: { title: "Invoices unreadable", targets: ["github:acme/app#9"], likelihood: 3, impact: 5 } },
    { entity: "responsibility", fields: { target: "github:acme/app#11", person: "Sam Wu", role: "A" } },
    {
      entity: "responsibility",
      fields: { target: "jira:acme.atlassian.net/ACME-42", person: "Dana Ortiz", department: "Legal", role: "A" },
    },
    {
      entity: "responsibility",
      fields: { target: "jira:acme.atlassian.net/ACME-43", person: "Dana Ortiz", department: "Legal", role: "A" },
    },
    { entity: "action_item", fields: { text: "Regional endpoint live", targets: ["jira:acme.atlassian.net/ACME-41"], due: "2020-02-01" } },
    { entity: "responsibility", fields: { target: "jira:acme.atlassian.net/ACME-41", person: "Sam Wu", role: "A" } },
    { entity: "responsibility", fields: { target: "linear:acme/ENG-12", person: "Sam Wu", department: "Engineering", role: "A" } },
    { entity: "risk", fields: { title: "Timeouts return", targets: ["linear:acme/ENG-12"], likelihood: 2, impact: 4 } },
    { entity: "responsibility", fields: { target: "linear:acme/ENG-11", person: "Sam Wu", role: "A" } },
  ]);
  browser = await launchProfile();
  for (const [url, fixture] of [
    ["https://github.com/acme/app/issues/7", "github/issue.html"],
    ["https://github.com/acme/app/issues", "github/issues.html"],
    ["https://github.com/acme/app/issues/12", "github/issue-redesigned.html"],
    ["https://github.com/acme/app/issues/new", "github/issue.html"],
    ["https://acme.atlassian.net/browse/ACME-42", "jira/issue.html"],
    ["https://acme.atlassian.net/jira/software/projects/ACME/boards/1", "jira/board.html"],
    ["https://linear.app/acme/issue/ENG-12/checkout-timeouts-in-the-eu", "linear/issue.html"],
    ["https://linear.app/acme/team/ENG/active", "linear/list.html"],
  ]) {
    await serveFixture(browser.context, url, fixture);
  }
  const options = await connectProfile(
    browser,
    api.url,
    { name: "Sam Wu", department: "Engineering" },
    { code: await inviteCode(api.url, lead) },
  );
  // The first sync after joining brings the team's knowledge into the local store.
  await options.getByRole("button", { name: "Sync now" }).click();
  await options.getByText("Synced").waitFor();
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("overlays on tracker pages", () => {
  it("shows the accountable person, R/C/I, the top risk, decisions and open actions on a GitHub issue", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://github.com/acme/app/issues/7");
    const itemChip = chip(page, "github:acme/app#7");
    await itemChip.waitFor();
    const text = await itemChip.locator(".chip").textContent();
    expect(text).toContain("A: Pat Lee (Product)");
    expect(text).toContain("R 1 C 0 I 1");
    expect(text).toContain("Risk 20");
    expect(text).toContain("2 decisions · 1 open actions");
    await expect(itemChip.locator(".risk").getAttribute("class")).resolves.toContain("critical");
    // Inline after the title, not floating.
    await expect(page.locator('h1[data-component="PH_Title"] + liaison-chip').count()).resolves.toBe(1);
    await expect(page.locator("liaison-chip").count()).resolves.toBe(1);
    await page.close();
  });

  it("marks the list rows that need attention, without moving the page", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://github.com/acme/app/issues");
    const rowTop = await page.locator('a[href="/acme/app/issues/10"]').boundingBox();
    await badge(page, "github:acme/app#10").waitFor();
    await expect(badge(page, "github:acme/app#7").textContent()).resolves.toContain("Risk 20");
    await expect(badge(page, "github:acme/app#7").textContent()).resolves.toContain("1 overdue");
    await expect(badge(page, "github:acme/app#9").textContent()).resolves.toBe("Risk 15");
    await expect(badge(page, "github:acme/app#10").textContent()).resolves.toBe("No A");
    await expect(badge(page, "github:acme/app#8").count()).resolves.toBe(0);
    await expect(badge(page, "github:acme/app#11").count()).resolves.toBe(0);
    // One shadow root holds every badge; the page's own layout is untouched.
    await expect(page.locator("liaison-badges").count()).resolves.toBe(1);
    expect(await page.locator('a[href="/acme/app/issues/10"]').boundingBox()).toEqual(rowTop);
    await expect(page.locator("liaison-chip").count()).resolves.toBe(0);
    await page.close();
  });

  it("follows in-app navigation from a list to an item and back, without duplicates", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://github.com/acme/app/issues");
    await badge(page, "github:acme/app#7").waitFor();
    await page.locator('a[href="/acme/app/issues/7"]').click();
    await chip(page, "github:acme/app#7").waitFor({ timeout: 2000 });
    await expect(page.locator("liaison-chip").count()).resolves.toBe(1);
    await expect(page.locator("liaison-badges .badge").count()).resolves.toBe(0);

    await page.goBack();
    await badge(page, "github:acme/app#10").waitFor({ timeout: 2000 });
    await expect(page.locator("liaison-chip").count()).resolves.toBe(0);
    await expect(page.locator("liaison-badges").count()).resolves.toBe(1);
    await page.close();
  });

  it("floats the chip when the page's markup matches no known title, and shows none on a new-issue form", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://github.com/acme/app/issues/12");
    const floating = chip(page, "github:acme/app#12");
    await floating.locator(".chip").waitFor();
    await expect(floating.locator(".chip").getAttribute("class")).resolves.toContain("floating");
    await expect(floating.locator(".chip").textContent()).resolves.toContain("No accountable");

    await page.goto("https://github.com/acme/app/issues/new");
    await page.waitForFunction(() => performance.getEntriesByName("liaison:painted").length > 0);
    await expect(page.locator("liaison-chip").count()).resolves.toBe(0);
    await page.close();
  });

  it("works on Jira issues and boards", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://acme.atlassian.net/browse/ACME-42");
    const itemChip = chip(page, "jira:acme.atlassian.net/ACME-42");
    await itemChip.waitFor();
    await expect(itemChip.locator(".chip").textContent()).resolves.toContain("A: Dana Ortiz (Legal)");

    await page.goto("https://acme.atlassian.net/jira/software/projects/ACME/boards/1");
    await badge(page, "jira:acme.atlassian.net/ACME-41").waitFor();
    await expect(badge(page, "jira:acme.atlassian.net/ACME-41").textContent()).resolves.toBe("1 overdue");
    await expect(badge(page, "jira:acme.atlassian.net/ACME-42").count()).resolves.toBe(0);
    await page.close();
  });

  it("works on Linear issues and lists, in the page's dark theme", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://linear.app/acme/issue/ENG-12/checkout-timeouts-in-the-eu");
    const itemChip = chip(page, "linear:acme/ENG-12");
    await itemChip.waitFor();
    await expect(itemChip.locator(".chip").textContent()).resolves.toContain("Risk 8");
    await expect(itemChip.locator(".root").getAttribute("data-theme")).resolves.toBe("dark");

    await page.goto("https://linear.app/acme/team/ENG/active");
    await badge(page, "linear:acme/ENG-13").waitFor();
    await expect(badge(page, "linear:acme/ENG-11").count()).resolves.toBe(0);
    await expect(badge(page, "linear:acme/ENG-12").count()).resolves.toBe(0);
    await page.close();
  });

  it("updates the chip in place when a teammate's change arrives", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://acme.atlassian.net/browse/ACME-42");
    const itemChip = chip(page, "jira:acme.atlassian.net/ACME-42");
    await itemChip.waitFor();
    await seed(api.url, lead, [
      {
        entity: "risk",
        fields: { title: "DPA not signed in time", targets: ["jira:acme.atlassian.net/ACME-42"], likelihood: 5, impact: 5 },
      },
    ]);
    const panel = await browser.openPage("sidepanel.html");
    // The open side panel syncs every few seconds; the chip redraws when the store changes.
    await expect.poll(() => itemChip.locator(".chip").textContent(), { timeout: 20_000 }).toContain("Risk 25");
    await panel.close();
    await page.close();
  });

  it("captures a risk from selected text, linked to the item, and the chip shows it", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://linear.app/acme/issue/ENG-12/checkout-timeouts-in-the-eu");
    const itemChip = chip(page, "linear:acme/ENG-12");
    await expect.poll(() => itemChip.locator(".chip").textContent()).toContain("Risk 8");
    await page.locator('[aria-label="Issue description"] p').click({ clickCount: 3 });
    await page.getByRole("button", { name: "Risk" }).click();
    const form = page.getByRole("dialog", { name: "New risk" });
    await expect(form.getByLabel("Title").inputValue()).resolves.toContain("Requests from the EU region time out");
    await typeIntoField(form.getByLabel("Likelihood (1-5)"), "5");
    await typeIntoField(form.getByLabel("Impact (1-5)"), "5");
    await form.getByLabel("Mitigation").fill("Fail over to the US endpoint");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Risk saved" }).waitFor();
    await expect.poll(() => itemChip.locator(".chip").textContent()).toContain("Risk 25");
    await page.close();
  });

  it("opens the side panel on the item when its chip is clicked", async () => {
    const page = await browser.context.newPage();
    await page.goto("https://github.com/acme/app/issues/7");
    await chip(page, "github:acme/app#7").locator("button.open").click();
    const panel = await browser.openPage("sidepanel.html");
    // Opened on the item: "This page" shows it, with its action items.
    await panel.locator(".page-key code", { hasText: "github:acme/app#7" }).waitFor();
    await expect(panel.getByRole("tab", { name: "This page" }).getAttribute("aria-selected")).resolves.toBe("true");
    await panel.locator("li.item", { hasText: "Legal confirms the DPA" }).waitFor();
    await panel.close();
    await page.close();
  });
});

describe("self-hosted trackers", () => {
  it("offers to add one in options, and registers nothing the user has not granted", async () => {
    const options = await browser.openPage("options.html");
    await options.getByRole("heading", { name: "Self-hosted trackers" }).waitFor();
    await options.getByLabel("Tracker address").fill("not a host");
    await options.getByRole("button", { name: "Add tracker" }).click();
    await options.getByRole("alert").filter({ hasText: "Type a web address" }).waitFor();

    // A message claiming a host the user never granted is refused by the background.
    // Evaluated in the extension page, where `chrome` is the extension API.
    const refused = await options.evaluate(
      `chrome.runtime.sendMessage({ type: "hosts.add", origin: "https://gitlab.example.com", kind: "gitlab" })`,
    );
    expect(refused).toEqual({ ok: false, error: "Liaison has no permission for https://gitlab.example.com" });
    const registered = await options.evaluate("chrome.scripting.getRegisteredContentScripts()");
    expect(registered).toEqual([]);
    await options.close();
  });
});
