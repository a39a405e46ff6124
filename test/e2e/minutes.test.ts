// End to end: "Import from this page" on a Confluence meeting-notes page lists its tasks and decisions, imports them into one meeting a teammate sees live, offers nothing new the second time, updates a task whose owner changed, and offers to mark done what the notes tick.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { fixturesDir, launchProfile, type Profile } from "./support/browser";
import { send } from "./support/live";
import { type ApiSession, connectProfile, createWorkspaceViaApi, inviteCode } from "./support/team";

const notesUrl = "https://acme.atlassian.net/wiki/spaces/PAY/pages/4242/2026-12-01+Payments+sync";
const jira = (key: string) => `jira:acme.atlassian.net/${key}`;

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;
let ana: Profile;
let wei: Profile;
let anaPanel: Page;
let weiPanel: Page;
let notes: Page;
/** The notes page as Confluence serves it now: the last test edits it. */
let notesHtml: string;

beforeAll(async () => {
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme");
  [ana, wei] = await Promise.all([launchProfile(), launchProfile()]);
  // Wei joins first, so that Ana's browser knows him as a member when she signs in.
  for (const [profile, name, department] of [
    [wei, "Wei Zhang", "Engineering"],
    [ana, "Ana Diaz", "Legal"],
  ] as const) {
    const options = await connectProfile(profile, api.url, { name, department }, { code: await inviteCode(api.url, lead) });
    await options.close();
  }
  notesHtml = await readFile(path.join(fixturesDir, "minutes", "confluence-cloud-meeting-notes.html"), "utf8");
  await ana.context.route(notesUrl, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: notesHtml }));
  weiPanel = await wei.openPage("sidepanel.html");
  await weiPanel.getByRole("tab", { name: "Meetings" }).click();
  anaPanel = await ana.openPage("sidepanel.html");
  await send(anaPanel, { type: "sync.now" });
  notes = await ana.context.newPage();
  await notes.goto(notesUrl);
}, 120_000);

afterAll(async () => {
  await ana?.close();
  await wei?.close();
  await api?.stop();
});

/** Opens This page in Ana's panel with the notes as the tab in view, and presses Import from this page. */
async function readNotes() {
  await notes.bringToFront();
  await anaPanel.getByRole("tab", { name: "This page" }).click();
  const section = anaPanel.getByRole("region", { name: "Import from this page" });
  await section.getByRole("button", { name: "Import from this page" }).click();
  await section.locator(".minutes-meeting").waitFor({ timeout: 15_000 });
  return section;
}

describe("importing minutes", () => {
  it("lists the page's five tasks and two decisions with their owners (members matched) and due dates", async () => {
    const section = await readNotes();
    await expect(section.locator(".minutes-meeting").textContent()).resolves.toBe("Meeting: 2026-12-01 Payments sync (2026-12-01)");
    const rows = section.locator(".minutes-candidates li");
    await expect.poll(() => rows.count()).toBe(7);
    const row = (text: string) => rows.filter({ hasText: text });
    await expect(row("review the refund terms for PAY-101").locator(".minutes-owner").textContent()).resolves.toBe("Ana Diaz");
    await expect(row("review the refund terms for PAY-101").locator(".minutes-due").textContent()).resolves.toBe("2026-12-12");
    await expect(row("ship the regional endpoint PAY-102").textContent()).resolves.toContain("Wei Zhang (Engineering)");
    await expect(row("ship the regional endpoint PAY-102").locator(".minutes-due").textContent()).resolves.toBe("2026-12-11");
    await expect(row("send the DPA draft to Legal").locator(".minutes-owner").textContent()).resolves.toBe("Olga Ruiz");
    await expect(row("send the DPA draft to Legal").locator(".minutes-due").textContent()).resolves.toBe("2026-12-12");
    await expect(row("add alerting for PAY-103").locator(".minutes-targets code").allTextContents()).resolves.toEqual([jira("PAY-103")]);
    await expect(rows.filter({ hasText: "Decision" }).locator(".minutes-text").allTextContents()).resolves.toEqual([
      "Ship the regional endpoint first (PAY-102)",
      "Refunds over 500 EUR need Legal sign-off",
    ]);
    await expect(section.locator(".minutes-candidates input:checked").count()).resolves.toBe(7);
  });

  it("imports one meeting with 2 decisions and 5 action items linked to the Jira keys, which a teammate's panel shows live", async () => {
    const section = anaPanel.getByRole("region", { name: "Import from this page" });
    await section.getByRole("button", { name: "Import", exact: true }).click();
    await expect(section.getByRole("status").textContent()).resolves.toContain("Imported 7, updated 0.");

    // Wei's side panel, open on Meetings all along, shows the meeting, then its decisions and action items.
    const meeting = weiPanel.getByRole("button", { name: "2026-12-01 Payments sync" });
    await meeting.waitFor({ timeout: 20_000 });
    await meeting.click();
    await weiPanel.locator("li", { hasText: "Refunds over 500 EUR need Legal sign-off" }).first().waitFor({ timeout: 20_000 });
    await weiPanel.locator("li.item", { hasText: "add alerting for PAY-103" }).waitFor({ timeout: 20_000 });
    const minutes = await weiPanel.locator("textarea.markdown").inputValue();
    expect(minutes).toContain("- Ship the regional endpoint first (PAY-102) (jira:acme.atlassian.net/PAY-102)");
    expect(minutes).toContain("- [ ] review the refund terms for PAY-101 (owner: Ana Diaz, Legal; due: 2026-12-12)");
    expect(minutes).toContain("- [ ] ship the regional endpoint PAY-102 (owner: Wei Zhang, Engineering; due: 2026-12-11)");
    expect(minutes).toContain("- [ ] send the DPA draft to Legal (owner: Olga Ruiz; due: 2026-12-12)");
    expect(minutes).toContain("- [x] update the refunds FAQ (owner: Ana Diaz, Legal; due: 2026-12-06)");
    expect(minutes).toContain("- [ ] add alerting for PAY-103 (owner: Wei Zhang, Engineering; due: 2026-12-15)");
    expect(minutes.match(/^- \[[ x]\] /gm)).toHaveLength(5);

    // Linked to the Jira keys: the server holds them so.
    const pulled = (await (
      await fetch(`${api.url}/v1/sync/pull?since=0&limit=1000`, { headers: { Authorization: `Bearer ${lead.token}` } })
    ).json()) as { changes: Array<{ entity: string; data: Record<string, unknown> | null }> };
    const of = (entity: string) =>
      pulled.changes.filter((c) => c.entity === entity && c.data).map((c) => c.data as Record<string, unknown>);
    expect(of("meeting")).toHaveLength(1);
    expect(of("meeting")[0]).toMatchObject({ title: "2026-12-01 Payments sync", date: "2026-12-01", url: notesUrl });
    expect(of("decision")).toHaveLength(2);
    const actions = of("action_item");
    expect(actions).toHaveLength(5);
    expect(Object.fromEntries(actions.map((a) => [a.text, a.targets]))).toEqual({
      "review the refund terms for PAY-101": [jira("PAY-101")],
      "ship the regional endpoint PAY-102": [jira("PAY-102")],
      "send the DPA draft to Legal": [],
      "update the refunds FAQ": [],
      "add alerting for PAY-103": [jira("PAY-103")],
    });
    expect(actions.find((a) => a.text === "review the refund terms for PAY-101")?.source).toMatchObject({
      url: notesUrl,
      // The quote as capture keeps one, with its context either side, read from the page at the import.
      selector: {
        type: "TextQuoteSelector",
        exact: "@Ana Diaz review the refund terms for PAY-101 Dec 12, 2026",
        prefix: "ndpoint, alerting. Action items ",
        suffix: " @Wei Zhang ship the regional en",
      },
    });
    expect(of("decision").find((d) => d.text === "Refunds over 500 EUR need Legal sign-off")?.source).toMatchObject({
      selector: { exact: "Refunds over 500 EUR need Legal sign-off" },
    });
  });

  it("offers nothing new when the same page is imported again", async () => {
    const section = await readNotes();
    await expect(section.locator(".empty").textContent()).resolves.toContain("Nothing new to import");
    await expect(section.locator(".minutes-candidates li").count()).resolves.toBe(0);
    await expect(section.locator(".minutes-imported summary").textContent()).resolves.toBe("Already imported (7)");
    await section.getByRole("button", { name: "Cancel" }).click();
  });

  it("updates the existing action item when a task's owner changed in the notes", async () => {
    notesHtml = notesHtml.replace(
      '<span data-mention-id="557058:olga" data-access-level="" class="mentionView-content-wrap"><span>@Olga Ruiz</span></span>',
      '<span data-mention-id="557058:wei" data-access-level="" class="mentionView-content-wrap"><span>@Wei Zhang</span></span>',
    );
    await notes.reload();
    const section = await readNotes();
    const rows = section.locator(".minutes-candidates li");
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().locator(".minutes-text").textContent()).resolves.toBe("send the DPA draft to Legal");
    await expect(rows.first().locator(".minutes-status").textContent()).resolves.toBe("owner changed");
    await section.getByRole("button", { name: "Import", exact: true }).click();
    await expect(section.getByRole("status").textContent()).resolves.toContain("Imported 0, updated 1.");

    // The same item, now Wei's (with history), on Wei's panel too; no sixth item.
    await expect
      .poll(async () => weiPanel.locator("textarea.markdown").inputValue(), { timeout: 20_000 })
      .toContain("- [ ] send the DPA draft to Legal (owner: Wei Zhang, Engineering; due: 2026-12-12)");
    expect((await weiPanel.locator("textarea.markdown").inputValue()).match(/^- \[[ x]\] /gm)).toHaveLength(5);
  });
});

describe("done from the notes", () => {
  it("offers to mark an imported action item done once its task is ticked in the notes", async () => {
    notesHtml = notesHtml.replace('name="t-101" type="checkbox">', 'name="t-101" type="checkbox" checked>');
    await notes.reload();
    const section = await readNotes();
    const rows = section.locator(".minutes-candidates li");
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().locator(".minutes-text").textContent()).resolves.toBe("review the refund terms for PAY-101");
    await expect(rows.first().locator(".minutes-status").textContent()).resolves.toBe("ticked in the notes: mark done");
    await section.getByRole("button", { name: "Import", exact: true }).click();
    await expect(section.getByRole("status").textContent()).resolves.toContain("Imported 0, updated 1.");
    await expect
      .poll(async () => weiPanel.locator("textarea.markdown").inputValue(), { timeout: 20_000 })
      .toContain("- [x] review the refund terms for PAY-101 (owner: Ana Diaz, Legal; due: 2026-12-12)");
  });

  it("offers the next one as soon as the notes are opened again, without an import: on the tab's badge, in a notification and on This page", async () => {
    notesHtml = notesHtml.replace('name="t-105" type="checkbox">', 'name="t-105" type="checkbox" checked>');
    await notes.reload();
    await notes.bringToFront();
    const tabId = (await anaPanel.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(notesUrl)} }).then((tabs) => tabs[0].id)`)) as number;
    const badge = () => anaPanel.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
    await expect.poll(badge, { timeout: 15_000 }).toBe("✓1");
    await expect(anaPanel.evaluate("chrome.notifications.getAll().then(Object.keys)")).resolves.toContain(`liaison-ticked:${tabId}`);

    await anaPanel.getByRole("tab", { name: "This page" }).click();
    const card = anaPanel.getByRole("region", { name: "Ticked in these notes" });
    await card.waitFor({ timeout: 10_000 });
    await expect(card.locator("li").allTextContents()).resolves.toEqual(["✓ add alerting for PAY-103 Mark done"]);
    // Nothing was marked done by the reading alone.
    await expect(weiPanel.locator("textarea.markdown").inputValue()).resolves.toContain("- [ ] add alerting for PAY-103");
    await card.getByRole("button", { name: "Mark done" }).click();
    await card.waitFor({ state: "detached", timeout: 10_000 });
    await expect.poll(badge, { timeout: 10_000 }).not.toBe("✓1");
    await expect
      .poll(async () => weiPanel.locator("textarea.markdown").inputValue(), { timeout: 20_000 })
      .toContain("- [x] add alerting for PAY-103 (owner: Wei Zhang, Engineering; due: 2026-12-15)");
  });

  it("says nothing on a notes page no meeting was imported from", async () => {
    const otherUrl = "https://acme.atlassian.net/wiki/spaces/PAY/pages/4343/2026-12-08+Payments+sync";
    await ana.context.route(otherUrl, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: notesHtml.replace(/type="checkbox">/g, 'type="checkbox" checked>'),
      }),
    );
    const other = await ana.context.newPage();
    await other.goto(otherUrl);
    const tabId = (await anaPanel.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(otherUrl)} }).then((tabs) => tabs[0].id)`)) as number;
    // Longer than the page is given to settle before a notes page is read.
    await other.waitForTimeout(3000);
    await expect(anaPanel.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`)).resolves.not.toContain("✓");
    await other.close();
  });
});
