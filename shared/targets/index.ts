import { githubKey, githubUrl } from "./github";
import { jiraKey, jiraUrl } from "./jira";
import { linearKey, linearUrl } from "./linear";
import { pageUrlFromKey, pageUrlKey } from "./page-url";

/** The item a page is about, as a canonical target key; the page itself when no tracker item is recognised. */
export function targetKeyForUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return githubKey(url) ?? jiraKey(url) ?? linearKey(url) ?? pageUrlKey(url);
}

/** A URL that opens the item named by a target key. */
export function urlForTargetKey(key: string): string | null {
  return githubUrl(key) ?? jiraUrl(key) ?? linearUrl(key) ?? pageUrlFromKey(key);
}

export const targetKey = /^(github|jira|linear|url|gitlab|asana|trello|notion|confluence|feishu|pingcode|worktile|gdocs):\S{1,2040}$/;
