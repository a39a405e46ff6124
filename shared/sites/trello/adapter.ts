// Trello: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { trelloKey } from "./key";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

export const trello: SiteAdapter = {
  name: "trello",
  keyOf: trelloKey,
  detect: (url) => url.hostname === "trello.com",
  itemKey: (url) => trelloKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, trelloKey),
};
