// Asana: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * Asana tasks: `asana:{taskGid}`. Gids are global, so neither workspace nor project is part of
 * the key. `?child=` (search results) names the open task and is read first.
 */
const taskInPath = [
  /\/task\/(\d+)(?:\/|$)/, // /1/{ws}/project/{p}/task/{t}, /1/{ws}/task/{t}
  /^\/0\/(?:\d+|search)\/(\d+)(?:\/f)?\/?$/, // legacy /0/{p}/{t}, /0/{p}/{t}/f
];

export function asanaKey(url: UrlParts): string | null {
  if (url.hostname !== "app.asana.com") return null;
  const child = url.searchParams.get("child");
  if (child && /^\d+$/.test(child)) return `asana:${child}`;
  for (const pattern of taskInPath) {
    const match = pattern.exec(url.pathname);
    if (match) return `asana:${match[1]}`;
  }
  return null;
}

function asanaUrl(key: string): string | null {
  const match = /^asana:(\d+)$/.exec(key);
  return match ? `https://app.asana.com/0/0/${match[1]}/f` : null;
}

export const asanaKeys: SiteKeys = {
  name: "asana",
  prefix: "asana",
  matches: ["https://app.asana.com/*"],
  keyOf: asanaKey,
  urlOf: asanaUrl,
};
