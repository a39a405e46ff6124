// Google Docs: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, type SiteAdapter } from "../adapter-kit";
import { gdocsKey } from "./key";
import { titleSelectors } from "./selectors";

// Documents only: no list rows.
export const gdocs: SiteAdapter = {
  name: "gdocs",
  keyOf: gdocsKey,
  detect: (url) => url.hostname === "docs.google.com" && url.pathname.startsWith("/document/"),
  itemKey: (url) => gdocsKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: () => [],
};
