// Feishu and Lark: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, type SiteAdapter } from "../adapter-kit";
import { feishuKey, isFeishuHost } from "./key";
import { titleSelectors } from "./selectors";

// Documents only: Feishu has no list rows Liaison marks.
export const feishu: SiteAdapter = {
  name: "feishu",
  keyOf: feishuKey,
  detect: (url) => isFeishuHost(url.hostname),
  itemKey: (url) => feishuKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: () => [],
};
