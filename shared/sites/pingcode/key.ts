// PingCode: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * PingCode work items, ideas, tickets and wiki pages: `pingcode:{host}/{kind}/{id}`, the id
 * being the short id of the URL (like `eqWqLmTO`).
 */
type Kind = "workitems" | "ideas" | "tickets" | "wiki";

const itemPaths: ReadonlyArray<[RegExp, Kind]> = [
  [/^\/pjm\/(?:workitems|work_items)\/([\w-]+)(?:\/|$)/, "workitems"], // work_items: reported, unverified
  [/^\/pjm\/projects\/[^/]+\/work-items\/([\w-]+)(?:\/|$)/, "workitems"], // reported, unverified
  [/^\/ship\/ideas\/([\w-]+)(?:\/|$)/, "ideas"],
  [/^\/ship\/tickets\/([\w-]+)(?:\/|$)/, "tickets"],
  [/^\/wiki\/pages\/([\w-]+)(?:\/|$)/, "wiki"],
  [/^\/wiki\/spaces\/[^/]+\/pages\/([\w-]+)(?:\/|$)/, "wiki"],
];

const pathOf: Record<Kind, string> = { workitems: "pjm/workitems", ideas: "ship/ideas", tickets: "ship/tickets", wiki: "wiki/pages" };

export function pingcodeKey(url: UrlParts): string | null {
  const host = url.host.toLowerCase();
  if (!url.hostname.toLowerCase().endsWith(".pingcode.com")) return null;
  for (const [pattern, kind] of itemPaths) {
    const match = pattern.exec(url.pathname);
    if (match) return `pingcode:${host}/${kind}/${match[1]}`;
  }
  return null;
}

function pingcodeUrl(key: string): string | null {
  const match = /^pingcode:([^/]+)\/(workitems|ideas|tickets|wiki)\/([\w-]+)$/.exec(key);
  return match ? `https://${match[1]}/${pathOf[match[2] as Kind]}/${match[3]}` : null;
}

export const pingcodeKeys: SiteKeys = {
  name: "pingcode",
  prefix: "pingcode",
  matches: ["https://*.pingcode.com/*"],
  keyOf: pingcodeKey,
  urlOf: pingcodeUrl,
};
