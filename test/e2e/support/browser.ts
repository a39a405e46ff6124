import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { findChromium } from "../../../scripts/ensure-browsers.mjs";
import { root } from "../../../scripts/server.mjs";

export const extensionDir = path.join(root as string, ".output", "chrome-mv3");
export const fixturesDir = path.join(root as string, "test", "fixtures");

export interface Profile {
  /** The browser's context; a new one after restart(). */
  context: BrowserContext;
  extensionId: string;
  /** Opens one of the extension's pages (options.html, sidepanel.html) in a tab. */
  openPage(file: string): Promise<Page>;
  /** Stops the extension's service worker, as Chrome does when it idles; the next event starts it again. */
  stopServiceWorker(): Promise<void>;
  /** Quits the browser and starts it again on the same profile (same extension id, same IndexedDB). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

interface LaunchOptions {
  lang?: string;
  /** The unpacked extension to load: the test build (open shadow roots) unless told otherwise. */
  extension?: string;
}

function launch(userDataDir: string, options: LaunchOptions) {
  const extension = options.extension ?? extensionDir;
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run scripts/ensure-browsers.mjs or set CHROMIUM_PATH");
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale: options.lang ?? "en-US",
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
}

/** A fresh Chromium profile with the built extension loaded, as a user would have it. */
export async function launchProfile(options: LaunchOptions = {}): Promise<Profile> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "liaison-profile-"));
  const context = await launch(userDataDir, options);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const profile: Profile = {
    context,
    extensionId,
    async openPage(file) {
      const page = await profile.context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async stopServiceWorker() {
      const page = await profile.context.newPage();
      try {
        const cdp = await profile.context.newCDPSession(page);
        const ours = `chrome-extension://${extensionId}/`;
        const stopped = new Promise<void>((resolve) =>
          cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(ours) && v.runningStatus === "stopped")) resolve();
          }),
        );
        await cdp.send("ServiceWorker.enable");
        await cdp.send("ServiceWorker.stopAllWorkers");
        await Promise.race([
          stopped,
          new Promise((_, reject) => setTimeout(() => reject(new Error("the service worker did not stop within 10 s")), 10_000)),
        ]);
        await cdp.detach().catch(() => {});
      } finally {
        await page.close().catch(() => {});
      }
    },
    async restart() {
      await profile.context.close();
      profile.context = await launch(userDataDir, options);
    },
    async close() {
      await profile.context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return profile;
}

/**
 * Grants Liaison a host the way a user can on the browser's own extensions page (Site access,
 * "Add a site"): chrome://extensions calls developerPrivate.addHostPermission, which records the
 * host in the extension's runtime-granted permissions, the set the permission prompt's "Allow"
 * also writes. Headless Chromium draws that prompt where no test can click it, and Chrome asks no
 * prompt for a host the user already granted: the options page's permissions.request, called from
 * the user's click, then answers true and activates the permission, as after "Allow".
 */
export function grantHostInExtensionsPage(profile: Profile, pattern: string): Promise<void> {
  return onExtensionsPage(profile, `addHostPermission(${JSON.stringify(profile.extensionId)}, ${JSON.stringify(pattern)})`);
}

/** Takes a host's access away on the browser's extensions page (Site access, a site's "Remove"), as a user can. */
export function revokeHostInExtensionsPage(profile: Profile, pattern: string): Promise<void> {
  return onExtensionsPage(profile, `removeHostPermission(${JSON.stringify(profile.extensionId)}, ${JSON.stringify(pattern)})`);
}

async function onExtensionsPage(profile: Profile, call: string) {
  const page = await profile.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${profile.extensionId}`);
    // Evaluated in chrome://extensions, where `chrome.developerPrivate` is the page's own API.
    await page.evaluate(`chrome.developerPrivate.${call}`);
  } finally {
    await page.close();
  }
}

/** Serves a saved page at its real URL, so the content scripts match it as they would in the wild. */
export async function serveFixture(context: BrowserContext, url: string, fixture: string): Promise<void> {
  const body = await readFile(path.join(fixturesDir, fixture), "utf8");
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
}

/**
 * Picks a select's option or types a date the way a person does, with the keyboard. Liaison's
 * in-page forms act only on trusted input, and Playwright's `selectOption()` and `fill()` on a
 * date field set the value with script-made events. `text` is what a person types: the start of
 * the option's label, or a date's digits in the field's order (month, day, year in en-US).
 */
export async function typeIntoField(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.page().keyboard.type(text, { delay: 20 });
}
