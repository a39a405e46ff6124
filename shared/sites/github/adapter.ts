// GitHub: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { githubKey } from "./key";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

export const github: SiteAdapter = {
  name: "github",
  keyOf: githubKey,
  detect: (url) => url.hostname === "github.com",
  itemKey: (url) => githubKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, githubKey),
};
