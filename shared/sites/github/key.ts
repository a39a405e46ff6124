// GitHub: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { IssueDraft, SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * GitHub issues and pull requests: `github:{owner}/{repo}#{n}`, owner and repo lower-cased
 * (GitHub treats them case-insensitively).
 */
const reserved = new Set(["orgs", "users", "settings", "notifications", "marketplace", "sponsors", "login", "new"]);

export function githubKey(url: UrlParts): string | null {
  if (url.hostname !== "github.com") return null;
  const pane = url.searchParams.get("issue");
  if (pane) {
    const [owner, repo, number] = pane.split("|");
    if (owner && repo && /^\d+$/.test(number ?? "")) return `github:${owner.toLowerCase()}/${repo.toLowerCase()}#${Number(number)}`;
  }
  const match = /^\/([^/]+)\/([^/]+)\/(?:issues|pull)\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!match || reserved.has(match[1].toLowerCase())) return null;
  return `github:${match[1].toLowerCase()}/${match[2].toLowerCase()}#${Number(match[3])}`;
}

function githubUrl(key: string): string | null {
  const match = /^github:([^/]+)\/([^#]+)#(\d+)$/.exec(key);
  return match ? `https://github.com/${match[1]}/${match[2]}/issues/${match[3]}` : null;
}

/** A new issue in the repository of an issue or pull request. */
function githubNewIssue(key: string, draft: IssueDraft): string | null {
  const match = /^github:([^/]+)\/([^#]+)#\d+$/.exec(key);
  return match
    ? `https://github.com/${match[1]}/${match[2]}/issues/new?title=${encodeURIComponent(draft.title)}&body=${encodeURIComponent(draft.body)}`
    : null;
}

export const githubKeys: SiteKeys = {
  name: "github",
  prefix: "github",
  matches: ["https://github.com/*"],
  keyOf: githubKey,
  urlOf: githubUrl,
  newIssueUrl: githubNewIssue,
};
