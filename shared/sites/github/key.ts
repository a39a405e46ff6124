// GitHub: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { IssueDraft, SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * GitHub issues and pull requests: `github:{owner}/{repo}#{n}`, owner and repo lower-cased
 * (GitHub treats them case-insensitively). On GitHub Enterprise Server, which the page says it
 * is, the host comes first: `github:{host}/{owner}/{repo}#{n}` (an owner never has a dot).
 */
const reserved = new Set(["orgs", "users", "settings", "notifications", "marketplace", "sponsors", "login", "new"]);

export function githubKey(url: UrlParts, options: { selfHosted?: boolean } = {}): string | null {
  const host = url.host.toLowerCase();
  if (host !== "github.com" && !options.selfHosted) return null;
  const item = (owner: string, repo: string, number: string) =>
    `github:${host === "github.com" ? "" : `${host}/`}${owner.toLowerCase()}/${repo.toLowerCase()}#${Number(number)}`;
  const pane = url.searchParams.get("issue");
  if (pane) {
    const [owner, repo, number] = pane.split("|");
    if (owner && repo && /^\d+$/.test(number ?? "")) return item(owner, repo, number);
  }
  const match = /^\/([^/]+)\/([^/]+)\/(?:issues|pull)\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (!match || reserved.has(match[1].toLowerCase())) return null;
  return item(match[1], match[2], match[3]);
}

/** The web address of the repository a key names: github.com's, or the Enterprise host's. */
function repositoryUrl(key: string): { repository: string; number: string } | null {
  const match = /^github:(?:([^/]+\.[^/]+|localhost(?::\d+)?)\/)?([^/.]+)\/([^/#]+)#(\d+)$/.exec(key);
  return match ? { repository: `https://${match[1] ?? "github.com"}/${match[2]}/${match[3]}`, number: match[4] } : null;
}

function githubUrl(key: string): string | null {
  const parts = repositoryUrl(key);
  return parts ? `${parts.repository}/issues/${parts.number}` : null;
}

/** A new issue in the repository of an issue or pull request. */
function githubNewIssue(key: string, draft: IssueDraft): string | null {
  const parts = repositoryUrl(key);
  return parts ? `${parts.repository}/issues/new?title=${encodeURIComponent(draft.title)}&body=${encodeURIComponent(draft.body)}` : null;
}

export const githubKeys: SiteKeys = {
  name: "github",
  prefix: "github",
  matches: ["https://github.com/*"],
  keyOf: githubKey,
  urlOf: githubUrl,
  newIssueUrl: githubNewIssue,
};
