import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteCases } from "../extension/site-cases";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture } from "./support/browser";
import { type ApiSession, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

// Every site's item page, served at its real URL, gets its chip in the built extension.
// Self-hosted pages are left to the contract test: the content script only runs on the
// static tracker hosts here.
const itemPages = siteCases.filter((c) => !c.selfHosted);

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;
let browser: Profile;

beforeAll(async () => {
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme");
  await seed(
    api.url,
    lead,
    itemPages.map((c) => ({
      entity: "responsibility",
      fields: { target: c.itemKey, person: "Dana Ortiz", department: "Legal", role: "A" },
    })),
  );
  browser = await launchProfile();
  for (const c of itemPages) await serveFixture(browser.context, c.itemUrl, c.itemFixture);
  const options = await connectProfile(
    browser,
    api.url,
    { name: "Sam Wu", department: "Engineering" },
    { code: await inviteCode(api.url, lead) },
  );
  await options.getByRole("button", { name: "Sync now" }).click();
  await options.getByText("Synced").waitFor();
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("overlays on every tracker and docs site", () => {
  it.each(itemPages)("$site: $itemUrl gets the chip of $itemKey", async (c) => {
    const page = await browser.context.newPage();
    await page.goto(c.itemUrl);
    const chip = page.locator(`liaison-chip[data-liaison-target="${c.itemKey}"]`);
    await chip.locator(".chip").waitFor();
    await expect(chip.locator(".chip").textContent()).resolves.toContain("A: Dana Ortiz (Legal)");
    // Inline after the title where the site has one; floating where no title hook is known.
    await expect(chip.locator(".chip").getAttribute("class")).resolves.toBe(c.anchored ? "chip" : "chip floating");
    await expect(chip.evaluate((element) => element.parentElement === document.body)).resolves.toBe(!c.anchored);
    await expect(page.locator("liaison-chip").count()).resolves.toBe(1);
    await page.close();
  });
});
