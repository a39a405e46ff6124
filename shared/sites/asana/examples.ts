// Asana tasks: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://app.asana.com/1/1200000000000001/project/1200000000000002/task/1209000000000017", "asana:1209000000000017"],
    ["https://app.asana.com/1/1200000000000001/task/1209000000000017?focus=true", "asana:1209000000000017"],
    ["https://app.asana.com/1/1200000000000001/task/1209000000000017", "asana:1209000000000017"],
    ["https://app.asana.com/0/1200000000000002/1209000000000017", "asana:1209000000000017"],
    ["https://app.asana.com/0/1200000000000002/1209000000000017/f", "asana:1209000000000017"],
    ["https://app.asana.com/0/search/1200000000000005/1209000000000016?child=1209000000000017", "asana:1209000000000017"],
  ],
  notItems: [
    "https://app.asana.com/1/1200000000000001/project/1200000000000002/list/1200000000000009",
    "https://app.asana.com/0/1200000000000002/list",
    "https://app.asana.com/0/home/1200000000000001",
    "https://app.asana.com/0/inbox/1200000000000001",
  ],
  pages: [
    {
      itemUrl: "https://app.asana.com/1/1200000000000001/project/1200000000000002/task/1209000000000017",
      itemFixture: "asana/task.html",
      itemKey: "asana:1209000000000017",
      anchored: true,
      listUrl: "https://app.asana.com/1/1200000000000001/project/1200000000000002/list/1200000000000009",
      listFixture: "asana/project-list.html",
      listKeys: ["asana:1209000000000016", "asana:1209000000000017", "asana:1209000000000018"],
      listItemKey: null,
    },
  ],
};
