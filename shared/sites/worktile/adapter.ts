// Worktile: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { worktileKey } from "./key";
import { rowLinkSelectors, rowSelector } from "./selectors";

export const worktile: SiteAdapter = {
  name: "worktile",
  keyOf: worktileKey,
  detect: (url) => url.hostname.toLowerCase().endsWith(".worktile.com"),
  itemKey: (url) => worktileKey(url),
  // No title hook is known (seen 2026-11): the chip floats.
  chipAnchor: () => null,
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, worktileKey),
};
