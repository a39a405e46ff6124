// Any other page: its `url:` key and back (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * Any other page: `url:{origin}{path}` with the host lower-cased and the query and fragment
 * dropped, so tracking parameters and anchors do not split one page into many.
 */
export function pageUrlKey(url: UrlParts): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return `url:${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
}

function pageUrlFromKey(key: string): string | null {
  return key.startsWith("url:http") ? key.slice(4) : null;
}

/** No host matches: on any other page Liaison runs only when the user invokes it (activeTab). */
export const genericKeys: SiteKeys = { name: "generic", prefix: "url", matches: [], keyOf: pageUrlKey, urlOf: pageUrlFromKey };
