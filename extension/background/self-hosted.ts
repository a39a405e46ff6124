// Self-hosted trackers in the background: Liaison's content script registered on each host the user granted, removed when it is not.
import { browser } from "wxt/browser";
import { contentScriptId, type SelfHostedKind, type SelfHostedSite, selfHostedOrigin } from "../common/self-hosted";
import { type Db, getKv, setKv } from "../store/db";

const contentScript = "content-scripts/liaison.js";

async function granted(pattern: string) {
  return browser.permissions.contains({ origins: [pattern] });
}

/** Registers Liaison's content script on a self-hosted tracker the user has granted. */
export async function addSelfHosted(db: Db, input: string, kind: SelfHostedKind): Promise<SelfHostedSite[]> {
  const parsed = selfHostedOrigin(input);
  if (!parsed) throw new Error(`"${input}" is not a web address`);
  // The options page asked the user; the background checks the answer rather than trusting the message.
  if (!(await granted(parsed.pattern))) throw new Error(`Liaison has no permission for ${parsed.origin}`);
  const id = contentScriptId(parsed.origin);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (registered.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: [parsed.pattern], js: [contentScript], runAt: "document_idle", persistAcrossSessions: true },
    ]);
  }
  const sites = ((await getKv(db, "selfHosted")) ?? []).filter((site) => site.origin !== parsed.origin);
  sites.push({ origin: parsed.origin, kind });
  await setKv(db, "selfHosted", sites);
  return sites;
}

export async function removeSelfHosted(db: Db, origin: string): Promise<SelfHostedSite[]> {
  const parsed = selfHostedOrigin(origin);
  if (!parsed) throw new Error(`"${origin}" is not a web address`);
  await browser.scripting.unregisterContentScripts({ ids: [contentScriptId(parsed.origin)] }).catch(() => {});
  await browser.permissions.remove({ origins: [parsed.pattern] }).catch(() => false);
  const sites = ((await getKv(db, "selfHosted")) ?? []).filter((site) => site.origin !== parsed.origin);
  await setKv(db, "selfHosted", sites);
  return sites;
}

/** After an update or a permission change: registered scripts follow what is granted. */
export async function reconcileSelfHosted(db: Db): Promise<void> {
  for (const site of (await getKv(db, "selfHosted")) ?? []) {
    const parsed = selfHostedOrigin(site.origin);
    if (!parsed) continue;
    const id = contentScriptId(parsed.origin);
    const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
    const allowed = await granted(parsed.pattern);
    if (allowed && !registered) {
      await browser.scripting.registerContentScripts([
        { id, matches: [parsed.pattern], js: [contentScript], runAt: "document_idle", persistAcrossSessions: true },
      ]);
    } else if (!allowed && registered) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  }
}
