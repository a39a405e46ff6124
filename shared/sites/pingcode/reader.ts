// PingCode: what a work item page says about it (title, state in the page's language, assignee). No confirmed hooks: the selectors are hand-made and unconfirmed.
import { readAll, readFirst, type TrackerReader } from "../reading";

const state = [
  ".work-item-detail .state-name", // work item detail header, 2026-11 (hand-made, unconfirmed)
  "[data-state-name]", // 2026-11 (hand-made, unconfirmed)
] as const;

const assignees = [
  ".work-item-detail .assignee-name", // 2026-11 (hand-made, unconfirmed)
] as const;

/** The page title reads "SCR-5 欧洲区结账超时 - PingCode": the item's key, its title, the product. */
export const titleFromDocument = (doc: Document, product: string) =>
  doc.title
    .replace(new RegExp(`\\s*[-|·]\\s*${product}\\s*$`, "i"), "")
    .replace(/^[A-Z][A-Z0-9]*-\d+\s+/, "")
    .trim()
    .slice(0, 300);

export const readPingcode: TrackerReader = (doc) => ({
  title: readFirst(doc, [".work-item-detail .title-text"]) || titleFromDocument(doc, "PingCode"),
  state: readFirst(doc, state),
  assignees: readAll(doc, assignees),
});
