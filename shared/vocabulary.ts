// The product's fixed vocabularies, free of any dependency so that in-page code stays small.

export const actionItemStatuses = ["open", "done", "cancelled"] as const;
export const priorities = ["low", "medium", "high", "urgent"] as const;
export const raciRoles = ["R", "A", "C", "I"] as const;
export const riskStatuses = ["open", "mitigating", "accepted", "closed", "occurred"] as const;
export const annotationVisibilities = ["workspace", "private"] as const;
export const goalKinds = ["project", "phase"] as const;
export const healthStatuses = ["on-track", "at-risk", "off-track"] as const;
export const escalationStatuses = ["open", "decided", "withdrawn"] as const;
/** How often a recurring meeting (例会) comes round. */
export const meetingRepeats = ["weekly", "every-2-weeks"] as const;
export const memberRoles = ["admin", "member"] as const;

/** Departments offered when a member types theirs; any other name is allowed. */
export const commonDepartments = ["Product", "Engineering", "Design", "QA", "Marketing", "Sales", "Legal", "Operations", "Support"];

/** Likelihood and impact of a risk: 1 (rare, minor) to 5 (almost certain, severe). */
export const riskScale = [1, 2, 3, 4, 5] as const;

/**
 * What the page's content script found for an annotation: its words (`anchored`), nothing
 * (`orphan`: the words changed or are gone), or nothing to look for (`page`: a note about the
 * whole page, as on Google Docs).
 */
export const anchoringStatuses = ["anchored", "orphan", "page"] as const;
export type AnchoringStatus = (typeof anchoringStatuses)[number];

/** What a tracker's own state for an item comes to, whatever its words (see shared/sites/reading.ts). */
export const trackerStatuses = ["open", "closed", "merged", "done"] as const;
export type TrackerStatus = (typeof trackerStatuses)[number];
