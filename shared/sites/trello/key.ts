// Trello: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";
/**
 * Trello cards: `trello:{shortLink}` (case-sensitive, as Trello's are). Boards are lists, not
 * items; an open card switches the URL from `/b/` to `/c/`.
 */
export function trelloKey(url: UrlParts): string | null {
  if (url.hostname !== "trello.com") return null;
  const match = /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/.exec(url.pathname);
  return match ? `trello:${match[1]}` : null;
}

function trelloUrl(key: string): string | null {
  const match = /^trello:([A-Za-z0-9]{8})$/.exec(key);
  return match ? `https://trello.com/c/${match[1]}` : null;
}

export const trelloKeys: SiteKeys = {
  name: "trello",
  prefix: "trello",
  matches: ["https://trello.com/*"],
  keyOf: trelloKey,
  urlOf: trelloUrl,
};
