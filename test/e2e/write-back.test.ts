// End to end: an action item linked to a GitHub issue opens GitHub's new-issue page, prefilled, from its details in the side panel.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile } from "./support/browser";
import { send } from "./support/live";
import { connectProfile, newId } from "./support/team";

const issueKey = "github:acme/app#7";
const itemId = newId("e");
const itemText = "Confirm the refund flow with Legal";

let api: Awaited<ReturnType<typeof startTestApi>>;
let profile: Profile;
let panel: Page;
/** The GitHub URLs the browser asked for: served a blank page, so nothing goes to the network. */
const githubRequests: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  profile = await launchProfile();
  await profile.context.route("https://github.com/**", (route) => {
    githubRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>New issue</title>" });
  });
  const options = await connectProfile(profile, api.url, { name: "Ana Diaz", department: "Legal" }, { create: "Acme" });
  await options.close();
  panel = await profile.openPage("sidepanel.html");
  await panel.locator("#tab-actionItems").click();
  await send(panel, {
    type: "entity.mutate",
    entity: "action_item",
    entityId: itemId,
    op: "upsert",
    fields: { text: itemText, targets: [issueKey] },
  });
  await panel.locator(`li.item[data-item-id="${itemId}"]`).waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await profile?.close();
  await api?.stop();
});

describe("write back without tokens", () => {
  it("opens GitHub's new-issue page for the item's repository, with the item's text as title and a link back in the body", async () => {
    await panel.locator(`button.record-link[data-record="action_item/${itemId}"]`).first().click();
    await panel.getByRole("form", { name: "Details" }).waitFor();
    const [opened] = await Promise.all([
      profile.context.waitForEvent("page"),
      panel.getByRole("link", { name: "Create issue in tracker" }).click(),
    ]);
    await opened.waitForLoadState();
    const url = new URL(opened.url());
    expect(url.origin + url.pathname).toBe("https://github.com/acme/app/issues/new");
    expect(url.searchParams.get("title")).toBe(itemText);
    expect(url.searchParams.get("body")).toContain(`[${issueKey}](https://github.com/acme/app/issues/7)`);
    expect(githubRequests).toContain(opened.url());
  });
});
