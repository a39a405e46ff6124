import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture, typeIntoField } from "./support/browser";
import { connectProfile } from "./support/team";

const issueUrl = "https://github.com/acme/app/issues/7";
const quote = "Legal must confirm the new data processing agreement";

let api: Awaited<ReturnType<typeof startTestApi>>;
let pat: Profile;
let sam: Profile;

beforeAll(async () => {
  api = await startTestApi();
  pat = await launchProfile();
  sam = await launchProfile();
});

afterAll(async () => {
  await pat?.close();
  await sam?.close();
  await api?.stop();
});

function itemIn(panel: Page, text: string) {
  return panel.locator("li.item", { hasText: text });
}

describe("the core loop: capture in one browser, see it in a teammate's", () => {
  it("creates a workspace in one profile and joins it from another", async () => {
    const patOptions = await connectProfile(pat, api.url, { name: "Pat Lee", department: "Product" }, { create: "Acme" });
    await patOptions.getByText("You are Pat Lee (Product, admin)").waitFor();
    await patOptions.getByRole("button", { name: "Create invite code" }).click();
    const code = (await patOptions.locator("[data-invite-code]").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const samOptions = await connectProfile(sam, api.url, { name: "Sam Wu", department: "Engineering" }, { code });
    await samOptions.getByText("Connected to Acme").waitFor();

    // Pat's browser learns of the new member on its next sync.
    await patOptions.getByRole("button", { name: "Sync now" }).click();
    await patOptions.locator("ul.members li", { hasText: "Sam Wu" }).waitFor();
    await patOptions.close();
    await samOptions.close();
  });

  it("captures an action item from selected text on a GitHub issue", async () => {
    await serveFixture(pat.context, issueUrl, "github/issue.html");
    const page = await pat.context.newPage();
    await page.goto(issueUrl);
    // Select the sentence the way a user does: a triple click on its paragraph.
    await page.locator("#decision-line").click({ clickCount: 3 });
    await page.getByRole("button", { name: "Action item" }).click();

    const form = page.getByRole("dialog", { name: "New action item" });
    await expect(form.getByLabel("What needs to happen").inputValue()).resolves.toContain(quote);
    await form.getByLabel("Owner").fill("Sam Wu");
    // Picking a member fills in their department.
    await expect(form.getByLabel("Department").inputValue()).resolves.toBe("Engineering");
    await typeIntoField(form.getByLabel("Due date"), "12152026");
    await typeIntoField(form.getByLabel("Priority"), "High");
    await expect(form.getByLabel("Due date").inputValue()).resolves.toBe("2026-12-15");
    await expect(form.getByLabel("Priority").inputValue()).resolves.toBe("high");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Action item saved" }).waitFor();
    await expect(form.count()).resolves.toBe(0);

    const panel = await pat.openPage("sidepanel.html");
    await itemIn(panel, quote).waitFor();
    // Once pushed, the item no longer says it waits to be sent.
    await itemIn(panel, quote).locator(".pending").waitFor({ state: "detached", timeout: 15_000 });
    await panel.close();
    await page.close();
  });

  it("shows the item in the teammate's side panel with owner, due date and source, and syncs done back", async () => {
    const panel = await sam.openPage("sidepanel.html");
    const item = itemIn(panel, quote);
    await item.waitFor({ timeout: 20_000 });
    await expect(item.locator(".owner").textContent()).resolves.toBe("Sam Wu");
    await expect(item.locator(".department").textContent()).resolves.toBe("Engineering");
    await expect(item.locator(".due").textContent()).resolves.toContain("Dec 15, 2026");
    await expect(item.locator(".priority").textContent()).resolves.toBe("High");
    const source = item.locator(".source").getByRole("link");
    await expect(source.getAttribute("href")).resolves.toBe(issueUrl);
    await expect(source.textContent()).resolves.toContain("Checkout times out for EU customers");

    // It is Sam's: "Mine" keeps it.
    await panel.getByRole("button", { name: "Mine" }).click();
    await item.waitFor();

    await item.getByRole("checkbox", { name: /^Done:/ }).check();
    await item.locator(".pending").waitFor({ state: "detached", timeout: 15_000 });

    const patPanel = await pat.openPage("sidepanel.html");
    const patItem = itemIn(patPanel, quote);
    await patItem.waitFor();
    await expect.poll(() => patItem.getByRole("checkbox", { name: /^Done:/ }).isChecked(), { timeout: 20_000, interval: 250 }).toBe(true);
    await expect(patItem.locator(".status").textContent()).resolves.toBe("Done");
    // Pat is not the owner: "Mine" hides it.
    await patPanel.getByRole("button", { name: "Mine" }).click();
    await patItem.waitFor({ state: "detached" });
  });
});

describe("running the workspace from options", () => {
  it("lets the admin revoke an invite, add a department with its lead and rename the workspace", async () => {
    const options = await pat.openPage("options.html");
    await options.getByRole("heading", { name: "Invites" }).waitFor();
    const invites = options.locator("ul.invites li");
    await expect.poll(() => invites.count()).toBe(1);
    await invites.first().getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => invites.first().textContent()).toContain("revoked");

    const department = options.getByRole("form", { name: "Add department" });
    await department.getByLabel("Department").fill("Legal");
    await department.getByLabel("Lead").selectOption({ label: "Sam Wu" });
    await department.getByRole("button", { name: "Add department" }).click();
    await options.locator("ul.departments li", { hasText: "Legal · Lead: Sam Wu" }).waitFor();

    await options.getByLabel("Workspace name").fill("Acme Payments");
    await options.getByRole("button", { name: "Rename" }).click();
    await options.getByRole("heading", { name: "Connected to Acme Payments" }).waitFor();

    // The teammate is not an admin: they see the departments but cannot change them.
    const samOptions = await sam.openPage("options.html");
    await samOptions.getByRole("button", { name: "Sync now" }).click();
    await samOptions.locator("ul.departments li", { hasText: "Legal" }).waitFor({ timeout: 15_000 });
    await expect(samOptions.getByRole("form", { name: "Add department" }).count()).resolves.toBe(0);
    await expect(samOptions.getByRole("button", { name: "Make admin" }).count()).resolves.toBe(0);
    await samOptions.close();
    await options.close();
  });
});
