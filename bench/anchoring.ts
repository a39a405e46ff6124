// Anchoring benchmark in real Chromium: 200 annotations on a page with about 1 MB of text,
// anchored again (1) on the unchanged page, (2) after every element path and position moved,
// (3) with every quote edited by about 10 % and (4, 5) with both, moved a little and a lot (the
// worst case: every quote searched for through the whole page). Prints the total time, the
// longest slice of main-thread work (anchoring pauses for the page between slices), Chromium's
// own long tasks (over 50 ms) and how many annotations were found on the right words.
// Targets: all 200 anchored within 50 ms when their words are unchanged; no slice over 16 ms.
// Run: npm run bench:anchoring (the anchoring code is bundled here with esbuild; no extension build).
import { type Browser, chromium } from "playwright-core";
import { findChromium } from "../scripts/ensure-browsers.mjs";
import type { Figures } from "./anchoring-page";
import { bundlePageScript } from "./page-bundle";
import { median } from "./stats";

const annotations = 200;
const textChars = 1_000_000;
const runs = 3;

interface Scenario {
  name: string;
  /** Changes the page after the annotations were made (a string run in the page). */
  change: string;
  highlight?: boolean;
}

const scenarios: Scenario[] = [
  { name: "unchanged page (range selectors), with highlighting", change: "", highlight: true },
  { name: "paths and positions moved (exact quote search)", change: "anchoringBench.shiftPage()" },
  { name: "every quote edited ~10 % (fuzzy, near its old place)", change: "anchoringBench.editQuotes(0.1)" },
  {
    name: "edited ~10 % and moved ~10 kB (fuzzy, near its old place)",
    change: "anchoringBench.shiftPage(); anchoringBench.editQuotes(0.1)",
  },
  {
    name: "edited ~10 % and moved ~100 kB (fuzzy, whole page each)",
    change: "anchoringBench.shiftPage(400); anchoringBench.editQuotes(0.1)",
  },
];

/** One run in a fresh page, so that no run inherits another's heap or observers. */
async function runScenario(browser: Browser, script: string, scenario: Scenario) {
  const page = await browser.newPage();
  await page.setContent("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Bench</title></head><body></body></html>");
  await page.addScriptTag({ content: script });
  const chars = (await page.evaluate(`anchoringBench.buildPage(${textChars})`)) as number;
  await page.evaluate(`anchoringBench.annotate(${annotations})`);
  if (scenario.change) await page.evaluate(scenario.change);
  // Chromium's own view of the main thread: every task over 50 ms while anchoring runs.
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); }).observe({ type: "longtask" });
  })()`);
  const figures = (await page.evaluate(`anchoringBench.anchorAll({ highlight: ${Boolean(scenario.highlight)} })`)) as Figures;
  await page.waitForTimeout(100);
  const longTasks = (await page.evaluate("window.__longTasks")) as number[];
  await page.close();
  return { chars, figures, longTasks };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run scripts/ensure-browsers.mjs or set CHROMIUM_PATH");
  const script = await bundlePageScript("anchoring-page.ts");
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    console.log(
      `Anchoring ${annotations} annotations on a page with ~${(textChars / 1e6).toFixed(1)} MB of text; median of ${runs} runs.\n`,
    );
    for (const scenario of scenarios) {
      const results = [];
      for (let run = 0; run < runs; run++) results.push(await runScenario(browser, script, scenario));
      const last = results[results.length - 1];
      const longTasks = results.flatMap((r) => r.longTasks);
      console.log(scenario.name);
      console.log(
        `  text: ${last.chars.toLocaleString("en")} characters; index built in ${ms(median(results.map((r) => r.figures.indexMs)))}`,
      );
      console.log(
        `  total: ${ms(median(results.map((r) => r.figures.totalMs)))} (runs: ${results.map((r) => ms(r.figures.totalMs)).join(", ")})`,
      );
      const over = results.map((r) => r.figures.slicesOver16Ms);
      console.log(
        `  longest slice: ${ms(Math.max(...results.map((r) => r.figures.longestSliceMs)))}; ${last.figures.pauses} pauses a run; slices over 16 ms: ${over.join(", ")}`,
      );
      console.log(`  Chromium long tasks (> 50 ms): ${longTasks.length ? longTasks.map(ms).join(", ") : "none"}`);
      console.log(
        `  found: ${last.figures.found}/${last.figures.annotations}, on the right words: ${last.figures.right}; by ${JSON.stringify(last.figures.methods)}`,
      );
      if (scenario.highlight) console.log(`  highlighting all found (one task): ${ms(median(results.map((r) => r.figures.highlightMs)))}`);
      console.log("");
    }
  } finally {
    await browser.close();
  }
}

await main();
