// Feishu and Lark document markup. Medium confidence: read from public pages, not from a long-lived injector.

/** The document title. */
export const titleSelectors = [
  ".page-block-header h1", // docx and wiki documents, seen 2026-11 (medium confidence)
] as const;
