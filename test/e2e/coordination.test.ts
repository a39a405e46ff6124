import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture } from "./support/browser";
import { connectProfile } from "./support/team";

const issueUrl = "https://github.com/acme/app/issues/7";
let api: Awaited<ReturnType<typeof startTestApi>>;
let pat: Profile;
let sam: Profile;

beforeAll(async () => {
  api = await startTestApi();
  pat = await launchProfile();
  sam = await launchProfile();
  for (const profile of [pat, sam]) await serveFixture(profile.context, issueUrl, "github/issue.html");
  const options = await connectProfile(pat, api.url, { name: "Pat Lee", department: "Product" }, { create: "Acme" });
  await options.getByRole("button", { name: "Create invite code" }).click();
  const code = (await options.locator("[data-invite-code]").textContent()) ?? "";
  await options.close();
  await (await connectProfile(sam, api.url, { name: "Sam Wu", department: "Engineering" }, { code })).close();
});

afterAll(async () => {
  await pat?.close();
  await sam?.close();
  await api?.stop();
});

async function panelOn(profile: Profile, tab: string): Promise<Page> {
  const panel = await profile.openPage("sidepanel.html");
  await panel.getByRole("tab", { name: tab }).click();
  return panel;
}

describe("goals, check-ins and escalations across two members", () => {
  it("lets one member set a goal with an indicator and link a GitHub item to it", async () => {
    const panel = await panelOn(pat, "Goals");
    const form = panel.getByRole("form", { name: "New goal" });
    await form.getByLabel("Title").fill("EU checkout under 2 s");
    await form.getByLabel("Owner").fill("Pat Lee");
    await form.getByLabel("Due date").fill("2027-03-31");
    await form.getByLabel(/Linked items/).fill("acme/app#7");
    await form.getByRole("button", { name: "Create goal" }).click();
    const goal = panel.locator("article.goal", { hasText: "EU checkout under 2 s" });
    await goal.waitFor();
    await goal.getByText("Add indicator").first().click();
    const indicator = goal.getByRole("form", { name: "Add indicator" });
    await indicator.getByLabel("Indicator").fill("p95 latency");
    await indicator.getByLabel("Unit").fill("s");
    await indicator.getByLabel("Baseline").fill("30");
    await indicator.getByLabel("Target").fill("2");
    await indicator.getByRole("button", { name: "Add indicator" }).click();
    await goal.getByLabel("Current value of p95 latency").fill("16");
    await goal.getByLabel("Current value of p95 latency").press("Enter");
    await expect.poll(() => goal.locator('[role="progressbar"]').getAttribute("aria-valuenow")).toBe("50");
    await panel.close();
  });

  it("lets a second member post a check-in asking for help and escalate the same item", async () => {
    const panel = await panelOn(sam, "My work");
    const checkin = panel.getByRole("form", { name: /^Check-in for Engineering/ });
    await checkin.getByLabel("Status").selectOption("at-risk");
    await checkin.getByLabel("Blockers").fill("Launch date undecided");
    await checkin.getByLabel("Help needed from (department)").fill("Product");
    await checkin.getByLabel("What you need from them").fill("Decide the EU launch date");
    await checkin.getByRole("button", { name: "Post check-in" }).click();
    await panel.getByText("Check-in saved").waitFor();

    const page = await sam.context.newPage();
    await page.goto(issueUrl);
    await page.locator('liaison-chip[data-liaison-target="github:acme/app#7"] button.open').click();
    await page.close();
    await panel.reload();
    await panel.getByRole("tab", { name: "This page" }).click();
    await panel.getByText("Escalate").click();
    const escalate = panel.getByRole("form", { name: "Escalate" });
    await escalate.getByLabel("Title").fill("Launch before the DPA is signed?");
    await escalate.getByLabel("Departments").fill("Engineering, Product");
    await escalate.getByLabel(/What each side needs/).fill("Engineering: a launch date\nProduct: the regional endpoint");
    await escalate.getByLabel("Who decides").fill("Pat Lee");
    await escalate.getByLabel("Deadline").fill("2026-12-04");
    await escalate.getByRole("button", { name: "Open escalation" }).click();
    await panel.locator("li.escalation", { hasText: "Launch before the DPA is signed?" }).waitFor();
    // Everything reaches the server before the first member looks.
    await expect.poll(() => panel.locator(".pending").count(), { timeout: 15_000 }).toBe(0);
    await panel.close();
  });

  it("shows the first member the goal and the escalation on the chip, the request in My work, and all three in the report", async () => {
    const panel = await panelOn(pat, "My work");
    const requests = panel.locator(".help-requests");
    await expect
      .poll(async () => (await requests.textContent()) ?? "", { timeout: 20_000 })
      .toContain("Engineering: Decide the EU launch date");

    const page = await pat.context.newPage();
    await page.goto(issueUrl);
    const chip = page.locator('liaison-chip[data-liaison-target="github:acme/app#7"] .chip');
    await chip.waitFor();
    await expect.poll(() => chip.textContent(), { timeout: 10_000 }).toContain("1 escalated");
    await expect(chip.textContent()).resolves.toContain("Goal: EU checkout under 2 s");
    await page.close();

    await panel.getByRole("tab", { name: "Report" }).click();
    const report = await panel.locator("textarea.markdown").inputValue();
    expect(report).toContain("## Goals (1)");
    expect(report).toMatch(/- EU checkout under 2 s: 50%, (On track|At risk|Off track) \(due: 2027-03-31\)/);
    expect(report).toContain("  - p95 latency: 16 s (30 → 2, -14 since last week)");
    expect(report).toContain("## Department check-ins (1)");
    expect(report).toContain("- Engineering: At risk");
    expect(report).toContain("  - → Product: Decide the EU launch date");
    expect(report).toContain("## Escalations opened (1)");
    expect(report).toContain("- Launch before the DPA is signed? (Engineering / Product)");
    await panel.close();
  });
});
