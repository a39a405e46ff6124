// Google Docs markup. The document body is drawn on a canvas: only the title bar is markup.

/** The title field in the title bar (an input; the chip goes right after it). */
export const titleSelectors = [
  "#docs-titlebar .docs-title-input", // seen 2026-11
] as const;
