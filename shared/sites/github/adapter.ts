// GitHub: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import type { UrlParts } from "../url-parts";
import { githubKey } from "./key";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

/**
 * GitHub Enterprise Server runs on a team's own host: the page says it is GitHub's (its site
 * name, "GitHub Enterprise" on 2.x, and the `hostname` meta naming its host; seen on 2.14, 2018).
 */
const isEnterprisePage = (url: UrlParts, doc: Document) =>
  url.hostname !== "github.com" &&
  doc.querySelector('meta[property="og:site_name"][content^="GitHub"]') !== null &&
  doc.querySelector('meta[name="hostname"]')?.getAttribute("content")?.toLowerCase() === url.hostname.toLowerCase();

/** One parser for every Enterprise list, so that the keys of links already read are remembered. */
const enterpriseKey = (target: UrlParts) => githubKey(target, { selfHosted: true });

export const github: SiteAdapter = {
  name: "github",
  keyOf: githubKey,
  detect: (url, doc) => url.hostname === "github.com" || isEnterprisePage(url, doc),
  itemKey: (url, doc) => githubKey(url, { selfHosted: isEnterprisePage(url, doc) }),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, isEnterprisePage(url, doc) ? enterpriseKey : githubKey),
};
