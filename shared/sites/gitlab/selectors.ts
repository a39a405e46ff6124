// GitLab markup, on gitlab.com and self-hosted instances. Newest first; each names the GitLab versions that serve it and when it was seen.

/** A page served by GitLab on any host. */
export const gitlabPageSelectors = [
  'meta[property="og:site_name"][content="GitLab"]', // GitLab 12–17, seen 2026-11 (and on a 12.5 capture of 2019-12)
] as const;

/** `body[data-page]` names the Rails controller and action, like `projects:issues:show`: GitLab 8–17, seen 2026-11 (and on a 12.5 capture of 2019-12). */
export const gitlabPageId = /^(?:projects|groups|dashboard|root|explore|admin|users|search|profiles):/;

/**
 * The item title (the chip goes right after it); also inside the drawer a list opens. Never a
 * bare `.title` or `h1`: GitLab 12–13 also calls the logo in its top bar `h1.title`.
 */
export const titleSelectors = [
  '[data-testid="work-item-title"]', // GitLab 16–17 issue and work item view, and the drawer on lists, seen 2026-11
  'h1[data-testid="title-content"]', // GitLab 15–17 merge request, seen 2026-11
  ".detail-page-description .title", // GitLab 11–14 (2018–2022) issue and merge request `h2.title`, seen on a 12.5 capture of 2019-12
] as const;

export const rowLinkSelectors = [
  'li[data-testid="issuable-container"] a[data-testid="issuable-title-link"]', // GitLab 15–17 issue and MR lists, seen 2026-11
  "li.issue .issue-title-text a[href]", // GitLab 11–14 (2018–2022) issue list, hand-made from 13.12 markup (no public capture)
  "li.merge-request .merge-request-title-text a[href]", // GitLab 11–14 (2018–2022) merge request list, hand-made from 13.12 markup (no public capture)
  ".board-card .board-card-title a[href]", // GitLab 12–17 issue boards, hand-made from 13.12 markup (no public capture)
] as const;

export const rowSelector = 'li[data-testid="issuable-container"], li.issue, li.merge-request, .board-card';
