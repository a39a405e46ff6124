import { asanaKey } from "../../../shared/targets/asana";
import { firstMatch, mergeRows, rowsFromAttributes, rowsFromLinks, type SiteAdapter } from "../types";
import { rowLinkSelectors, rowSelector, taskIdSelectors, titleSelectors } from "./selectors";

const taskGid = (element: Element) => {
  const gid = element.getAttribute("data-task-id") ?? "";
  return /^\d+$/.test(gid) ? `asana:${gid}` : null;
};

// Tried on: https://app.asana.com/1/1200000000000001/project/1200000000000002/task/1209000000000017,
// https://app.asana.com/1/1200000000000001/task/1209000000000017, https://app.asana.com/0/1200000000000002/1209000000000017/f,
// https://app.asana.com/1/1200000000000001/project/1200000000000002/list/1200000000000009
export const asana: SiteAdapter = {
  name: "asana",
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
