// Linear: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { IssueDraft, SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";
/** Linear issues: `linear:{workspace}/{TEAM-n}`. */
export function linearKey(url: UrlParts): string | null {
  if (url.hostname !== "linear.app") return null;
  const match = /^\/([^/]+)\/issue\/([A-Za-z][A-Za-z0-9]*-\d+)(?:\/|$)/.exec(url.pathname);
  return match ? `linear:${match[1].toLowerCase()}/${match[2].toUpperCase()}` : null;
}

function linearUrl(key: string): string | null {
  const match = /^linear:([^/]+)\/([A-Z][A-Z0-9]*-\d+)$/.exec(key);
  return match ? `https://linear.app/${match[1]}/issue/${match[2]}` : null;
}

/** A new issue in the workspace of an issue (Linear asks for the team on its page). */
function linearNewIssue(key: string, draft: IssueDraft): string | null {
  const match = /^linear:([^/]+)\/[A-Z][A-Z0-9]*-\d+$/.exec(key);
  return match
    ? `https://linear.app/${match[1]}/new?title=${encodeURIComponent(draft.title)}&description=${encodeURIComponent(draft.body)}`
    : null;
}

export const linearKeys: SiteKeys = {
  name: "linear",
  prefix: "linear",
  matches: ["https://linear.app/*"],
  keyOf: linearKey,
  urlOf: linearUrl,
  newIssueUrl: linearNewIssue,
};
