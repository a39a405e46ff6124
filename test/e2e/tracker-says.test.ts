// End to end: a closed GitHub issue with an open action item shows in Gaps as closed in the tracker, and by its title in the Action items list; a page without records sends the API nothing.
import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile, serveFixture } from "./support/browser";
import { send, setLiveUpdates } from "./support/live";
import { connectProfile, newId } from "./support/team";

const closedUrl = "https://github.com/acme/app/issues/7";
const closedKey = "github:acme/app#7";
const issueTitle = "Checkout times out for EU customers";
/** An issue nobody recorded anything about. */
const browsedUrl = "https://github.com/acme/app/issues/9";
/** An issue only the member's own private annotation is about. */
const annotatedUrl = "https://github.com/acme/app/issues/11";
const annotatedKey = "github:acme/app#11";
const itemId = newId("t");
const itemText = "Tell Support the EU fix is live";

interface Seen {
  method: string;
  url: string;
  body: string;
}

/** A proxy in front of the API that writes down every request the extension makes (live sockets refused: it polls instead). */
async function recordingProxy(upstream: string) {
  const seen: Seen[] = [];
  const target = new URL(upstream);
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? "", url: req.url ?? "", body: body.toString("utf8") });
      const forward = request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(body);
    });
  });
  server.on("upgrade", (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let api: Awaited<ReturnType<typeof startTestApi>>;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let profile: Profile;
let panel: Page;

/** Waits for a condition outside a test (expect.poll is for tests). */
async function until(condition: () => boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pushes = () => proxy.seen.filter((r) => r.method === "POST" && r.url.startsWith("/v1/sync/push"));

beforeAll(async () => {
  api = await startTestApi();
  proxy = await recordingProxy(api.url);
  profile = await launchProfile();
  await serveFixture(profile.context, closedUrl, "github/issue-closed.html");
  await serveFixture(profile.context, browsedUrl, "github/issue.html");
  await serveFixture(profile.context, annotatedUrl, "github/issue.html");
  const options = await connectProfile(profile, proxy.url, { name: "Pat Lee", department: "Product" }, { create: "Acme" });
  await options.close();
  panel = await profile.openPage("sidepanel.html");
  await setLiveUpdates(panel, false);
  await panel.locator("#tab-actionItems").click();
  await send(panel, {
    type: "entity.mutate",
    entity: "action_item",
    entityId: itemId,
    op: "upsert",
    fields: { text: itemText, targets: [closedKey] },
  });
  await panel.locator(`li.item[data-item-id="${itemId}"]`).waitFor({ timeout: 20_000 });
  // The action item reached the server: what comes after is the pages' doing.
  await until(() => pushes().some((r) => r.body.includes(itemId)));
});

afterAll(async () => {
  await profile?.close();
  await proxy?.stop();
  await api?.stop();
});

/** Opens a tracker page and waits for its overlay, its later part and the tracker reading to be done with it. */
async function visit(url: string): Promise<Page> {
  const page = await profile.context.newPage();
  await page.goto(url);
  await page.locator("liaison-chip").waitFor({ timeout: 20_000 });
  // The reading waits for the page to be still a second, then the background writes and syncs soon after.
  await page.waitForTimeout(4000);
  return page;
}

describe("what the tracker says", () => {
  it("sends the API nothing for a page without any Liaison record", async () => {
    const before = proxy.seen.length;
    const page = await visit(browsedUrl);
    const after = proxy.seen.slice(before);
    expect(after.filter((r) => r.method !== "GET")).toEqual([]);
    for (const r of after) {
      expect(r.url + r.body).not.toContain("acme/app#9");
      expect(r.url + r.body).not.toContain("tracker_item");
    }
    await page.close();
  });

  it("sends no tracker reading for a page only the member's private annotation is about", async () => {
    const noteId = newId("n");
    await send(panel, {
      type: "entity.mutate",
      entity: "annotation",
      entityId: noteId,
      op: "upsert",
      fields: { url: annotatedUrl, targets: [annotatedKey], quote: "times out", body: "ask Sam", visibility: "private" },
    });
    await until(() => pushes().some((r) => r.body.includes(noteId)));
    const before = proxy.seen.length;
    const page = await visit(annotatedUrl);
    // Whatever the page's reading left in the outbox goes now.
    await send(panel, { type: "sync.now" });
    for (const r of proxy.seen.slice(before)) expect(r.url + r.body).not.toContain("tracker_item");
    await page.close();
  });

  it("shows a closed GitHub issue with an open action item as closed in the tracker in Gaps, and its title in the Action items list", async () => {
    const page = await visit(closedUrl);
    // What the tracker says went to the server, for this item only.
    await expect
      .poll(() => pushes().some((r) => r.body.includes("tracker_item") && r.body.includes(issueTitle)), { timeout: 30_000 })
      .toBe(true);
    expect(pushes().some((r) => r.body.includes("acme/app#9"))).toBe(false);
    await page.close();

    const item = panel.locator(`li.item[data-item-id="${itemId}"]`);
    await expect.poll(() => item.locator(".item-title").textContent(), { timeout: 20_000 }).toBe(issueTitle);
    expect(await item.locator(".item-key").textContent()).toBe(closedKey);

    await panel.locator("#tab-gaps").click();
    const closed = panel.getByRole("region", { name: /Closed in the tracker, but action items still open/ });
    await expect.poll(() => closed.textContent(), { timeout: 20_000 }).toContain(issueTitle);
    expect(await closed.textContent()).toContain("Closed");
    expect(await closed.textContent()).toContain(itemText);
  });
});
