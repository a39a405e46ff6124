// Confluence: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * Confluence pages: `confluence:{host}/{pageId}`. Cloud lives under `/wiki` on
 * `*.atlassian.net`; Server and Data Center run on any host (the caller says so from the page).
 * `/display/{SPACE}/{Title}` and `/wiki/x/{tiny}` carry no id: the adapter reads it from the page.
 */
const pageInPath = /\/pages\/(?:edit-v2\/)?(\d+)(?:\/|$)/;

export function confluenceKey(url: UrlParts, options: { selfHosted?: boolean } = {}): string | null {
  const host = url.host.toLowerCase();
  const cloud = url.hostname.toLowerCase().endsWith(".atlassian.net");
  if (cloud ? !url.pathname.startsWith("/wiki/") : !options.selfHosted) return null;
  const pageId = /\/pages\/\w+\.action$/.test(url.pathname) ? url.searchParams.get("pageId") : pageInPath.exec(url.pathname)?.[1];
  return pageId && /^\d+$/.test(pageId) ? `confluence:${host}/${pageId}` : null;
}

function confluenceUrl(key: string): string | null {
  const match = /^confluence:([^/]+)\/(\d+)$/.exec(key);
  if (!match) return null;
  // The context path of a Server install is not in the key: the link assumes the host's root.
  const wiki = match[1].endsWith(".atlassian.net") ? "/wiki" : "";
  return `https://${match[1]}${wiki}/pages/viewpage.action?pageId=${match[2]}`;
}

export const confluenceKeys: SiteKeys = {
  name: "confluence",
  prefix: "confluence",
  matches: ["https://*.atlassian.net/*"], // Jira Cloud's hosts too: the wiki is under /wiki/
  keyOf: confluenceKey,
  urlOf: confluenceUrl,
};
