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
import type { IssueDraft, SiteKeys } from "./site-keys";
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

/** The longest new-issue URL Liaison opens: browsers and servers cope with it; longer bodies are cut. */
const maxNewIssueUrl = 6000;

/**
 * The new-issue page of the tracker a target key is on, prefilled with the draft; null for sites
 * whose new-issue page takes no title and body (Jira wants a numeric project id, which a key
 * lacks). A body too long for the URL is cut to the most whole characters that fit, and "…".
 */
export function newIssueUrlForTargetKey(key: string, draft: IssueDraft): string | null {
  for (const site of siteKeys) {
    const build = site.newIssueUrl;
    const full = build?.(key, draft);
    if (!build || !full) continue;
    if (full.length <= maxNewIssueUrl) return full;
    const chars = Array.from(draft.body);
    const cut = (n: number) => build(key, { title: draft.title, body: `${chars.slice(0, n).join("")}…` }) ?? "";
    // Found by halving: a character takes 1 to 12 characters of URL once encoded.
    let [low, high] = [0, chars.length - 1];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (cut(mid).length <= maxNewIssueUrl) low = mid;
      else high = mid - 1;
    }
    return cut(low);
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
