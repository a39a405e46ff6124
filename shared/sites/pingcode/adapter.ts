// PingCode: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import { pingcodeKey } from "./key";
import { rowLinkSelectors, rowSelector } from "./selectors";

export const pingcode: SiteAdapter = {
  name: "pingcode",
  keyOf: pingcodeKey,
  detect: (url) => url.hostname.toLowerCase().endsWith(".pingcode.com"),
  itemKey: (url) => pingcodeKey(url),
  // No title hook is known (seen 2026-11): the chip floats.
  chipAnchor: () => null,
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, pingcodeKey),
};
