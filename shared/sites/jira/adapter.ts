// Jira: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, mergeRows, rowsFromAttributes, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import type { UrlParts } from "../url-parts";
import { jiraKey } from "./key";
import { keyedRowSelectors, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

const issueKey = /^[A-Z][A-Z0-9_]+-\d+$/;

/** Jira Server and Data Center run on any host: the page says it is Jira. */
const isJiraPage = (doc: Document) => doc.querySelector('meta[name="application-name"][content="JIRA"]') !== null;

/** One parser for every list, so that the keys of links already read are remembered. */
const selfHostedKey = (target: UrlParts) => jiraKey(target, { selfHosted: true });

export const jira: SiteAdapter = {
  name: "jira",
  keyOf: jiraKey,
  detect: (url, doc) => url.hostname.endsWith(".atlassian.net") || isJiraPage(doc),
  itemKey: (url, doc) => jiraKey(url, { selfHosted: isJiraPage(doc) }),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows(doc, url) {
    const host = url.hostname.toLowerCase();
    const keyed = (element: Element) => {
      const key =
        element.getAttribute("data-issue-key") ??
        element.getAttribute("data-issuekey") ??
        element.getAttribute("data-key") ??
        element.getAttribute("data-testid")?.split(".").pop() ??
        "";
      return issueKey.test(key) ? `jira:${host}/${key}` : null;
    };
    return mergeRows(
      rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, selfHostedKey),
      // A keyed row is its own row.
      rowsFromAttributes(doc, keyedRowSelectors, keyedRowSelectors.join(", "), keyed),
    );
  },
};
