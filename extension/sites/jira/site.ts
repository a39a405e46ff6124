import { jiraKey } from "../../../shared/targets/jira";
import { firstMatch, rowsFromLinks, type SiteAdapter, type SiteRow } from "../types";
import { keyedRowSelectors, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

const issueKey = /^[A-Z][A-Z0-9_]+-\d+$/;

/** Jira Server and Data Center run on any host: the page says it is Jira. */
const isJiraPage = (doc: Document) => doc.querySelector('meta[name="application-name"][content="JIRA"]') !== null;

// Tried on: https://acme.atlassian.net/browse/ACME-42, .../jira/software/projects/ACME/boards/1?selectedIssue=ACME-42,
// https://jira.example.org/browse/PROJ-7 (Data Center 9), https://jira.example.org/secure/RapidBoard.jspa?rapidView=1&selectedIssue=PROJ-7
export const jira: SiteAdapter = {
  name: "jira",
  detect: (url, doc) => url.hostname.endsWith(".atlassian.net") || isJiraPage(doc),
  itemKey: (url, doc) => jiraKey(url, { selfHosted: isJiraPage(doc) }),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows(doc, url) {
    const keyOf = (target: URL) => jiraKey(target, { selfHosted: true });
    const rows: SiteRow[] = rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, keyOf);
    const host = url.hostname.toLowerCase();
    for (const element of doc.querySelectorAll(keyedRowSelectors.join(", "))) {
      const key =
        element.getAttribute("data-issue-key") ??
        element.getAttribute("data-issuekey") ??
        element.getAttribute("data-testid")?.split(".").pop() ??
        "";
      if (issueKey.test(key) && !rows.some((row) => row.element === element)) rows.push({ element, key: `jira:${host}/${key}` });
    }
    return rows;
  },
};
