// Confluence: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { confluenceKey } from "./key";
import { confluencePageSelectors, pageIdMeta, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

/** Server and Data Center run on any host: the page says it is Confluence. */
const isConfluencePage = (doc: Document) => firstMatch(doc, confluencePageSelectors) !== null;

const isCloudWiki = (url: URL) => url.hostname.toLowerCase().endsWith(".atlassian.net") && url.pathname.startsWith("/wiki/");

export const confluence: SiteAdapter = {
  name: "confluence",
  keyOf: confluenceKey,
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
