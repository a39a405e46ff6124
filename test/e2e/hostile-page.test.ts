import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseExtensionDir } from "../../scripts/server.mjs";
import { startTestApi } from "./support/api";
import { fixturesDir, launchProfile, type Profile } from "./support/browser";
import { type ApiSession, apiCall, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

// A tracker page whose own script is hostile: it tries to read what Liaison shows (the chip,
// a teammate's note, the member list) and to drive it (select words, press the adder, fill and
// submit the form, open the chip), again after pushState to another item. The release build
// must give it nothing and let it save nothing; the user's own clicks must still work.

const issueUrl = "https://github.com/acme/app/issues/7";
const secrets = ["Dana Ortiz", "Privacy Office", "Quinn Mbeki", "settlement", "Pat Lee", "Payments outage"];

/** The page's script: gathers every string it can reach into `window.__stolen`, and presses every Liaison control it can reach. */
const attack = `
window.__stolen = [];
window.__rounds = 0;
const harvest = () => {
  const found = [document.body.innerText];
  for (const element of document.querySelectorAll("*")) {
    if (!element.localName.startsWith("liaison-")) continue;
    found.push(element.innerText, element.textContent, ...[...element.attributes].map((a) => a.value));
    const root = element.shadowRoot;
    if (!root) continue;
    found.push(root.textContent);
    for (const node of root.querySelectorAll("*")) found.push(...[...node.attributes].map((a) => a.value), node.value ?? "");
  }
  window.__stolen.push(...found.filter((text) => typeof text === "string" && text));
};
const press = () => {
  for (const highlight of document.querySelectorAll("liaison-highlight")) {
    const box = highlight.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: box.left + 2, clientY: box.top + 2 };
    document.dispatchEvent(new MouseEvent("mousemove", at));
    highlight.dispatchEvent(new MouseEvent("mouseover", at));
    highlight.dispatchEvent(new MouseEvent("click", at));
  }
  const words = document.createRange();
  words.selectNodeContents(document.querySelector("#decision-line") ?? document.body);
  const selection = getSelection();
  if (selection.isCollapsed) {
    selection.removeAllRanges();
    selection.addRange(words);
    document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }
  for (const element of document.querySelectorAll("liaison-chip, liaison-capture, liaison-badges")) {
    element.click();
    element.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    const root = element.shadowRoot;
    if (!root) continue;
    for (const button of root.querySelectorAll("button")) if (!/cancel/i.test(button.textContent)) button.click();
    const text = root.querySelector("textarea");
    if (text) {
      text.value = "Wire the budget to account 42";
      text.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
    }
    const form = root.querySelector("form");
    if (form) {
      form.requestSubmit();
      form.dispatchEvent(new SubmitEvent("submit", { bubbles: true, cancelable: true }));
      form.querySelector("textarea")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true, composed: true }));
    }
  }
};
setInterval(() => {
  window.__rounds++;
  harvest();
  if (!window.__userTyping) press();
}, 150);
`;

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;

async function serveHostile(context: BrowserContext) {
  const page = await readFile(path.join(fixturesDir, "github/issue.html"), "utf8");
  const body = page.replace("</body>", `<script>${attack}</script></body>`);
  for (const url of [issueUrl, "https://github.com/acme/app/issues/8"])
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
}

/** A browser signed in as a new member of the workspace, with the hostile page served at its real addresses. */
async function joinedProfile(name: string, extension?: string): Promise<Profile> {
  const profile = await launchProfile({ extension });
  await serveHostile(profile.context);
  const options = await connectProfile(profile, api.url, { name, department: "Engineering" }, { code: await inviteCode(api.url, lead) });
  await options.getByRole("button", { name: "Sync now" }).click();
  await options.getByText("Synced").waitFor();
  await options.close();
  return profile;
}

/** Every action item the workspace holds, as the server has it. */
async function actionItemTexts(): Promise<string[]> {
  const pulled = await apiCall<{ changes: Array<{ entity: string; deleted: boolean; data: { text?: string } }> }>(
    api.url,
    "/v1/sync/pull?since=0",
    { token: lead.token },
  );
  return pulled.changes.filter((c) => c.entity === "action_item" && !c.deleted).map((c) => c.data.text ?? "");
}

const stolen = (page: Page) => page.evaluate(() => (window as unknown as { __stolen: string[] }).__stolen.join("\n"));
const rounds = (page: Page) => page.evaluate(() => (window as unknown as { __rounds: number }).__rounds);

/** Waits until the page's script has run `count` more rounds against what Liaison shows now. */
async function letItTry(page: Page, count = 8) {
  const from = await rounds(page);
  await expect.poll(() => rounds(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(from + count);
}

/** The centre of an element inside a closed shadow root, found through the DevTools protocol (no page script can). */
async function closedBox(page: Page, host: string, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeId: number; localName: string; shadowRoots?: Node[]; children?: Node[] };
    const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: Node };
    const hosts: Node[] = [];
    const walk = (node: Node) => {
      if (node.localName === host) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    for (const found of hosts) {
      for (const shadow of found.shadowRoots ?? []) {
        const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: shadow.nodeId, selector });
        if (!nodeId) continue;
        const { model } = await cdp.send("DOM.getBoxModel", { nodeId });
        const [x1, y1, , , x3, y3] = model.content;
        return { x: (x1 + x3) / 2, y: (y1 + y3) / 2, text: (await cdp.send("DOM.getOuterHTML", { nodeId })).outerHTML };
      }
    }
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

beforeAll(async () => {
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme");
  const code = await inviteCode(api.url, lead);
  await apiCall(api.url, "/v1/join", { body: { code, name: "Quinn Mbeki", department: "Finance" } });
  await seed(api.url, lead, [
    { entity: "responsibility", fields: { target: "github:acme/app#7", person: "Dana Ortiz", department: "Privacy Office", role: "A" } },
    { entity: "risk", fields: { title: "Payments outage", targets: ["github:acme/app#7"], likelihood: 5, impact: 5 } },
    { entity: "responsibility", fields: { target: "github:acme/app#8", person: "Dana Ortiz", department: "Privacy Office", role: "A" } },
    {
      entity: "annotation",
      fields: {
        url: issueUrl,
        targets: ["github:acme/app#7"],
        quote: "Support has 14 tickets about this so far.",
        selectors: [{ type: "TextQuoteSelector", exact: "Support has 14 tickets about this so far.", prefix: "", suffix: "" }],
        body: "The settlement with the provider is not public yet",
      },
    },
  ]);
});

afterAll(async () => {
  await api?.stop();
});

describe("a hostile tracker page", () => {
  it("reads nothing of Liaison and saves nothing through it in the release build, while the user's own clicks work", async () => {
    const browser = await joinedProfile("Sam Wu", releaseExtensionDir);
    try {
      const page = await browser.context.newPage();
      await page.goto(issueUrl);
      // Liaison did draw the chip and the highlight: there was something to steal.
      await expect
        .poll(async () => (await closedBox(page, "liaison-chip", ".chip"))?.text ?? "", { timeout: 15_000 })
        .toContain("Dana Ortiz");
      await page.locator("liaison-highlight[data-annotation-id]").first().waitFor({ state: "attached" });
      await letItTry(page);
      // No highlight carries the note: only its id (read while this page's highlights are drawn).
      const highlightAttributes = await page.evaluate(() =>
        [...document.querySelectorAll("liaison-highlight")].flatMap((h) => [...h.attributes].map((a) => a.name)),
      );
      expect(new Set(highlightAttributes)).toEqual(new Set(["data-annotation-id"]));
      // An item page the page script moves to without a load: the chip follows, the script still reads nothing.
      await page.evaluate(() => history.pushState({}, "", "/acme/app/issues/8"));
      await expect.poll(async () => (await closedBox(page, "liaison-chip", ".chip"))?.text ?? "").toContain("Dana Ortiz");
      await letItTry(page);

      const seen = await stolen(page);
      for (const secret of secrets) expect(seen, `the page read "${secret}"`).not.toContain(secret);
      await page.evaluate(() => history.pushState({}, "", "/acme/app/issues/7"));
      expect(await actionItemTexts()).toEqual([]);

      // The user selects the words and presses the toolbar's "Action item", types and saves: real input.
      // (The script stops moving the selection meanwhile, which would only take the user's typing away.)
      await page.evaluate(() => Object.assign(window, { __userTyping: true }));
      await page.locator("#decision-line").click({ clickCount: 3 });
      await expect.poll(async () => closedBox(page, "liaison-capture", 'button[aria-label="Action item"]')).not.toBeNull();
      const button = await closedBox(page, "liaison-capture", 'button[aria-label="Action item"]');
      await page.mouse.click(button!.x, button!.y);
      await expect.poll(async () => closedBox(page, "liaison-capture", "textarea")).not.toBeNull();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("Legal signs the DPA this week");
      const save = await closedBox(page, "liaison-capture", 'button[type="submit"]');
      await page.mouse.click(save!.x, save!.y);
      await expect.poll(actionItemTexts, { timeout: 20_000 }).toEqual(["Legal signs the DPA this week"]);
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it("ignores clicks, keys and submits a script makes even where it can reach the controls (test build, open shadow roots)", async () => {
    const browser = await joinedProfile("Kim Park");
    try {
      const page = await browser.context.newPage();
      await page.goto(issueUrl);
      await page.locator('liaison-chip[data-liaison-target="github:acme/app#7"] .chip').waitFor();
      await letItTry(page);
      // The script pressed the chip, the adder and the highlight: no form opened, no side panel focus was set.
      await expect(page.getByRole("dialog").count()).resolves.toBe(0);

      // The user opens the form; the script fills it and submits it, again and again.
      await page.locator("#decision-line").click({ clickCount: 3 });
      await page.getByRole("button", { name: "Action item" }).click();
      const form = page.getByRole("dialog", { name: "New action item" });
      await form.waitFor();
      await letItTry(page);
      await expect(form.count()).resolves.toBe(1);
      // The script may write into a field it can reach, but its submits saved nothing.
      const before = await actionItemTexts();
      expect(before).not.toContain("Wire the budget to account 42");

      await form.getByLabel("What needs to happen").fill("QA reruns the staging cards");
      await form.getByRole("button", { name: "Save" }).click();
      await page.getByRole("status").filter({ hasText: "Action item saved" }).waitFor();
      await expect.poll(actionItemTexts, { timeout: 20_000 }).toContain("QA reruns the staging cards");
      expect((await actionItemTexts()).some((text) => text.includes("Wire the budget"))).toBe(false);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
