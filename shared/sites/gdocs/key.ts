// Google Docs: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";
/**
 * Google Docs documents: `gdocs:{docId}`. Tabs (`?tab=`), headings (`#heading=`) and the
 * signed-in account (`/u/{n}/`) do not change the document. Published copies
 * (`/document/d/e/{publishedId}/pub`) are other pages and are not matched.
 */
export function gdocsKey(url: UrlParts): string | null {
  if (url.hostname !== "docs.google.com") return null;
  const match = /^\/document\/(?:u\/\d+\/)?d\/([\w-]{25,})(?:\/|$)/.exec(url.pathname);
  return match ? `gdocs:${match[1]}` : null;
}

function gdocsUrl(key: string): string | null {
  const match = /^gdocs:([\w-]{25,})$/.exec(key);
  return match ? `https://docs.google.com/document/d/${match[1]}/edit` : null;
}

export const gdocsKeys: SiteKeys = {
  name: "gdocs",
  prefix: "gdocs",
  matches: ["https://docs.google.com/document/*"],
  keyOf: gdocsKey,
  urlOf: gdocsUrl,
};
