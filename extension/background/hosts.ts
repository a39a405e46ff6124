// Host permissions: self-hosted trackers the user grants in options, and registered scripts that follow what is granted.
import { browser } from "wxt/browser";
import type { hostMessages } from "../common/messages/hosts";
import type { Background, Handlers } from "./context";
import { addSelfHosted, reconcileSelfHosted, removeSelfHosted } from "./self-hosted";

export function startHosts(background: Background): Handlers<keyof typeof hostMessages> {
  // Access removed or given again on the browser's own extensions page: Liaison follows.
  browser.permissions.onRemoved.addListener(() => void background.db.then(reconcileSelfHosted));
  browser.permissions.onAdded.addListener(() => void background.db.then(reconcileSelfHosted));
  browser.runtime.onInstalled.addListener(() => void background.db.then(reconcileSelfHosted));
  return {
    "hosts.add": async (message, { store }) => ({ sites: await addSelfHosted(store, message.origin, message.kind) }),
    "hosts.remove": async (message, { store }) => ({ sites: await removeSelfHosted(store, message.origin) }),
  };
}
