// Notion: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromAttributes, type SiteAdapter } from "../adapter-kit";
import { isNotionHost, notionId, notionKey } from "./key";
import { rowSelectors, titleSelectors } from "./selectors";

const rowPage = (element: Element) => {
  const id = notionId(element.getAttribute("data-block-id") ?? "");
  return id ? `notion:${id}` : null;
};

export const notion: SiteAdapter = {
  name: "notion",
  keyOf: notionKey,
  detect: (url) => isNotionHost(url.hostname),
  itemKey: (url) => notionKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc) => rowsFromAttributes(doc, rowSelectors, rowSelectors.join(", "), rowPage),
};
