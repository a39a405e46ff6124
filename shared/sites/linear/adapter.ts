// Linear: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { linearKey } from "./key";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

export const linear: SiteAdapter = {
  name: "linear",
  keyOf: linearKey,
  detect: (url) => url.hostname === "linear.app",
  itemKey: (url) => linearKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, linearKey),
};
