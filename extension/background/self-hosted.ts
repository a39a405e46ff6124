// Self-hosted trackers in the background: Liaison's content script registered on each host the user granted, removed when it is not.
import { browser } from "wxt/browser";
import { contentScriptId, type PageLeave, type SelfHostedKind, type SelfHostedSite, selfHostedOrigin } from "../common/self-hosted";
import { type Db, getKv, setKv } from "../store/db";
import { announceChange } from "../store/store";

const contentScript = "content-scripts/liaison.js";

async function granted(pattern: string) {
  return browser.permissions.contains({ origins: [pattern] });
}

/** Registers Liaison's content script on a host, once. */
async function register(id: string, pattern: string) {
  const registered = async () => (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  if (await registered()) return;
  await browser.scripting
    .registerContentScripts([{ id, matches: [pattern], js: [contentScript], runAt: "document_idle", persistAcrossSessions: true }])
    .catch(async (failure: unknown) => {
      // Registered meanwhile (the permission's grant ran the same registration): as wanted.
      if (!(await registered())) throw failure;
    });
}

/**
 * Liaison leaves the pages of `origin` open now. Every tab is told (a tab's address is hidden
 * from Liaison once the host is no longer granted); only pages of that origin act on it.
 */
async function leaveOpenPages(origin: string) {
  const message: PageLeave = { type: "page.leave", origin };
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => {}))));
}

/** Registers Liaison's content script on a self-hosted tracker the user has granted. */
export async function addSelfHosted(db: Db, input: string, kind: SelfHostedKind): Promise<SelfHostedSite[]> {
  const parsed = selfHostedOrigin(input);
  if (!parsed) throw new Error(`"${input}" is not a web address`);
  // The options page asked the user; the background checks the answer rather than trusting the message.
  if (!(await granted(parsed.pattern))) throw new Error(`Liaison has no permission for ${parsed.origin}`);
  await register(contentScriptId(parsed.origin), parsed.pattern);
  const sites = ((await getKv(db, "selfHosted")) ?? []).filter((site) => site.origin !== parsed.origin);
  sites.push({ origin: parsed.origin, kind });
  await setKv(db, "selfHosted", sites);
  // Options lists the hosts: it shows the new one at once.
  announceChange("state");
  return sites;
}

export async function removeSelfHosted(db: Db, origin: string): Promise<SelfHostedSite[]> {
  const parsed = selfHostedOrigin(origin);
  if (!parsed) throw new Error(`"${origin}" is not a web address`);
  await browser.scripting.unregisterContentScripts({ ids: [contentScriptId(parsed.origin)] }).catch(() => {});
  await browser.permissions.remove({ origins: [parsed.pattern] }).catch(() => false);
  // A host Liaison runs on anyway (one of the trackers it knows, whose access cannot be removed) keeps it.
  if (!(await granted(parsed.pattern))) await leaveOpenPages(parsed.origin);
  const sites = ((await getKv(db, "selfHosted")) ?? []).filter((site) => site.origin !== parsed.origin);
  await setKv(db, "selfHosted", sites);
  announceChange("state");
  return sites;
}

/** After an update or a permission change: registered scripts follow what is granted. */
export async function reconcileSelfHosted(db: Db): Promise<void> {
  let changed = false;
  for (const site of (await getKv(db, "selfHosted")) ?? []) {
    const parsed = selfHostedOrigin(site.origin);
    if (!parsed) continue;
    const id = contentScriptId(parsed.origin);
    const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
    const allowed = await granted(parsed.pattern);
    if (allowed && !registered) {
      changed = true;
      await register(id, parsed.pattern);
    } else if (!allowed && registered) {
      // Access removed in the browser (its extensions page): Liaison leaves that host's open pages too.
      changed = true;
      await browser.scripting.unregisterContentScripts({ ids: [id] }).catch(() => {});
      await leaveOpenPages(parsed.origin);
    }
  }
  // Options shows which hosts Liaison has access to.
  if (changed) announceChange("state");
}
