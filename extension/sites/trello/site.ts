import { trelloKey } from "../../../shared/targets/trello";
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../types";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

// Tried on: https://trello.com/c/Ab12Cd34/17-move-eu-checkout-to-the-regional-endpoint,
// https://trello.com/b/Xy98Zw76/payments (a board: a list, not an item)
export const trello: SiteAdapter = {
  name: "trello",
  detect: (url) => url.hostname === "trello.com",
  itemKey: (url) => trelloKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, trelloKey),
};
