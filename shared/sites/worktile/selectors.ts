// Worktile markup: same vendor and stack as PingCode (Angular, ngx-tethys). No confirmed hooks.

export const rowLinkSelectors = [
  ".styx-table-body tbody tr a[href]", // task tables, seen 2026-11 (unconfirmed: assumed from PingCode)
] as const;

export const rowSelector = "tr";
