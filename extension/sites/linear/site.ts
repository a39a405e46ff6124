import { linearKey } from "../../../shared/targets/linear";
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../types";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

// Tried on: https://linear.app/acme/issue/ENG-12/some-title, https://linear.app/acme/team/ENG/active
export const linear: SiteAdapter = {
  name: "linear",
  detect: (url) => url.hostname === "linear.app",
  itemKey: (url) => linearKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, linearKey),
};
