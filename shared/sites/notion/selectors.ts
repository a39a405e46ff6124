// Notion markup. Newest first; dates are when each was seen on www.notion.so and *.notion.site.

/** The page title; a peeked page (database row opened beside the view) comes first, as it is the item. */
export const titleSelectors = [
  ".notion-peek-renderer .notion-page-block > h1", // seen 2026-11
  "main.notion-frame .notion-page-block > h1", // seen 2026-11
  ".notion-page-block > h1", // seen 2026-11
] as const;

/** Database rows and cards; `data-block-id` is the row's page id, dashed. */
export const rowSelectors = [
  ".notion-collection-item[data-block-id]", // table, board and list views, seen 2026-11
] as const;
