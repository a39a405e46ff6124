// Asana: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, mergeRows, rowsFromAttributes, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { asanaKey } from "./key";
import { rowLinkSelectors, rowSelector, taskIdSelectors, titleSelectors } from "./selectors";

const taskGid = (element: Element) => {
  const gid = element.getAttribute("data-task-id") ?? "";
  return /^\d+$/.test(gid) ? `asana:${gid}` : null;
};

export const asana: SiteAdapter = {
  name: "asana",
  keyOf: asanaKey,
  detect: (url) => url.hostname === "app.asana.com",
  itemKey: (url) => asanaKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows(doc, url) {
    return mergeRows(
      rowsFromAttributes(doc, taskIdSelectors, rowSelector, taskGid),
      rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, asanaKey),
    );
  },
};
