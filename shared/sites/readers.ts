// The readers of what a tracker says about the item a page shows, by site, next to each site adapter; loaded with the page's later parts, never at page start.

import { readAsana } from "./asana/reader";
import { titleSelectors as asanaTitle } from "./asana/selectors";
import { titleSelectors as confluenceTitle } from "./confluence/selectors";
import { titleSelectors as feishuTitle } from "./feishu/selectors";
import { titleSelectors as gdocsTitle } from "./gdocs/selectors";
import { readGithub } from "./github/reader";
import { titleSelectors as githubTitle } from "./github/selectors";
import { readGitlab } from "./gitlab/reader";
import { titleSelectors as gitlabTitle } from "./gitlab/selectors";
import { readJira } from "./jira/reader";
import { titleSelectors as jiraTitle } from "./jira/selectors";
import { readLinear } from "./linear/reader";
import { titleSelectors as linearTitle } from "./linear/selectors";
import { titleSelectors as notionTitle } from "./notion/selectors";
import { readPingcode } from "./pingcode/reader";
import { readFirst, type TrackerReader, type TrackerReading, textOf } from "./reading";
import { titleSelectors as trelloTitle } from "./trello/selectors";
import { readWorktile } from "./worktile/reader";

/** The sites whose pages show more than a title: a state, assignees. */
const readers: Partial<Record<string, TrackerReader>> = {
  github: readGithub,
  gitlab: readGitlab,
  jira: readJira,
  linear: readLinear,
  asana: readAsana,
  pingcode: readPingcode,
  worktile: readWorktile,
};

/** Where each site's pages show the item's title: where the chip goes (the adapters' own selectors, not the adapters, which this part need not carry). */
const titles: Partial<Record<string, readonly string[]>> = {
  asana: asanaTitle,
  confluence: confluenceTitle,
  feishu: feishuTitle,
  gdocs: gdocsTitle,
  github: githubTitle,
  gitlab: gitlabTitle,
  jira: jiraTitle,
  linear: linearTitle,
  notion: notionTitle,
  trello: trelloTitle,
};

/**
 * What the page showing the item `key` says about it: its site's reader (the site is the key's
 * prefix, `github:` ...), and for every site the title the chip goes after (a Confluence page,
 * a Notion page, a document) where the reader found none.
 */
export function readTrackerPage(key: string, doc: Document): TrackerReading {
  const site = key.slice(0, key.indexOf(":"));
  const read = readers[site]?.(doc) ?? {};
  return {
    title: read.title || readFirst(doc, titles[site] ?? []),
    state: read.state ?? "",
    assignees: read.assignees ?? [],
  };
}

/** Where a list row or board card shows its item's title, by site. Dates are when each was seen. */
const rowTitles: Partial<Record<string, readonly string[]>> = {
  github: [
    'a[data-testid="issue-pr-title-link"]', // issue and PR lists, seen 2026-11
    'a[data-testid="listitem-title-link"]', // newer PR list, seen 2026-10
    "a.js-navigation-open.Link--primary", // legacy lists, seen 2025-06
  ],
  gitlab: [
    'a[data-testid="issuable-title-link"]', // issue and MR lists, seen 2026-11
    ".issue-title-text a", // GitLab 12 to 14 lists, seen 2020-06
    ".merge-request-title-text a", // GitLab 12 to 14 MR lists, seen 2020-06
  ],
  jira: [
    ".ghx-summary", // Server and Data Center boards and backlogs, seen 2025-11
    "td.summary a.issue-link", // Server issue navigator, seen 2025-11
  ],
};

/** The title a list row or board card shows for its item; empty where the site's rows are not known to show one. */
export function readRowTitle(key: string, row: Element): string {
  const selectors = rowTitles[key.slice(0, key.indexOf(":"))] ?? [];
  for (const selector of selectors) {
    const found = row.matches(selector) ? row : row.querySelector(selector);
    const text = textOf(found);
    if (text) return text;
  }
  return "";
}
