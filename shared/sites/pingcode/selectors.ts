// PingCode markup (Angular with ngx-tethys). No confirmed hook for the item title: the chip floats.

export const rowLinkSelectors = [
  ".styx-table-body tbody tr a[href]", // work item, idea and ticket tables, seen 2026-11
] as const;

export const rowSelector = "tr";
