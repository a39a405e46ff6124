import { targetKeyForUrl } from "../../shared/targets";
import { asana } from "./asana/site";
import { confluence } from "./confluence/site";
import { feishu } from "./feishu/site";
import { gdocs } from "./gdocs/site";
import { generic } from "./generic/site";
import { github } from "./github/site";
import { gitlab } from "./gitlab/site";
import { jira } from "./jira/site";
import { linear } from "./linear/site";
import { notion } from "./notion/site";
import { pingcode } from "./pingcode/site";
import { trello } from "./trello/site";
import type { SiteAdapter } from "./types";
import { worktile } from "./worktile/site";

/**
 * Every site Liaison knows, most specific first; the generic adapter takes any other page.
 * Confluence comes before Jira: Confluence Cloud shares `*.atlassian.net` (under `/wiki/`).
 */
export const sites: readonly SiteAdapter[] = [
  github,
  gitlab,
  confluence,
  jira,
  linear,
  asana,
  trello,
  notion,
  feishu,
  pingcode,
  worktile,
  gdocs,
  generic,
];

export function siteFor(url: URL, doc: Document): SiteAdapter {
  return sites.find((site) => site.detect(url, doc)) ?? generic;
}

/**
 * The keys of the item a page shows, most specific first: as its site adapter reads it (which
 * knows self-hosted trackers and in-page panes), then as its URL says.
 */
export function pageItemKeys(href: string, doc: Document): string[] {
  const url = new URL(href);
  const keys = [siteFor(url, doc).itemKey(url, doc), targetKeyForUrl(href)];
  return [...new Set(keys.filter((key): key is string => Boolean(key)))];
}
