import { pageUrlKey } from "../../../shared/targets/page-url";
import type { SiteAdapter } from "../types";

/** Any other page the user invokes Liaison on: the page itself is the item; the chip floats. */
export const generic: SiteAdapter = {
  name: "generic",
  detect: (url) => url.protocol === "https:" || url.protocol === "http:",
  itemKey: (url) => pageUrlKey(url),
  chipAnchor: () => null,
  rows: () => [],
};
