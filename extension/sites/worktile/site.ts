import { worktileKey } from "../../../shared/targets/worktile";
import { rowsFromLinks, type SiteAdapter } from "../types";
import { rowLinkSelectors, rowSelector } from "./selectors";

// Tried on: https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf/tasks/5ea4e27bc5de12753c09f176,
// https://acme.worktile.com/mission/my/directed (a list), https://acme.worktile.com/agile/items/5ece2c9526a2063b6e895f43
export const worktile: SiteAdapter = {
  name: "worktile",
  detect: (url) => url.hostname.toLowerCase().endsWith(".worktile.com"),
  itemKey: (url) => worktileKey(url),
  // No title hook is known (seen 2026-11): the chip floats.
  chipAnchor: () => null,
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, worktileKey),
};
