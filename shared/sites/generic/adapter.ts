// Any other page: the adapter that takes what no tracker claims.
import type { SiteAdapter } from "../adapter-kit";
import { pageUrlKey } from "./key";

/** Any other page the user invokes Liaison on: the page itself is the item; the chip floats. */
export const generic: SiteAdapter = {
  name: "generic",
  keyOf: pageUrlKey,
  detect: (url) => url.protocol === "https:" || url.protocol === "http:",
  itemKey: (url) => pageUrlKey(url),
  chipAnchor: () => null,
  rows: () => [],
};
