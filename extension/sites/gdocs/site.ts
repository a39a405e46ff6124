import { gdocsKey } from "../../../shared/targets/gdocs";
import { firstMatch, type SiteAdapter } from "../types";
import { titleSelectors } from "./selectors";

// Tried on: https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0,
// https://docs.google.com/document/u/1/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit#heading=h.x
// Documents only: no list rows.
export const gdocs: SiteAdapter = {
  name: "gdocs",
  detect: (url) => url.hostname === "docs.google.com" && url.pathname.startsWith("/document/"),
  itemKey: (url) => gdocsKey(url),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: () => [],
};
