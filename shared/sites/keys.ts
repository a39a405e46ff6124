// The site list: every site's target keys, in the order they are tried, and what derives from it.
import { asanaKeys } from "./asana/key";
import { confluenceKeys } from "./confluence/key";
import { feishuKeys } from "./feishu/key";
import { gdocsKeys } from "./gdocs/key";
import { genericKeys } from "./generic/key";
import { githubKeys } from "./github/key";
import { gitlabKeys } from "./gitlab/key";
import { jiraKeys } from "./jira/key";
import { linearKeys } from "./linear/key";
import { notionKeys } from "./notion/key";
import { pingcodeKeys } from "./pingcode/key";
import type { SiteKeys } from "./site-keys";
import { trelloKeys } from "./trello/key";
import { worktileKeys } from "./worktile/key";

/**
 * Every site Liaison knows, most specific first; any other page (`url:` keys) last. Confluence
 * comes before Jira: Confluence Cloud shares `*.atlassian.net` (under `/wiki/`). The adapters
 * (adapters.ts) follow the same order.
 */
export const siteKeys: readonly SiteKeys[] = [
  githubKeys,
  gitlabKeys,
  confluenceKeys,
  jiraKeys,
  linearKeys,
  asanaKeys,
  trelloKeys,
  notionKeys,
  feishuKeys,
  pingcodeKeys,
  worktileKeys,
  gdocsKeys,
  genericKeys,
];

/**
 * The item a page is about, as a canonical target key; the page itself when no tracker item is
 * recognised. From the URL alone: self-hosted GitLab, Jira and Confluence are only known as such
 * from the page, which the site adapters read.
 */
export function targetKeyForUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const site of siteKeys) {
    const key = site.keyOf(url);
    if (key) return key;
  }
  return null;
}

/** A URL that opens the item named by a target key. */
export function urlForTargetKey(key: string): string | null {
  for (const site of siteKeys) {
    const url = site.urlOf(key);
    if (url) return url;
  }
  return null;
}

/** A target key of any site: its prefix, a colon, and at most 2040 more characters. */
export const targetKey = /* @__PURE__ */ keyPattern();

// Built in functions marked pure, so that a script which reads no list leaves the list out.
function keyPattern(): RegExp {
  return new RegExp(`^(${siteKeys.map((site) => site.prefix).join("|")}):\\S{1,2040}$`);
}

/**
 * Trackers and docs sites where Liaison runs without being asked: the manifest's content-script
 * matches and host permissions (wxt.config.ts). Anywhere else it runs only when the user invokes
 * it on a tab (context menu, shortcut), through activeTab.
 */
export const trackerMatches: readonly string[] = /* @__PURE__ */ hostMatches();

function hostMatches(): string[] {
  return [...new Set(siteKeys.flatMap((site) => site.matches))];
}
