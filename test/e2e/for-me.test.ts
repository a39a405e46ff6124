// "For me" end to end: A assigns B an action item and addresses a note to B's department; B's two browsers list both live, badge and notify, and share what B reads.
import type { Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile } from "./support/browser";
import { apiCall, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

let api: Awaited<ReturnType<typeof startTestApi>>;
let laptop: Profile;
let desktop: Profile;

beforeAll(async () => {
  api = await startTestApi();
  laptop = await launchProfile();
  desktop = await launchProfile();
});

afterAll(async () => {
  await laptop?.close();
  await desktop?.close();
  await api?.stop();
});

const serviceWorker = (profile: Profile): Worker => {
  const worker = profile.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${profile.extensionId}/`));
  if (!worker) throw new Error("no service worker");
  return worker;
};

/** What the tests ask of the extension's service worker. */
interface WorkerChrome {
  chrome: {
    action: { getBadgeText(details: object): Promise<string> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
  };
}

const badgeText = (profile: Profile) =>
  serviceWorker(profile).evaluate(() => (globalThis as unknown as WorkerChrome).chrome.action.getBadgeText({}));

const notifications = (profile: Profile) =>
  serviceWorker(profile).evaluate(() => (globalThis as unknown as WorkerChrome).chrome.notifications.getAll());

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function openForMe(profile: Profile): Promise<Page> {
  const panel = await profile.openPage("sidepanel.html");
  await panel.getByRole("tab", { name: "For me" }).click();
  await panel.getByText("Nothing has landed on you yet", { exact: false }).waitFor();
  return panel;
}

describe("For me", () => {
  it("shows what A sent B in both of B's browsers at once, with badge and notification; reading it in one clears it in the other", async () => {
    const pat = await createWorkspaceViaApi(api.url, "Acme", { name: "Pat Lee", department: "Product" });
    const options = await connectProfile(
      laptop,
      api.url,
      { name: "Bo Chen", department: "Engineering" },
      { code: await inviteCode(api.url, pat) },
    );
    // B's second browser, signed in with a one-time code made in the first.
    await options.getByRole("button", { name: "Make a sign-in code" }).click();
    const code = (await options.locator("[data-browser-code]").textContent()) ?? "";
    const desktopOptions = await desktop.openPage("options.html");
    await desktopOptions.getByLabel("Server URL").fill(api.url);
    await desktopOptions.getByLabel("Sign-in code").fill(code);
    await desktopOptions.getByRole("button", { name: "Sign in this browser" }).click();
    await desktopOptions.getByRole("heading", { name: "Connected to Acme" }).waitFor();

    const { members } = await apiCall<{ members: Array<{ id: string; name: string }> }>(api.url, "/v1/members", { token: pat.token });
    const bo = members.find((member) => member.name === "Bo Chen");
    if (!bo) throw new Error("Bo did not join");

    const [laptopPanel, desktopPanel] = [await openForMe(laptop), await openForMe(desktop)];
    await laptopPanel.locator(".sync .live").waitFor({ timeout: 10_000 });
    await desktopPanel.locator(".sync .live").waitFor({ timeout: 10_000 });
    expect(await badgeText(laptop)).toBe("");

    // A assigns B an action item and addresses a note to B's department.
    const [itemId, noteId] = await seed(api.url, pat, [
      { entity: "action_item", fields: { text: "Draft the rollout plan", owner: "Bo Chen", ownerId: bo.id, department: "Engineering" } },
      {
        entity: "annotation",
        fields: {
          url: "https://github.com/acme/app/issues/7",
          targets: ["github:acme/app#7"],
          body: "Engineering, please check the API limits",
          addressedTo: { department: "Engineering", memberId: null },
        },
      },
    ]);
    // From the moment the server took A's writes.
    const sentAt = Date.now();
    const unread = (panel: Page) => panel.locator("ul.for-me-entries li.unread");
    await laptopPanel.waitForFunction(() => document.querySelectorAll("ul.for-me-entries li.unread").length === 2, undefined, {
      timeout: 3000,
    });
    const shownAfterMs = Date.now() - sentAt;
    console.log(`For me: both entries shown ${shownAfterMs} ms after the server took them`);
    expect(shownAfterMs, `shown after ${shownAfterMs} ms`).toBeLessThan(1000);
    expect((await unread(laptopPanel).locator("strong").allTextContents()).sort()).toEqual([
      "Draft the rollout plan",
      "Engineering, please check the API limits",
    ]);
    await desktopPanel.waitForFunction(() => document.querySelectorAll("ul.for-me-entries li.unread").length === 2, undefined, {
      timeout: 3000,
    });

    expect(await laptopPanel.getByRole("tab", { name: "For me" }).textContent()).toBe("For me (2)");
    // The badge counts both (nothing is overdue); one notification groups them.
    expect(
      await eventually(
        () => badgeText(laptop),
        (text) => text === "2",
      ),
    ).toBe("2");
    const shown = await eventually(
      () => notifications(laptop),
      (all) => Object.keys(all).some((id) => id.startsWith("liaison-forme:")),
    );
    expect(Object.keys(shown).filter((id) => id.startsWith("liaison-forme:"))).toHaveLength(1);

    // Opening the action item on the laptop marks it read there and on the desktop.
    await laptopPanel.locator(`li[data-entry^="action_item:${itemId}:"]`).getByRole("button").click();
    await laptopPanel.getByRole("heading", { name: "Action item" }).waitFor();
    await laptopPanel.getByRole("button", { name: /Back/ }).click();
    await laptopPanel.locator(`li.read[data-entry^="action_item:${itemId}:"]`).waitFor({ timeout: 3000 });
    await desktopPanel.locator(`li.read[data-entry^="action_item:${itemId}:"]`).waitFor({ timeout: 5000 });
    await expect(unread(desktopPanel).count()).resolves.toBe(1);
    expect(
      await eventually(
        () => badgeText(desktop),
        (text) => text === "1",
      ),
    ).toBe("1");
    expect(
      await eventually(
        () => badgeText(laptop),
        (text) => text === "1",
      ),
    ).toBe("1");

    // A notification clicked (the background records the request, as its click handler does): the open panel shows that record.
    await desktopPanel.getByRole("tab", { name: "My work" }).click();
    await desktopPanel.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("liaison");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction("kv", "readwrite");
            tx.objectStore("kv").put({ at: new Date().toISOString(), record }, "panelRequest");
            tx.oncomplete = () => {
              open.result.close();
              const channel = new BroadcastChannel("liaison-store");
              channel.postMessage({ type: "state" });
              channel.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { entity: "annotation", id: noteId },
    );
    await desktopPanel.getByRole("heading", { name: "Annotation" }).waitFor({ timeout: 3000 });
    expect(await desktopPanel.getByRole("tab", { name: "For me" }).getAttribute("aria-selected")).toBe("true");
  });
});
