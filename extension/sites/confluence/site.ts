import { confluenceKey } from "../../../shared/targets/confluence";
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../types";
import { confluencePageSelectors, pageIdMeta, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

/** Server and Data Center run on any host: the page says it is Confluence. */
const isConfluencePage = (doc: Document) => firstMatch(doc, confluencePageSelectors) !== null;

const isCloudWiki = (url: URL) => url.hostname.toLowerCase().endsWith(".atlassian.net") && url.pathname.startsWith("/wiki/");

// Tried on: https://acme.atlassian.net/wiki/spaces/ENG/pages/3342337/Checkout+runbook,
// .../wiki/spaces/ENG/pages/edit-v2/3342337, https://wiki.example.org/display/ENG/Checkout+runbook,
// https://wiki.example.org/pages/viewpage.action?pageId=65601, https://wiki.example.org/spaces/ENG/pages/65601 (DC 9)
export const confluence: SiteAdapter = {
  name: "confluence",
  detect: (url, doc) => isCloudWiki(url) || isConfluencePage(doc),
  itemKey(url, doc) {
    const selfHosted = isConfluencePage(doc);
    const fromUrl = confluenceKey(url, { selfHosted });
    if (fromUrl || !(selfHosted || isCloudWiki(url))) return fromUrl;
    const pageId = doc.querySelector(pageIdMeta)?.getAttribute("content") ?? "";
    return /^[1-9]\d*$/.test(pageId) ? `confluence:${url.host.toLowerCase()}/${pageId}` : null;
  },
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  // Only links to pages of this Confluence: a body links anywhere.
  rows: (doc, url) =>
    rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, (target) =>
      target.host === url.host ? confluenceKey(target, { selfHosted: true }) : null,
    ),
};
