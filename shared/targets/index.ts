import { asanaKey, asanaUrl } from "./asana";
import { confluenceKey, confluenceUrl } from "./confluence";
import { feishuKey, feishuUrl } from "./feishu";
import { gdocsKey, gdocsUrl } from "./gdocs";
import { githubKey, githubUrl } from "./github";
import { gitlabKey, gitlabUrl } from "./gitlab";
import { jiraKey, jiraUrl } from "./jira";
import { linearKey, linearUrl } from "./linear";
import { notionKey, notionUrl } from "./notion";
import { pageUrlFromKey, pageUrlKey } from "./page-url";
import { pingcodeKey, pingcodeUrl } from "./pingcode";
import { trelloKey, trelloUrl } from "./trello";
import { worktileKey, worktileUrl } from "./worktile";

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
  return (
    githubKey(url) ??
    gitlabKey(url) ??
    confluenceKey(url) ??
    jiraKey(url) ??
    linearKey(url) ??
    asanaKey(url) ??
    trelloKey(url) ??
    notionKey(url) ??
    feishuKey(url) ??
    pingcodeKey(url) ??
    worktileKey(url) ??
    gdocsKey(url) ??
    pageUrlKey(url)
  );
}

/** A URL that opens the item named by a target key. */
export function urlForTargetKey(key: string): string | null {
  return (
    githubUrl(key) ??
    gitlabUrl(key) ??
    confluenceUrl(key) ??
    jiraUrl(key) ??
    linearUrl(key) ??
    asanaUrl(key) ??
    trelloUrl(key) ??
    notionUrl(key) ??
    feishuUrl(key) ??
    pingcodeUrl(key) ??
    worktileUrl(key) ??
    gdocsUrl(key) ??
    pageUrlFromKey(key)
  );
}

export const targetKey = /^(github|jira|linear|url|gitlab|asana|trello|notion|confluence|feishu|pingcode|worktile|gdocs):\S{1,2040}$/;
