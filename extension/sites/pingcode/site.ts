import { pingcodeKey } from "../../../shared/targets/pingcode";
import { rowsFromLinks, type SiteAdapter } from "../types";
import { rowLinkSelectors, rowSelector } from "./selectors";

// Tried on: https://acme.pingcode.com/pjm/workitems/eqWqLmTO, https://acme.pingcode.com/ship/ideas/c9WqLmTO,
// https://acme.pingcode.com/ship/tickets/fQIoiizC, https://acme.pingcode.com/wiki/pages/JoP34lQM,
// https://acme.pingcode.com/pjm/projects/SCR/work-items (a list)
export const pingcode: SiteAdapter = {
  name: "pingcode",
  detect: (url) => url.hostname.toLowerCase().endsWith(".pingcode.com"),
  itemKey: (url) => pingcodeKey(url),
  // No title hook is known (seen 2026-11): the chip floats.
  chipAnchor: () => null,
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, pingcodeKey),
};
