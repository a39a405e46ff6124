import { jiraKey } from "../../../shared/targets/jira";
import type { UrlParts } from "../../../shared/targets/url-parts";
import { firstMatch, mergeRows, rowsFromAttributes, rowsFromLinks, type SiteAdapter } from "../types";
import { keyedRowSelectors, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

const issueKey = /^[A-Z][A-Z0-9_]+-\d+$/;

/** Jira Server and Data Center run on any host: the page says it is Jira. */
const isJiraPage = (doc: Document) => doc.querySelector('meta[name="application-name"][content="JIRA"]') !== null;

// Tried on: https://acme.atlassian.net/browse/ACME-42, .../jira/software/projects/ACME/boards/1?selectedIssue=ACME-42,
// https://jira.example.org/browse/PROJ-7 (Data Center 9), https://jira.example.org/secure/RapidBoard.jspa?rapidView=1&selectedIssue=PROJ-7
/** One parser for every list, so that the keys of links already read are remembered. */
const selfHostedKey = (target: UrlParts) => jiraKey(target, { selfHosted: true });

export const jira: SiteAdapter = {
  name: "jira",
  detect: (url, doc) => url.hostname.endsWith(".atlassian.net") || isJiraPage(doc),
  itemKey: (url, doc) => jiraKey(url, { selfHosted: isJiraPage(doc) }),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows(doc, url) {
    const host = url.hostname.toLowerCase();
    const keyed = (element: Element) => {
      const key =
        element.getAttribute("data-issue-key") ??
        element.getAttribute("data-issuekey") ??
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
