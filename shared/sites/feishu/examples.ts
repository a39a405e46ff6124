// Feishu and Lark documents and Base records: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://Acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1", "feishu:acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1"],
    ["https://acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1", "feishu:acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1"],
    ["https://acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12", "feishu:acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12"],
    ["https://acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12?from=from_copylink", "feishu:acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12"],
    ["https://acme.larksuite.com/docs/doccnAbCdEfGhIjKlMnOpQrStU", "feishu:acme.larksuite.com/docs/doccnAbCdEfGhIjKlMnOpQrStU"],
    ["https://acme.larksuite.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv", "feishu:acme.larksuite.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv"],
    ["https://acme.larkoffice.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv", "feishu:acme.larkoffice.com/sheets/ShtAbCdEfGhIjKlMnOpQrStUv"],
    [
      "https://acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf?table=tblLEEoU9EpeZpaF&view=vewG1l8FO1",
      "feishu:acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf",
    ],
    [
      "https://acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf?table=tblLEEoU9EpeZpaF&record=recAbC123",
      "feishu:acme.feishu.cn/base/bascnDfGDUAC9uZmG8WAIm68pDf/recAbC123",
    ],
  ],
  notItems: [
    "https://acme.feishu.cn/drive/folder/fldcnAbCdEfGhIjKlMnOpQrStU",
    "https://acme.feishu.cn/wiki/space/7123456789012345678",
    "https://acme.feishu.cn/wiki/settings",
    "https://feishu.example.com/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
  ],
  pages: [
    {
      itemUrl: "https://acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
      itemFixture: "feishu/docx.html",
      itemKey: "feishu:acme.feishu.cn/docx/AbCdEfGhIjKlMnOpQrStUvWxYz1",
      anchored: true,
      listUrl: "https://acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12",
      listFixture: "feishu/wiki.html",
      listKeys: [],
      listItemKey: "feishu:acme.feishu.cn/wiki/WkAbCdEfGhIjKlMnOpQrStUv12",
    },
  ],
};
