// Jira: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * Jira Cloud and Server issues: `jira:{host}/{KEY-n}`. `selectedIssue` (boards, backlogs)
 * is read before the path, as the open issue is the one the user looks at.
 */
const issueKey = /^[A-Z][A-Z0-9_]+-\d+$/;

export function jiraKey(url: UrlParts, options: { selfHosted?: boolean } = {}): string | null {
  const host = url.hostname.toLowerCase();
  if (!host.endsWith(".atlassian.net") && !options.selfHosted) return null;
  const selected = url.searchParams.get("selectedIssue");
  if (selected && issueKey.test(selected)) return `jira:${host}/${selected}`;
  const match = /\/(?:browse|issues)\/([A-Z][A-Z0-9_]+-\d+)(?:\/|$)/.exec(url.pathname);
  return match ? `jira:${host}/${match[1]}` : null;
}

function jiraUrl(key: string): string | null {
  const match = /^jira:([^/]+)\/([A-Z][A-Z0-9_]+-\d+)$/.exec(key);
  return match ? `https://${match[1]}/browse/${match[2]}` : null;
}

export const jiraKeys: SiteKeys = { name: "jira", prefix: "jira", matches: ["https://*.atlassian.net/*"], keyOf: jiraKey, urlOf: jiraUrl };
