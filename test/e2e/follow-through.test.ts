// End to end, two browsers on a real API: a record's details (edit, delete, restore from the trash, history) and a conflict picked in the side panel.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PullResponse } from "../../shared/sync";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture } from "./support/browser";
import { liveBadge, send } from "./support/live";
import { apiCall, connectProfile, newId } from "./support/team";

/*
 * Ana (admin) and Ben (member) of one workspace, each with the side panel open. Ana edits an
 * action item from its details and Ben's panel shows it within moments; Ben is not offered
 * Delete on Ana's risk and the API refuses it; Ana deletes the risk and restores it from the
 * Trash, and Ben reads both in its history; a stale edit of a decision's text becomes a
 * conflict in Ben's panel, and both browsers end on the version Ben keeps.
 */

const issueUrl = "https://github.com/acme/app/issues/7";
const issueKey = "github:acme/app#7";
const anaName = "Ana Diaz";
const benName = "Ben Okafor";

let api: Awaited<ReturnType<typeof startTestApi>>;
let ana: Profile;
let ben: Profile;
let anaPanel: Page;
let benPanel: Page;
let benIssue: Page;

const itemId = newId("e");
const itemText = "Confirm the refund flow with Legal";
const riskId = newId("e");
const riskTitle = "EU payment provider may miss the deadline";
const decisionId = newId("e");
const decisionText = "Ship the checkout fix behind a flag";

interface StoredSession {
  token: string;
  member: { id: string; name: string };
}

/** The session a browser keeps in its store, read from one of the extension's pages. */
function sessionOf(page: Page): Promise<StoredSession> {
  return page.evaluate(
    () =>
      new Promise<StoredSession>((resolve, reject) => {
        const open = indexedDB.open("liaison");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("kv").objectStore("kv").get("session");
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as StoredSession);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** A record's data as the server holds it now (null once deleted). */
async function onServer(token: string, entity: string, id: string): Promise<Record<string, unknown> | null | undefined> {
  let found: Record<string, unknown> | null | undefined;
  let cursor = 0;
  for (;;) {
    const page = await apiCall<PullResponse>(api.url, `/v1/sync/pull?since=${cursor}&limit=1000`, { token });
    for (const change of page.changes)
      if (change.entity === entity && change.id === id) found = change.deleted ? null : (change.data as Record<string, unknown>);
    cursor = page.cursor;
    if (!page.more) return found;
  }
}

async function openPanel(profile: Profile, tab: string): Promise<Page> {
  const panel = await profile.openPage("sidepanel.html");
  await panel.locator(`#tab-${tab}`).click();
  return panel;
}

/** Opens a record's details by clicking its title where the panel lists it. */
async function openDetails(panel: Page, entity: string, id: string) {
  await panel.locator(`button.record-link[data-record="${entity}/${id}"]`).first().click();
  await panel.getByRole("form", { name: "Details" }).waitFor();
}

beforeAll(async () => {
  api = await startTestApi();
  [ana, ben] = await Promise.all([launchProfile(), launchProfile()]);
  const anaOptions = await connectProfile(ana, api.url, { name: anaName, department: "Legal" }, { create: "Acme" });
  await anaOptions.getByRole("button", { name: "Create invite code" }).click();
  const code = (await anaOptions.locator("[data-invite-code]").textContent()) ?? "";
  const benOptions = await connectProfile(ben, api.url, { name: benName, department: "Engineering" }, { code });
  await benOptions.close();
  // Ana's browser learns of the new member on its next sync.
  await anaOptions.getByRole("button", { name: "Sync now" }).click();
  await anaOptions.locator("ul.members li", { hasText: benName }).waitFor({ timeout: 15_000 });
  await anaOptions.close();

  anaPanel = await openPanel(ana, "actionItems");
  await send(anaPanel, {
    type: "entity.mutate",
    entity: "action_item",
    entityId: itemId,
    op: "upsert",
    fields: { text: itemText, targets: [issueKey] },
  });
  await send(anaPanel, {
    type: "entity.mutate",
    entity: "risk",
    entityId: riskId,
    op: "upsert",
    fields: { title: riskTitle, likelihood: 3, impact: 4, targets: [issueKey] },
  });
  await send(anaPanel, { type: "entity.mutate", entity: "decision", entityId: decisionId, op: "upsert", fields: { text: decisionText } });
  await anaPanel.locator(`li.item[data-item-id="${itemId}"] .pending`).waitFor({ state: "detached", timeout: 15_000 });

  await serveFixture(ben.context, issueUrl, "github/issue.html");
  benIssue = await ben.context.newPage();
  await benIssue.goto(issueUrl);
  benPanel = await openPanel(ben, "actionItems");
  await benPanel.locator(`li.item[data-item-id="${itemId}"]`).waitFor({ timeout: 20_000 });
  await liveBadge(anaPanel).waitFor({ timeout: 15_000 });
  await liveBadge(benPanel).waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await ana?.close();
  await ben?.close();
  await api?.stop();
});

describe("follow-through: details, trash, history and conflicts between two browsers", () => {
  it("shows the owner and due date Ana saves in an action item's details in Ben's open side panel within moments", async () => {
    await openDetails(anaPanel, "action_item", itemId);
    await anaPanel.getByLabel("Owner").selectOption({ label: benName });
    await anaPanel.getByLabel("Due date").fill("2026-12-20");
    const started = Date.now();
    await anaPanel.getByRole("button", { name: "Save" }).click();
    await anaPanel.getByRole("status").filter({ hasText: "Saved." }).waitFor();

    const item = benPanel.locator(`li.item[data-item-id="${itemId}"]`);
    await expect.poll(() => item.locator(".owner").textContent(), { timeout: 5000, interval: 50 }).toBe(benName);
    await expect.poll(() => item.locator(".due").textContent(), { timeout: 5000, interval: 50 }).toContain("Dec 20, 2026");
    const shown = Date.now() - started;
    console.log(`follow-through: Ana's details save in Ben's side panel after ${shown} ms`);
    expect(shown).toBeLessThan(5000);
    // The item's page in Ben's browser still counts it, live.
    const chip = benIssue.locator(`liaison-chip[data-liaison-target="${issueKey}"] .chip`);
    await expect.poll(() => chip.textContent(), { timeout: 5000 }).toContain("1 open actions");
    await anaPanel.getByRole("button", { name: /Back/ }).click();
  });

  it("shows the new owner and due date on the chip of Ben's tracker page, under its next action", async () => {
    const chip = benIssue.locator(`liaison-chip[data-liaison-target="${issueKey}"]`);
    await chip.locator("button.more").click();
    const next = chip.locator("dl.details");
    await expect.poll(() => next.textContent(), { timeout: 5000 }).toMatch(/Next action.*Ben Okafor · 2026-12-20/);
    await chip.locator("button.more").click();
  });

  it("offers Ben no Delete on Ana's risk, and the API refuses Ben's delete with 403", async () => {
    await benPanel.locator("#tab-risks").click();
    await openDetails(benPanel, "risk", riskId);
    await benPanel.getByRole("button", { name: "Save" }).waitFor();
    await expect(benPanel.getByRole("button", { name: "Delete" }).count()).resolves.toBe(0);

    const { token } = await sessionOf(benPanel);
    const response = await fetch(`${api.url}/v1/sync/push`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        clientId: "follow-through-ben",
        mutations: [{ id: newId("m"), entity: "risk", entityId: riskId, op: "delete" }],
      }),
    });
    expect(response.status).toBe(403);
    await benPanel.getByRole("button", { name: /Back/ }).click();
  });

  it("deletes the risk in Ana's browser, gone in Ben's; restored from Ana's Trash, back in Ben's with both in its history", async () => {
    await anaPanel.locator("#tab-risks").click();
    await openDetails(anaPanel, "risk", riskId);
    await anaPanel.getByRole("button", { name: "Delete" }).click();
    await anaPanel.getByRole("status").filter({ hasText: "Deleted." }).waitFor();
    const benRisk = benPanel.locator(`li.risk-row[data-risk-id="${riskId}"]`);
    await benRisk.waitFor({ state: "detached", timeout: 5000 });

    await anaPanel.locator("#tab-trash").click();
    const restore = anaPanel.getByRole("button", { name: `Restore: ${riskTitle}` });
    await restore.waitFor({ timeout: 10_000 });
    await restore.click();
    await anaPanel.locator("li.trash-item", { hasText: riskTitle }).getByRole("status").filter({ hasText: "Restored" }).waitFor();
    await benRisk.waitFor({ timeout: 5000 });

    await openDetails(benPanel, "risk", riskId);
    const history = benPanel.getByRole("region", { name: "History" });
    await history.locator("li").first().waitFor({ timeout: 10_000 });
    await expect(history.locator('li[data-op="delete"]').textContent()).resolves.toMatch(new RegExp(`^Deleted by ${anaName}, `));
    await expect(history.locator('li[data-op="restore"]').textContent()).resolves.toMatch(new RegExp(`^Restored by ${anaName}, `));
    await benPanel.getByRole("button", { name: /Back/ }).click();
  });

  it("shows Ben the conflict when both edit a decision's text from the same version, and both browsers end on the one Ben picks", async () => {
    for (const panel of [anaPanel, benPanel]) {
      await panel.locator("#tab-search").click();
      await panel.getByRole("searchbox").fill("checkout fix");
      await openDetails(panel, "decision", decisionId);
    }
    const anaText = "Ship the checkout fix to everyone on Monday";
    const benText = "Ship the checkout fix to EU customers first";
    // Ben starts typing before Ana's save arrives: his form keeps the version it was opened from.
    await benPanel.locator("#details-text").fill(benText);
    await anaPanel.locator("#details-text").fill(anaText);
    await anaPanel.getByRole("button", { name: "Save" }).click();
    const { token } = await sessionOf(anaPanel);
    await expect.poll(async () => (await onServer(token, "decision", decisionId))?.text, { timeout: 10_000 }).toBe(anaText);
    await benPanel.getByRole("button", { name: "Save" }).click();

    const conflict = benPanel.locator(`section.conflicts article.conflict`);
    await conflict.waitFor({ timeout: 15_000 });
    const row = conflict.locator("tbody tr");
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator("td.mine").textContent()).resolves.toBe(benText);
    await expect(row.locator("td.current").textContent()).resolves.toBe(anaText);
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await conflict.waitFor({ state: "detached", timeout: 10_000 });

    await expect.poll(async () => (await onServer(token, "decision", decisionId))?.text, { timeout: 10_000 }).toBe(benText);
    await expect.poll(() => anaPanel.locator("#details-text").inputValue(), { timeout: 5000 }).toBe(benText);
    await expect.poll(() => benPanel.locator("#details-text").inputValue(), { timeout: 5000 }).toBe(benText);
  });
});
