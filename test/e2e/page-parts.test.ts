import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extensionDir, launchProfile, type Profile, serveFixture } from "./support/browser";

// Liaison on a page comes in three scripts: the overlay at page start, the annotations injected
// by the background once the overlay is drawn, and capture with its forms when first wanted.
const issueUrl = "https://github.com/acme/app/issues/7";

let browser: Profile;

beforeAll(async () => {
  browser = await launchProfile();
  await serveFixture(browser.context, issueUrl, "github/issue.html");
});

afterAll(async () => {
  await browser?.close();
});

/** Sends a message to the tab showing `url`, as the background does for the context menu and the shortcut. */
async function sendToTab(url: string, message: unknown) {
  const options = await browser.openPage("options.html");
  try {
    await options.evaluate(
      `(async () => {
        const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(url)} });
        await chrome.tabs.sendMessage(tab.id, ${JSON.stringify(message)});
      })()`,
    );
  } finally {
    await options.close();
  }
}

describe("Liaison's scripts on a page", () => {
  it("loads at page start only the overlay, well under 30 kB gzip, and ships the rest apart", () => {
    const script = (name: string) => readFileSync(path.join(extensionDir, "content-scripts", name));
    const start = script("liaison.js");
    expect(gzipSync(start).length).toBeLessThan(30 * 1024);
    // The anchoring of annotations and the capture forms come later, each in its own script.
    expect(script("liaison-annotations.js").toString("utf8")).toContain("TextQuoteSelector");
    expect(script("liaison-capture.js").toString("utf8")).toContain("TextQuoteSelector");
    expect(start.toString("utf8")).not.toContain("TextQuoteSelector");
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, "manifest.json"), "utf8"));
    expect(manifest.content_scripts.flatMap((script: { js: string[] }) => script.js)).toEqual(["content-scripts/liaison.js"]);
    // Injecting the rest takes the trackers' own hosts, no more.
    expect([...manifest.host_permissions].sort()).toEqual([...manifest.content_scripts[0].matches].sort());
  });

  it("brings the annotations after the first drawing, and capture only once words are selected", async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const parsed: string[] = [];
    cdp.on("Debugger.scriptParsed", ({ url }) => parsed.push(url));
    await cdp.send("Debugger.enable");
    await page.goto(issueUrl);
    await page.locator('liaison-chip[data-liaison-target="github:acme/app#7"]').waitFor();
    const script = (name: string) => parsed.some((url) => url.endsWith(`/content-scripts/${name}`));
    await expect.poll(() => script("liaison-annotations.js")).toBe(true);
    await page.waitForTimeout(300);
    expect(script("liaison-capture.js")).toBe(false);
    // A triple click selects a paragraph: the toolbar offers to capture it.
    await page.locator("#decision-line").click({ clickCount: 3 });
    await page.getByRole("button", { name: "Action item" }).waitFor();
    expect(script("liaison-capture.js")).toBe(true);
    await cdp.detach();
    await page.close();
  });

  it("opens the capture form when the context menu or the shortcut asks, with the selected words", async () => {
    const page = await browser.context.newPage();
    await page.goto(issueUrl);
    await page.locator('liaison-chip[data-liaison-target="github:acme/app#7"]').waitFor();
    await sendToTab(issueUrl, { type: "capture.open", kind: "actionItem", selectionText: "Book the legal review" });
    const form = page.getByRole("dialog", { name: "New action item" });
    await expect(form.getByLabel("What needs to happen").inputValue()).resolves.toContain("Book the legal review");
    await page.close();
  });

  it("opens the annotation form the same way, even when asked right as the page starts", async () => {
    const page = await browser.context.newPage();
    await page.goto(issueUrl, { waitUntil: "commit" });
    // Before the overlay is drawn the rest is not there yet: the request waits for it instead of being lost.
    await expect
      .poll(async () => {
        try {
          await sendToTab(issueUrl, { type: "capture.open", kind: "annotation", selectionText: "data processing agreement" });
          return true;
        } catch {
          return false; // The page's first script has not started yet.
        }
      })
      .toBe(true);
    await page.getByRole("dialog", { name: "New annotation" }).waitFor();
    await page.close();
  });
});
