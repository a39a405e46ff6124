import type { Page } from "playwright-core";
import type { PageMessage } from "../../../extension/common/messages";

/** Sends a message to the background from one of the extension's pages, as the side panel does (the background checks it). */
export async function send<T = unknown>(page: Page, message: { type: PageMessage["type"] } & Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  )) as { ok: true; value: T } | { ok: false; error: string } | undefined;
  if (!reply?.ok) throw new Error(`${message.type}: ${reply ? reply.error : "no answer"}`);
  return reply.value;
}

/**
 * Turns live updates on or off for a browser (the `live` setting in the extension's store),
 * from one of its pages, and tells the background to look at it again.
 */
export async function setLiveUpdates(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("liaison");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("kv", "readwrite");
          tx.objectStore("kv").put(value, "live");
          tx.oncomplete = () => {
            open.result.close();
            const channel = new BroadcastChannel("liaison-store");
            channel.postMessage({ type: "changed" });
            channel.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    on,
  );
}

/** The side panel's sync bar says updates arrive live. */
export function liveBadge(panel: Page) {
  return panel.locator(".sync .live");
}
