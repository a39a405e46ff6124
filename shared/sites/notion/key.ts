// Notion: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";
/**
 * Notion pages and database rows: `notion:{32 hex page id}`, lower-case, without dashes. A
 * peeked page (`p=` on a database view) is the item the user looks at, so it wins over the path.
 */
export const isNotionHost = (hostname: string) => {
  const host = hostname.toLowerCase();
  return host === "www.notion.so" || host === "notion.so" || host.endsWith(".notion.site");
};

/** A Notion id as written in the key, from either the compact or the dashed form. */
export function notionId(raw: string): string | null {
  const id = raw.replaceAll("-", "").toLowerCase();
  return /^[0-9a-f]{32}$/.test(id) ? id : null;
}

export function notionKey(url: UrlParts): string | null {
  if (!isNotionHost(url.hostname)) return null;
  const peek = notionId(url.searchParams.get("p") ?? "");
  if (peek) return `notion:${peek}`;
  const match = /(?:^|-)([0-9a-f]{32})$/i.exec(url.pathname.split("/").pop() ?? "");
  return match ? `notion:${match[1].toLowerCase()}` : null;
}

function notionUrl(key: string): string | null {
  const match = /^notion:([0-9a-f]{32})$/.exec(key);
  return match ? `https://www.notion.so/${match[1]}` : null;
}

export const notionKeys: SiteKeys = {
  name: "notion",
  prefix: "notion",
  matches: ["https://www.notion.so/*", "https://*.notion.site/*"],
  keyOf: notionKey,
  urlOf: notionUrl,
};
