import { githubKey } from "../../../shared/targets/github";
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../types";
import { rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

// Tried on: https://github.com/refined-github/refined-github/issues/3543,
// https://github.com/wxt-dev/wxt/pull/1000/files, https://github.com/wxt-dev/wxt/issues?q=is%3Aopen
export const github: SiteAdapter = {
  name: "github",
  detect: (url) => url.hostname === "github.com",
  itemKey: (url) => githubKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, githubKey),
};
