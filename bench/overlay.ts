// Overlay benchmark in real Chromium with the built extension: a 500-row GitHub issue list and
// an issue page. Prints the time from the content script's start (and from DOMContentLoaded)
// to chips and badges painted, the longest task, the overlay's longest synchronous block, the
// JS heap the content script adds and the gzip size of the script loaded at page start.
// Run: npm run bench:overlay (builds the extension first).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { findChromium } from "../scripts/ensure-chromium.mjs";
import { extensionDir, fixturesDir, launchProfile } from "../test/e2e/support/browser";
import { median } from "./stats";

const runs = 7;
const listUrl = "https://github.com/acme/app/issues";
const itemUrl = "https://github.com/acme/app/issues/7";

function listPage(rows: number) {
  const items = Array.from(
    { length: rows },
    (_, i) =>
      `<li role="listitem" style="padding:10px 16px;border-top:1px solid #d1d9e0"><a data-testid="issue-pr-title-link" href="/acme/app/issues/${i + 1}">Issue number ${i + 1}: something to coordinate</a><span style="display:block;color:#59636e;font-size:12px">#${i + 1} opened by pat</span></li>`,
  ).join("");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Issues · acme/app</title></head><body style="font:14px sans-serif;margin:0"><main style="padding:24px"><ul style="list-style:none;margin:0;padding:0">${items}</ul></main></body></html>`;
}

async function serve(context: BrowserContext) {
  const item = await readFile(path.join(fixturesDir, "github/issue.html"), "utf8");
  const list = listPage(500);
  await context.route(listUrl, (route) => route.fulfill({ contentType: "text/html", body: list }));
  await context.route(itemUrl, (route) => route.fulfill({ contentType: "text/html", body: item }));
}

async function observeLongTasks(page: Page) {
  await page.addInitScript(`
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: "longtask", buffered: true });
  `);
}

async function heapUsed(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function measure(context: BrowserContext, url: string, badges: number) {
  const page = await context.newPage();
  await observeLongTasks(page);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("liaison:painted").length > 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
  // Badges out of view are drawn in later slices: all of them must be there by now.
  const shown = await page.locator("liaison-badges .badge").count();
  if (shown !== badges) throw new Error(`expected ${badges} badges, saw ${shown}`);
  // A string, not a function: the TypeScript runner would wrap named helpers in code the page lacks.
  const figures = (await page.evaluate(`(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const navigation = performance.getEntriesByType("navigation")[0];
    return {
      fromStart: at("liaison:painted") - at("liaison:start"),
      fromDomContentLoaded: at("liaison:painted") - navigation.domContentLoadedEventStart,
      startAfterDomContentLoaded: at("liaison:start") - navigation.domContentLoadedEventStart,
      longestTask: window.__longest,
      longestBlock: performance.getEntriesByName("liaison:block")[0]?.duration ?? 0,
    };
  })()`)) as {
    fromStart: number;
    fromDomContentLoaded: number;
    startAfterDomContentLoaded: number;
    longestTask: number;
    longestBlock: number;
  };
  const heap = await heapUsed(page);
  await page.close();
  return { ...figures, heap };
}

async function heapWithout(url: string) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found");
  const dir = await mkdtemp(path.join(tmpdir(), "liaison-bench-plain-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  await serve(context);
  const sizes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForTimeout(500);
    sizes.push(await heapUsed(page));
    await page.close();
  }
  await context.close();
  await rm(dir, { recursive: true, force: true });
  return median(sizes);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const profile = await launchProfile();
await serve(profile.context);
try {
  const script = await readFile(path.join(extensionDir, "content-scripts", "liaison.js"));
  console.log("Liaison overlay benchmark (headless Chromium, built extension, median of %d loads)", runs);
  console.log(
    `  content script at page start     ${(script.length / 1024).toFixed(1)} kB, ${(gzipSync(script).length / 1024).toFixed(1)} kB gzip`,
  );
  for (const [label, url, badges] of [
    ["500-row list", listUrl, 500],
    ["issue page", itemUrl, 0],
  ] as const) {
    await measure(profile.context, url, badges); // warm-up
    const samples: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(profile.context, url, badges));
    const pick = (key: keyof Awaited<ReturnType<typeof measure>>) => median(samples.map((s) => s[key]));
    const plainHeap = await heapWithout(url);
    console.log(`\n${label}`);
    console.log(`  script start after DOMContentLoaded  ${ms(pick("startAfterDomContentLoaded"))}`);
    console.log(`  painted after the script's start     ${ms(pick("fromStart"))}`);
    console.log(`  painted after DOMContentLoaded       ${ms(pick("fromDomContentLoaded"))}`);
    console.log(`  longest task on the page             ${ms(Math.max(...samples.map((s) => s.longestTask)))}`);
    console.log(
      `  overlay's longest synchronous block  ${ms(Math.max(...samples.map((s) => s.longestBlock)))} (in the median load ${ms(pick("longestBlock"))})`,
    );
    console.log(`  JS heap added by the extension       ${((pick("heap") - plainHeap) / 1024).toFixed(0)} kB`);
  }
} finally {
  await profile.close();
}
