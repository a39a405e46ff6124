import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { fixturesDir, launchProfile, type Profile } from "./support/browser";
import { type ApiSession, connectProfile, createWorkspaceViaApi, inviteCode } from "./support/team";

const issueUrl = "https://github.com/acme/app/issues/7";
const pageKey = "url:https://github.com/acme/app/issues/7";
const quote = "confirm the new data processing agreement";
const note = "Legal: please review the **DPA** terms.";

let api: Awaited<ReturnType<typeof startTestApi>>;
let lead: ApiSession;
let pat: Profile;
let dana: Profile;
let annotationId = "";

/** Which version of the issue each profile gets at the same URL: the page changes between visits. */
const served = new Map<Profile, string>();

async function serveIssue(profile: Profile, fixture: string) {
  served.set(profile, fixture);
  await profile.context.route(issueUrl, async (route) => {
    const body = await readFile(path.join(fixturesDir, served.get(profile) ?? fixture), "utf8");
    await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body });
  });
}

/** Reads the extension's local store from one of its pages (strings: the test runner would rewrite a function's helpers). */
function readStore(page: Page, store: "kv" | "annotations", key = "") {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open("liaison");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const request = ${JSON.stringify(store)} === "kv"
      ? db.transaction("kv").objectStore("kv").get(${JSON.stringify(key)})
      : db.transaction("rows").objectStore("rows").index("byEntity").getAll("annotation");
    const value = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
    db.close();
    return value;
  })()`);
}

/** Drags the mouse over the words, as a user selects them. */
async function dragOver(page: Page, selector: string, words: string) {
  const box = (await page.evaluate(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const text = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text.push(node);
    const node = text.find((n) => n.data.includes(${JSON.stringify(words)}));
    const start = node.data.indexOf(${JSON.stringify(words)});
    const rect = (from, to) => { const r = document.createRange(); r.setStart(node, from); r.setEnd(node, to); return r.getClientRects()[0]; };
    const first = rect(start, start + 1);
    const last = rect(start + ${words.length} - 1, start + ${words.length});
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  })()`)) as { x1: number; y1: number; x2: number; y2: number };
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/** The text a highlight wraps, whitespace read as the page shows it, and what comes right before and after it. */
function highlightOf(page: Page, id: string) {
  return page.evaluate(`(() => {
    const elements = [...document.querySelectorAll('liaison-highlight[data-annotation-id="${id}"]')];
    if (elements.length === 0) return null;
    const squash = (s) => s.replace(/\\s+/g, " ");
    const range = document.createRange();
    range.setStartBefore(elements[0]);
    range.setEndAfter(elements[elements.length - 1]);
    const paragraph = elements[0].closest("p");
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEndBefore(elements[0]);
    const after = document.createRange();
    after.setStartAfter(elements[elements.length - 1]);
    after.setEnd(paragraph, paragraph.childNodes.length);
    return { text: squash(elements.map((e) => e.textContent).join("")), before: squash(before.toString()), after: squash(after.toString()), count: elements.length };
  })()`) as Promise<{ text: string; before: string; after: string; count: number } | null>;
}

beforeAll(async () => {
  api = await startTestApi();
  lead = await createWorkspaceViaApi(api.url, "Acme", { name: "Lee Chen", department: "Product" });
  pat = await launchProfile();
  dana = await launchProfile();
  await serveIssue(pat, "github/issue.html");
  await serveIssue(dana, "github/issue-edited.html");
  const patOptions = await connectProfile(
    pat,
    api.url,
    { name: "Pat Lee", department: "Product" },
    { code: await inviteCode(api.url, lead) },
  );
  await patOptions.close();
  const danaOptions = await connectProfile(
    dana,
    api.url,
    { name: "Dana Ortiz", department: "Legal" },
    { code: await inviteCode(api.url, lead) },
  );
  await danaOptions.close();
});

afterAll(async () => {
  await pat?.close();
  await dana?.close();
  await api?.stop();
});

describe("annotations: made on a page, found again after it changed, shared with the team", () => {
  it("annotates the selected words from the adder and highlights exactly them, without moving the page", async () => {
    const page = await pat.context.newPage();
    await page.goto(issueUrl);
    const paragraph = page.locator("#decision-line");
    await paragraph.waitFor();
    const before = await paragraph.boundingBox();

    await dragOver(page, "#decision-line", quote);
    await expect(page.evaluate("window.getSelection().toString()")).resolves.toBe(quote);
    await page.getByRole("button", { name: "Annotate" }).click();
    const form = page.getByRole("dialog", { name: "New annotation" });
    await expect(form.locator("blockquote").textContent()).resolves.toBe(quote);
    await form.getByLabel("Note").fill(note);
    await form.getByLabel("Tags (comma separated)").fill("legal, dpa");
    await form.getByLabel("Addressed to").fill("Legal");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Annotation saved" }).waitFor();

    const highlight = page.locator("liaison-highlight[data-annotation-id]");
    await highlight.first().waitFor({ state: "attached" });
    annotationId = (await highlight.first().getAttribute("data-annotation-id")) ?? "";
    expect(annotationId).toMatch(/^[a-f0-9]{32}$/);
    expect(await highlightOf(page, annotationId)).toEqual({
      text: quote,
      before: "Legal must ",
      after: " before we route EU payments through the new provider.",
      count: 1,
    });
    expect(await paragraph.boundingBox()).toEqual(before);
    await page.close();
  });

  it("finds the words again in a changed version of the page at the same URL", async () => {
    served.set(pat, "github/issue-edited.html");
    const page = await pat.context.newPage();
    await page.goto(issueUrl);
    await page.getByText("Update from Support: 20 more tickets").waitFor();
    await page.locator(`liaison-highlight[data-annotation-id="${annotationId}"]`).first().waitFor({ state: "attached" });
    expect(await highlightOf(page, annotationId)).toEqual({
      text: quote,
      before: "As discussed on Monday, Legal must ",
      after: " before we route any EU payments through the new provider.",
      count: 1,
    });
    const options = await pat.openPage("options.html");
    await expect
      .poll(
        async () =>
          ((await readStore(options, "kv", "anchoring")) as Record<string, { statuses: Record<string, string> }>)?.[pageKey]?.statuses[
            annotationId
          ],
      )
      .toBe("anchored");
    await options.close();
    await page.close();
  });

  it("shows the teammate the highlight once synced, with the note on hover, and opens it on click", async () => {
    const options = await dana.openPage("options.html");
    // Pat's browser pushed the annotation in the background; Dana's pulls it.
    await expect
      .poll(
        async () => {
          await options.getByRole("button", { name: "Sync now" }).click();
          return ((await readStore(options, "annotations")) as unknown[]).length;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);

    const page = await dana.context.newPage();
    await page.goto(issueUrl);
    const highlight = page.locator(`liaison-highlight[data-annotation-id="${annotationId}"]`);
    await highlight.first().waitFor({ state: "attached" });
    expect((await highlightOf(page, annotationId))?.text).toBe(quote);

    const box = await highlight.first().boundingBox();
    if (!box) throw new Error("the highlight has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.getByRole("tooltip");
    await tip.waitFor();
    await expect(tip.textContent()).resolves.toContain("Legal: please review the DPA terms.");
    await expect(tip.locator("strong").first().textContent()).resolves.toBe("Pat Lee");
    await expect(tip.textContent()).resolves.toContain("To Legal");

    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(async () => ((await readStore(options, "kv", "focus")) as { annotationId?: string } | undefined)?.annotationId)
      .toBe(annotationId);
    await options.close();
    await page.close();
  });

  it("reports an annotation whose words are gone as an orphan, without highlighting anything", async () => {
    served.set(pat, "github/issue-quote-removed.html");
    const page = await pat.context.newPage();
    await page.goto(issueUrl);
    await page.getByText("The provider contract was signed on 18 November").waitFor();
    const options = await pat.openPage("options.html");
    await expect
      .poll(
        async () =>
          ((await readStore(options, "kv", "anchoring")) as Record<string, { statuses: Record<string, string> }>)?.[pageKey]?.statuses[
            annotationId
          ],
        {
          timeout: 15_000,
        },
      )
      .toBe("orphan");
    await expect(page.locator("liaison-highlight").count()).resolves.toBe(0);
    // The annotation itself stays: the side panel lists it as not found.
    await expect(readStore(options, "annotations")).resolves.toHaveLength(1);
    await options.close();
    await page.close();
  });
});
