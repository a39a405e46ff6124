import { feishuKey, isFeishuHost } from "../../../shared/targets/feishu";
import { firstMatch, type SiteAdapter } from "../types";
import { titleSelectors } from "./selectors";

// Tried on: https://acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1, https://acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12,
// https://acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf?table=tblLEEoU9EpeZpaF&record=recAbC123, https://acme.larksuite.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv
// Documents only: Feishu has no list rows Liaison marks.
export const feishu: SiteAdapter = {
  name: "feishu",
  detect: (url) => isFeishuHost(url.hostname),
  itemKey: (url) => feishuKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: () => [],
};
