// Notion pages and database rows: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    ["https://www.notion.so/acme/Checkout-runbook-0B3C5E7F9A1B4C2D8E6F1A2B3C4D5E6F", "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f"],
    ["https://www.notion.so/acme/Checkout-runbook-0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f", "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f"],
    ["https://www.notion.so/0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f", "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f"],
    [
      "https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000&p=2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b&pm=s",
      "notion:2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b",
    ],
    [
      "https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000",
      "notion:7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d",
    ],
    // A peek parameter that is no page id leaves the database as the item.
    ["https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d&p=not-an-id", "notion:7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d"],
    ["https://acme.notion.site/Status-page-playbook-4f6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e", "notion:4f6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e"],
  ],
  notItems: ["https://www.notion.so/acme", "https://www.notion.so/acme/Checkout-runbook"],
  pages: [
    {
      itemUrl: "https://www.notion.so/acme/Checkout-runbook-0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f",
      itemFixture: "notion/page.html",
      itemKey: "notion:0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f",
      anchored: true,
      listUrl:
        "https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000&p=2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b&pm=s",
      listFixture: "notion/database.html",
      listKeys: [
        "notion:2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b",
        "notion:3d5f7b9c1e2a4f4b9d6c8e0a2f4b6d8c",
        "notion:4e6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e",
      ],
      listItemKey: "notion:2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b",
    },
  ],
};
