// Worktile: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";
/**
 * Worktile tasks: `worktile:{host}/tasks/{24 hex}`, from `/mission/projects/{p}/tasks/{t}` and
 * the other mission views that open a task; older agile items: `worktile:{host}/items/{id}`.
 */
export function worktileKey(url: UrlParts): string | null {
  const host = url.host.toLowerCase();
  if (!url.hostname.toLowerCase().endsWith(".worktile.com")) return null;
  const task = /^\/mission\/(?:.+\/)?tasks\/([0-9a-f]{24})(?:\/|$)/.exec(url.pathname);
  if (task) return `worktile:${host}/tasks/${task[1]}`;
  const item = /^\/agile\/items\/([\w-]+)(?:\/|$)/.exec(url.pathname);
  return item ? `worktile:${host}/items/${item[1]}` : null;
}

function worktileUrl(key: string): string | null {
  const match = /^worktile:([^/]+)\/(?:tasks\/([0-9a-f]{24})|items\/([\w-]+))$/.exec(key);
  if (!match) return null;
  // The key has no project; a task opens from the mission root (shape not confirmed on a live tenant).
  return match[2] ? `https://${match[1]}/mission/tasks/${match[2]}` : `https://${match[1]}/agile/items/${match[3]}`;
}

export const worktileKeys: SiteKeys = {
  name: "worktile",
  prefix: "worktile",
  matches: ["https://*.worktile.com/*"],
  keyOf: worktileKey,
  urlOf: worktileUrl,
};
