// Self-hosted trackers end to end: a host added and granted in options gets the chip and row badges; removed, Liaison leaves it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { fixturesDir, grantHostInExtensionsPage, launchProfile, type Profile, revokeHostInExtensionsPage } from "./support/browser";
import { type ApiSession, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

const gitlab = "https://gitlab.example-corp.test";
// The fixtures are of a GitLab that runs under /gitlab on its host.
const mergeRequestUrl = `${gitlab}/gitlab/acme/checkout/-/merge_requests/41/diffs`;
const issuesUrl = `${gitlab}/gitlab/acme/checkout/-/issues`;
const project = "gitlab:gitlab.example-corp.test/gitlab/acme/checkout";

const jira = "https://jira.example-corp.test";
const boardUrl = `${jira}/secure/RapidBoard.jspa?rapidView=1`;

// A real GitHub Enterprise Server 2.14 page, at the address it was saved from.
const enterprise = "http://ghe.sgdev.org";
const pullUrl = `${enterprise}/beyang/test/pull/1/files`;
const pull = "github:ghe.sgdev.org/beyang/test#1";

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;
let browser: Profile;
let options: Page;

const chip = (page: Page, key: string) => page.locator(`liaison-chip[data-liaison-target="${key}"]`);
const badge = (page: Page, key: string) => page.locator(`liaison-badges [data-liaison-target="${key}"]`);

/** Serves saved pages at a self-hosted tracker's addresses: each path to its fixture, anything else a 404. */
async function serveHost(origin: string, pages: Record<string, string>) {
  const bodies = new Map<string, string>();
  for (const [pathname, fixture] of Object.entries(pages)) bodies.set(pathname, await readFile(path.join(fixturesDir, fixture), "utf8"));
  await browser.context.route(`${origin}/**`, (route) => {
    const body = bodies.get(new URL(route.request().url()).pathname);
    return body === undefined
      ? route.fulfill({ status: 404, body: "" })
      : route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body });
  });
}

/** What the extension itself can see: is the host granted, and is Liaison's script registered there? */
async function liaisonOn(origin: string) {
  // Evaluated in the options page, where `chrome` is the extension API.
  const pattern = JSON.stringify(`${origin}/*`);
  return options.evaluate(`(async () => ({
    granted: await chrome.permissions.contains({ origins: [${pattern}] }),
    registered: (await chrome.scripting.getRegisteredContentScripts()).filter((script) => script.matches.includes(${pattern})).length,
  }))()`);
}

/** Nothing of Liaison's on a page, a while after it loaded (the overlay draws within a second of load elsewhere). */
async function expectNoLiaison(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForTimeout(1500);
  await expect(page.locator("liaison-chip, liaison-badges").count()).resolves.toBe(0);
}

/** Adds a tracker the way a user does: types its address, picks its kind, clicks Add tracker. */
async function addTracker(address: string, kind: string) {
  await options.getByLabel("Tracker address").pressSequentially(address);
  await options.getByLabel("Kind").selectOption({ label: kind });
  await options.getByRole("button", { name: "Add tracker" }).click();
}

beforeAll(async () => {
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme");
  await seed(api.url, lead, [
    { entity: "responsibility", fields: { target: `${project}!41`, person: "Dana Ortiz", department: "Legal", role: "A" } },
    { entity: "risk", fields: { title: "Refunds double-booked", targets: [`${project}!41`], likelihood: 3, impact: 4 } },
    // #4 is owned and calm; #5 has a high risk; #6 has an overdue action item and nobody accountable.
    { entity: "responsibility", fields: { target: `${project}#4`, person: "Sam Wu", role: "A" } },
    { entity: "responsibility", fields: { target: `${project}#5`, person: "Sam Wu", role: "A" } },
    { entity: "risk", fields: { title: "Invoices unreadable", targets: [`${project}#5`], likelihood: 3, impact: 5 } },
    { entity: "action_item", fields: { text: "Vendor signs the DPA", targets: [`${project}#6`], due: "2020-01-10" } },
    { entity: "responsibility", fields: { target: "jira:jira.example-corp.test/PROJ-6", person: "Sam Wu", role: "A" } },
    {
      entity: "risk",
      fields: { title: "Data loss on failover", targets: ["jira:jira.example-corp.test/PROJ-7"], likelihood: 4, impact: 5 },
    },
    { entity: "responsibility", fields: { target: "jira:jira.example-corp.test/PROJ-7", person: "Sam Wu", role: "A" } },
    { entity: "responsibility", fields: { target: pull, person: "Lin Chen", department: "Platform", role: "A" } },
  ]);
  browser = await launchProfile();
  await serveHost(gitlab, {
    "/gitlab/acme/checkout/-/merge_requests/41/diffs": "gitlab/self-hosted-merge-request.html",
    "/gitlab/acme/checkout/-/issues": "gitlab/self-hosted-issues.html",
  });
  await serveHost(jira, { "/secure/RapidBoard.jspa": "jira/server-board.html" });
  await serveHost(enterprise, { "/beyang/test/pull/1/files": "github/ghe-2.14-pull-request.html" });
  options = await connectProfile(
    browser,
    api.url,
    { name: "Sam Wu", department: "Engineering" },
    { code: await inviteCode(api.url, lead) },
  );
  // The first sync after joining brings the team's records, those of the self-hosted items included.
  await options.getByRole("button", { name: "Sync now" }).click();
  await options.getByText("Synced").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("a self-hosted GitLab", () => {
  it("gets nothing from Liaison before the user adds it", async () => {
    await expect(liaisonOn(gitlab)).resolves.toEqual({ granted: false, registered: 0 });
    const page = await browser.context.newPage();
    await page.goto(issuesUrl);
    await expectNoLiaison(page);
    await page.close();
  });

  it("added in options and granted, gets the chip at the title and badges on the rows with records", async () => {
    await grantHostInExtensionsPage(browser, `${gitlab}/*`);
    // The browser knows the user's grant, but Liaison has the host only once its options page asks for it.
    await expect(liaisonOn(gitlab)).resolves.toEqual({ granted: false, registered: 0 });
    await addTracker("gitlab.example-corp.test", "GitLab");
    await options.getByRole("listitem").filter({ hasText: gitlab }).waitFor();
    await expect(options.getByLabel("Tracker address").inputValue()).resolves.toBe("");
    await expect(liaisonOn(gitlab)).resolves.toEqual({ granted: true, registered: 1 });

    const item = await browser.context.newPage();
    await item.goto(mergeRequestUrl);
    await chip(item, `${project}!41`).locator(".chip").waitFor();
    await expect(chip(item, `${project}!41`).locator(".chip").textContent()).resolves.toContain("A: Dana Ortiz (Legal)");
    // At the title, not floating.
    await expect(chip(item, `${project}!41`).locator(".chip").getAttribute("class")).resolves.toBe("chip");
    await expect(chip(item, `${project}!41`).evaluate((element) => element.parentElement !== document.body)).resolves.toBe(true);
    await item.close();

    const list = await browser.context.newPage();
    await list.goto(issuesUrl);
    await badge(list, `${project}#5`).waitFor();
    await expect(badge(list, `${project}#5`).textContent()).resolves.toBe("Risk 15");
    await expect(badge(list, `${project}#6`).textContent()).resolves.toContain("1 overdue");
    await expect(badge(list, `${project}#4`).count()).resolves.toBe(0);
    await list.close();
  });

  it("removed in options, loses Liaison at once: no permission, no script, no chip or badges, open pages and on reload", async () => {
    const list = await browser.context.newPage();
    await list.goto(issuesUrl);
    await badge(list, `${project}#5`).waitFor();
    const item = await browser.context.newPage();
    await item.goto(mergeRequestUrl);
    await chip(item, `${project}!41`).locator(".chip").waitFor();

    await options.getByRole("listitem").filter({ hasText: gitlab }).getByRole("button", { name: "Remove" }).click();
    await options.getByRole("listitem").filter({ hasText: gitlab }).waitFor({ state: "detached" });
    await expect(liaisonOn(gitlab)).resolves.toEqual({ granted: false, registered: 0 });
    // The pages open on that host lose the chip and the badges without being reloaded.
    await list.locator("liaison-badges").waitFor({ state: "detached" });
    await item.locator("liaison-chip").waitFor({ state: "detached" });

    await list.reload();
    await expectNoLiaison(list);
    await item.reload();
    await expectNoLiaison(item);
    await item.close();
    await list.close();
  });
});

describe("a self-hosted Jira Server", () => {
  it("added in options and granted, gets badges on its agile board's cards", async () => {
    await grantHostInExtensionsPage(browser, `${jira}/*`);
    await addTracker(`${jira}/secure/Dashboard.jspa`, "Jira");
    await options.getByRole("listitem").filter({ hasText: jira }).waitFor();
    await expect(liaisonOn(jira)).resolves.toEqual({ granted: true, registered: 1 });

    const board = await browser.context.newPage();
    await board.goto(boardUrl);
    await badge(board, "jira:jira.example-corp.test/PROJ-7").waitFor();
    await expect(badge(board, "jira:jira.example-corp.test/PROJ-7").textContent()).resolves.toBe("Risk 20");
    await expect(badge(board, "jira:jira.example-corp.test/PROJ-6").count()).resolves.toBe(0);
    await board.close();
  });

  it("its access taken away on the browser's extensions page, loses Liaison at once; options says so", async () => {
    const board = await browser.context.newPage();
    await board.goto(boardUrl);
    await badge(board, "jira:jira.example-corp.test/PROJ-7").waitFor();

    await revokeHostInExtensionsPage(browser, `${jira}/*`);
    await board.locator("liaison-badges").waitFor({ state: "detached" });
    await expect.poll(() => liaisonOn(jira)).toEqual({ granted: false, registered: 0 });
    const listed = options.getByRole("listitem").filter({ hasText: jira });
    await listed.getByText("No access: removed in your browser's extension settings").waitFor();
    await expect(listed.getByRole("button", { name: "Allow again" }).isVisible()).resolves.toBe(true);

    await board.reload();
    await expectNoLiaison(board);
    await board.close();
  });
});

describe("a GitHub Enterprise Server", () => {
  it("added in options and granted, gets the chip at a pull request's title, keyed by its own host", async () => {
    const page = await browser.context.newPage();
    await page.goto(pullUrl);
    await expectNoLiaison(page);

    await grantHostInExtensionsPage(browser, `${enterprise}/*`);
    await addTracker("http://ghe.sgdev.org", "GitHub Enterprise");
    await options.getByRole("listitem").filter({ hasText: enterprise }).waitFor();
    await expect(liaisonOn(enterprise)).resolves.toEqual({ granted: true, registered: 1 });

    await page.reload();
    await chip(page, pull).locator(".chip").waitFor();
    await expect(chip(page, pull).locator(".chip").textContent()).resolves.toContain("A: Lin Chen (Platform)");
    await expect(chip(page, pull).locator(".chip").getAttribute("class")).resolves.toBe("chip");
    await page.close();
  });
});
