// GitLab markup, on gitlab.com and self-hosted instances. Newest first; dates are when each was seen.

/** A page served by GitLab on any host. */
export const gitlabPageSelectors = [
  'meta[property="og:site_name"][content="GitLab"]', // seen 2026-11
] as const;

/** `body[data-page]` names the Rails controller and action, like `projects:issues:show` (seen 2026-11). */
export const gitlabPageId = /^(?:projects|groups|dashboard|root|explore|admin|users|search|profiles):/;

/** The item title (the chip goes right after it); also inside the drawer a list opens. */
export const titleSelectors = [
  '[data-testid="work-item-title"]', // issue and work item view, and the drawer on lists, seen 2026-11
  'h1[data-testid="title-content"]', // merge request, seen 2026-11
] as const;

export const rowLinkSelectors = [
  'li[data-testid="issuable-container"] a[data-testid="issuable-title-link"]', // issue and MR lists, seen 2026-11
] as const;

export const rowSelector = 'li[data-testid="issuable-container"]';
