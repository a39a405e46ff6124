// End to end in Firefox ESR: the Firefox build, loaded into Firefox, joins a workspace from its options page, syncs the team's records into the sidebar page, draws the chip and the list's badges on GitHub pages, and reads a notes page minutes were imported from.
import { readFile } from "node:fs/promises";
import path from "node:path";
import puppeteer, { type Browser, type ElementHandle, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFirefox } from "../../scripts/ensure-browsers.mjs";
import { buildExtension, quietEnv, root } from "../../scripts/server.mjs";
import { startTestApi } from "./support/api";
import { fixturesDir } from "./support/browser";
import { type ApiSession, createWorkspaceViaApi, inviteCode, newId, optionsLabels, seed } from "./support/team";

const extensionDir = path.join(root, ".output", "firefox-mv3");
/** The extension's internal address, fixed through Firefox's own preference for it (each install draws a new one otherwise). */
const uuid = "5d1a3a0e-7c3b-4f7e-9a51-2f9d7e6c4b10";
const issueUrl = "https://github.com/acme/app/issues/7";
const listUrl = "https://github.com/acme/app/issues";

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;
let firefox: Browser;

beforeAll(async () => {
  // The black-box test variant (open shadow roots), as the Chrome tests load; firefox-build.test.ts lints the release build.
  await buildExtension("firefox", { quiet: true, env: { ...quietEnv, LIAISON_OPEN_SHADOW_ROOTS: "1" } });
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme");
  await seed(api.url, lead, [
    { entity: "responsibility", fields: { target: "github:acme/app#7", person: "Pat Lee", department: "Product", role: "A" } },
    { entity: "risk", fields: { title: "EU checkout outage", targets: ["github:acme/app#7"], likelihood: 4, impact: 5 } },
    { entity: "action_item", fields: { text: "Legal confirms the DPA", targets: ["github:acme/app#7"], due: "2020-01-10" } },
    { entity: "risk", fields: { title: "Invoices unreadable", targets: ["github:acme/app#9"], likelihood: 3, impact: 5 } },
    { entity: "responsibility", fields: { target: "github:acme/app#8", person: "Sam Wu", role: "A" } },
  ]);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error("Firefox not found: run scripts/ensure-browsers.mjs or set FIREFOX_PATH");
  firefox = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: { "extensions.webextensions.uuids": JSON.stringify({ "liaison@liaison.app": uuid }) },
  });
  await firefox.installExtension(extensionDir);
}, 180_000);

afterAll(async () => {
  await firefox?.close();
  await api?.stop();
});

/** Opens one of Liaison's pages in a tab (Firefox tells WebDriver of no load event for them: the page's own state is awaited). */
async function openExtensionPage(file: string): Promise<Page> {
  const page = await firefox.newPage();
  void page.goto(`moz-extension://${uuid}/${file}`, { timeout: 5_000 }).catch(() => {});
  await page.waitForFunction((name) => location.pathname.endsWith(name) && document.readyState === "complete", { timeout: 20_000 }, file);
  return page;
}

/** A tracker page as the site serves it: the saved fixture (edited by `change`), answered by the browser at the page's real address. */
async function openFixture(url: string, fixture: string, change = (html: string) => html): Promise<Page> {
  const body = change(await readFile(path.join(fixturesDir, fixture), "utf8"));
  const page = await firefox.newPage();
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) void request.respond({ status: 200, contentType: "text/html; charset=utf-8", body });
    else void request.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return page;
}

/** The form field a label names, typed into as a person does (replacing what is there). */
async function typeInto(page: Page, label: string, text: string) {
  const field = (await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll("label")].find((l) => l.textContent?.trim().replace(/\s+/g, " ").startsWith(name))?.control ?? null,
    { timeout: 10_000 },
    label,
  )) as ElementHandle<HTMLInputElement>;
  await field.click({ count: 3 });
  await field.evaluate((input) => input.select());
  await field.type(text);
}

async function clickButton(page: Page, name: string) {
  const button = (await page.waitForFunction(
    (text) => [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === text) ?? null,
    { timeout: 10_000 },
    name,
  )) as ElementHandle<HTMLButtonElement>;
  await button.click();
}

/** What the tests ask of Firefox's extension API, from one of Liaison's own pages. */
interface ExtensionApi {
  browser: {
    tabs: { query(query: { url: string }): Promise<Array<{ id: number }>> };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
  };
}

const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? "");
/** The words of an overlay's element drawn inside its host's shadow root. */
const shadowText = (page: Page, host: string, selector: string) =>
  page.$eval(host, (element, inside) => element.shadowRoot?.querySelector(inside)?.textContent ?? null, selector);

describe("Liaison in Firefox", () => {
  it("joins the workspace from its options page", async () => {
    const labels = optionsLabels.en;
    const options = await openExtensionPage("options.html");
    await typeInto(options, labels.serverUrl, api.url);
    await typeInto(options, labels.yourName, "Ana Diaz");
    await typeInto(options, labels.department, "Legal");
    await typeInto(options, labels.inviteCode, await inviteCode(api.url, lead));
    await clickButton(options, labels.joinWorkspace);
    await options.waitForFunction(() => [...document.querySelectorAll("h2, h1")].some((h) => /^Connected to /.test(h.textContent ?? "")), {
      timeout: 20_000,
    });
    await options.close();
  });

  it("syncs the team's records into the sidebar", async () => {
    const sidebar = await openExtensionPage("sidepanel.html");
    await sidebar.waitForFunction(() => document.body.textContent?.includes("Legal confirms the DPA"), { timeout: 30_000 });
    expect(await bodyText(sidebar)).toContain("Legal confirms the DPA");
    await sidebar.close();
  });

  it("draws the chip on an issue and the badges on its list", async () => {
    const issue = await openFixture(issueUrl, "github/issue.html");
    const chip = 'liaison-chip[data-liaison-target="github:acme/app#7"]';
    await issue.waitForSelector(chip, { timeout: 20_000 });
    await issue.waitForFunction((host) => document.querySelector(host)?.shadowRoot?.querySelector(".chip"), { timeout: 10_000 }, chip);
    const text = await shadowText(issue, chip, ".chip");
    expect(text).toContain("A: Pat Lee (Product)");
    expect(text).toContain("Risk 20");
    // Inline after the issue's title, not floating.
    expect(await issue.$('h1[data-component="PH_Title"] + liaison-chip')).not.toBeNull();
    await issue.close();

    const list = await openFixture(listUrl, "github/issues.html");
    const badge = (key: string) => `[data-liaison-target="${key}"]`;
    /** Waits until the badge of a row reads as expected (the list's badges are drawn in slices). */
    const badgeReads = (key: string, words: string[]) =>
      list.waitForFunction(
        (selector, expected) => {
          const text = document.querySelector("liaison-badges")?.shadowRoot?.querySelector(selector)?.textContent ?? "";
          return expected.every((word) => text.includes(word));
        },
        { timeout: 20_000 },
        badge(key),
        words,
      );
    // #9: a high risk and nobody accountable; #7: an overdue action item.
    await badgeReads("github:acme/app#9", ["Risk 15", "No A"]);
    await badgeReads("github:acme/app#7", ["Risk 20", "1 overdue"]);
    // An owned, calm row stays unmarked.
    await expect(shadowText(list, "liaison-badges", badge("github:acme/app#8"))).resolves.toBeNull();
    await list.close();
  });

  it("reads a notes page a meeting was imported from when it is opened, and offers its ticked task on the tab's badge", async () => {
    const notesUrl = "https://acme.atlassian.net/wiki/spaces/PAY/pages/4242/2026-12-01+Payments+sync";
    const meeting = newId("e");
    await seed(api.url, lead, [
      { entity: "meeting", id: meeting, fields: { title: "2026-12-01 Payments sync", date: "2026-12-01", url: notesUrl } },
      { entity: "action_item", fields: { text: "review the refund terms for PAY-101", meeting, status: "open" } },
      { entity: "action_item", fields: { text: "ship the regional endpoint PAY-102", meeting, status: "open" } },
    ]);
    const sidebar = await openExtensionPage("sidepanel.html");
    await sidebar.waitForFunction(() => document.body.textContent?.includes("review the refund terms for PAY-101"), { timeout: 30_000 });
    // The first task is ticked in the notes; the second is not. (Both were imported without their owners and dates, which the notes now name.)
    const notes = await openFixture(notesUrl, "minutes/confluence-cloud-meeting-notes.html", (html) =>
      html.replace('name="t-101" type="checkbox">', 'name="t-101" type="checkbox" checked>'),
    );
    const badge = () =>
      sidebar.evaluate(async (url) => {
        const { browser } = globalThis as unknown as ExtensionApi;
        const [tab] = await browser.tabs.query({ url });
        return tab ? browser.action.getBadgeText({ tabId: tab.id }) : null;
      }, notesUrl);
    const deadline = Date.now() + 20_000;
    let text = await badge();
    while (text !== "✓1" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      text = await badge();
    }
    expect(text).toBe("✓1");
    await notes.close();
    await sidebar.close();
  });
});
