import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { findChromium } from "../../../scripts/ensure-chromium.mjs";
import { root } from "../../../scripts/server.mjs";

export const extensionDir = path.join(root as string, ".output", "chrome-mv3");
export const fixturesDir = path.join(root as string, "test", "fixtures");

export interface Profile {
  context: BrowserContext;
  extensionId: string;
  /** Opens one of the extension's pages (options.html, sidepanel.html) in a tab. */
  openPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh Chromium profile with the built extension loaded, as a user would have it. */
export async function launchProfile(options: { lang?: string } = {}): Promise<Profile> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run scripts/ensure-chromium.mjs or set CHROMIUM_PATH");
  const userDataDir = await mkdtemp(path.join(tmpdir(), "liaison-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale: options.lang ?? "en-US",
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async openPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves a saved page at its real URL, so the content scripts match it as they would in the wild. */
export async function serveFixture(context: BrowserContext, url: string, fixture: string): Promise<void> {
  const body = await readFile(path.join(fixturesDir, fixture), "utf8");
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
}
