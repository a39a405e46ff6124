// PingCode work items, ideas, tickets and wiki pages: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://acme.pingcode.com/pjm/workitems/eqWqLmTO", "pingcode:acme.pingcode.com/workitems/eqWqLmTO"],
    ["https://acme.pingcode.com/pjm/workitems/eqWqLmTO?tab=detail#c1", "pingcode:acme.pingcode.com/workitems/eqWqLmTO"],
    ["https://acme.pingcode.com/pjm/work_items/eqWqLmTO", "pingcode:acme.pingcode.com/workitems/eqWqLmTO"],
    ["https://acme.pingcode.com/pjm/projects/SCR/work-items/SCR-348", "pingcode:acme.pingcode.com/workitems/SCR-348"],
    ["https://acme.pingcode.com/ship/ideas/c9WqLmTO", "pingcode:acme.pingcode.com/ideas/c9WqLmTO"],
    ["https://acme.pingcode.com/ship/tickets/fQIoiizC", "pingcode:acme.pingcode.com/tickets/fQIoiizC"],
    ["https://acme.pingcode.com/wiki/pages/JoP34lQM", "pingcode:acme.pingcode.com/wiki/JoP34lQM"],
    ["https://acme.pingcode.com/wiki/spaces/payments/pages/JoP34lQM", "pingcode:acme.pingcode.com/wiki/JoP34lQM"],
  ],
  notItems: [
    "https://acme.pingcode.com/pjm/projects/SCR/work-items",
    "https://acme.pingcode.com/ship/ideas",
    "https://acme.pingcode.com/wiki/spaces/payments",
  ],
  pages: [
    {
      itemUrl: "https://acme.pingcode.com/pjm/workitems/eqWqLmTO",
      itemFixture: "pingcode/work-item.html",
      itemKey: "pingcode:acme.pingcode.com/workitems/eqWqLmTO",
      anchored: false,
      listUrl: "https://acme.pingcode.com/pjm/projects/SCR/work-items",
      listFixture: "pingcode/work-items.html",
      listKeys: [
        "pingcode:acme.pingcode.com/workitems/c9WqLmTO",
        "pingcode:acme.pingcode.com/workitems/eqWqLmTO",
        "pingcode:acme.pingcode.com/workitems/JoP34lQM",
      ],
      listItemKey: null,
    },
  ],
};
