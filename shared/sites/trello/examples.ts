// Trello cards: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://trello.com/c/Ab12Cd34/17-move-eu-checkout-to-the-regional-endpoint", "trello:Ab12Cd34"],
    ["https://trello.com/c/Ab12Cd34", "trello:Ab12Cd34"],
  ],
  notItems: ["https://trello.com/b/Xy98Zw76/payments", "https://trello.com/acme/boards"],
  pages: [
    {
      itemUrl: "https://trello.com/c/Ab12Cd34/17-move-eu-checkout-to-the-regional-endpoint",
      itemFixture: "trello/card.html",
      itemKey: "trello:Ab12Cd34",
      anchored: true,
      listUrl: "https://trello.com/b/Xy98Zw76/payments",
      listFixture: "trello/board.html",
      listKeys: ["trello:Ab12Cd34", "trello:Ef56Gh78", "trello:Ij90Kl12"],
      listItemKey: null,
    },
  ],
};
