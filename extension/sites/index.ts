import { generic } from "./generic/site";
import { github } from "./github/site";
import { jira } from "./jira/site";
import { linear } from "./linear/site";
import type { SiteAdapter } from "./types";

/** Every site Liaison knows, most specific first; the generic adapter takes any other page. */
export const sites: readonly SiteAdapter[] = [github, jira, linear, generic];

export function siteFor(url: URL, doc: Document): SiteAdapter {
  return sites.find((site) => site.detect(url, doc)) ?? generic;
}
