// The adapter list: every site's DOM adapter, in the site list's order, for the pages Liaison runs in.
import type { SiteAdapter } from "./adapter-kit";
import { asana } from "./asana/adapter";
import { confluence } from "./confluence/adapter";
import { feishu } from "./feishu/adapter";
import { gdocs } from "./gdocs/adapter";
import { generic } from "./generic/adapter";
import { github } from "./github/adapter";
import { gitlab } from "./gitlab/adapter";
import { jira } from "./jira/adapter";
import { linear } from "./linear/adapter";
import { notion } from "./notion/adapter";
import { pingcode } from "./pingcode/adapter";
import { trello } from "./trello/adapter";
import { worktile } from "./worktile/adapter";

/**
 * Every site Liaison knows, most specific first, in the order of the site list (keys.ts, which a
 * test holds this to); the generic adapter takes any other page. Not read from keys.ts: its URL
 * builders are for the panel and the Worker, and would only weigh on the page-start script.
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

/** The key a URL names by itself, as `targetKeyForUrl` (keys.ts) reads it: the same parsers in the same order. */
function urlKey(url: URL): string | null {
  for (const site of sites) {
    const key = site.keyOf(url);
    if (key) return key;
  }
  return null;
}

/**
 * The keys of the item a page shows, most specific first: as its site adapter reads it (which
 * knows self-hosted trackers and in-page panes), then as its URL says.
 */
export function pageItemKeys(href: string, doc: Document): string[] {
  const url = new URL(href);
  const keys = [siteFor(url, doc).itemKey(url, doc), urlKey(url)];
  return [...new Set(keys.filter((key): key is string => Boolean(key)))];
}
