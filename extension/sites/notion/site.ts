import { isNotionHost, notionId, notionKey } from "../../../shared/targets/notion";
import { firstMatch, rowsFromAttributes, type SiteAdapter } from "../types";
import { rowSelectors, titleSelectors } from "./selectors";

const rowPage = (element: Element) => {
  const id = notionId(element.getAttribute("data-block-id") ?? "");
  return id ? `notion:${id}` : null;
};

// Tried on: https://www.notion.so/acme/Checkout-runbook-0b3c5e7f9a1b4c2d8e6f1a2b3c4d5e6f,
// https://www.notion.so/acme/7d2f4a6b8c0e4f1a9b3d5c7e9f1a3b5d?v=1e2d3c4b5a6978877665544332211000&p=2c4e6a8b0d1f4e3a8c5b7d9f1e3a5c7b&pm=s,
// https://acme.notion.site/Status-page-playbook-4f6a8c0e2b4d4f6a8c0e2b4d6f8a0c2e
export const notion: SiteAdapter = {
  name: "notion",
  detect: (url) => isNotionHost(url.hostname),
  itemKey: (url) => notionKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc) => rowsFromAttributes(doc, rowSelectors, rowSelectors.join(", "), rowPage),
};
