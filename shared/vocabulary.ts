// The product's fixed vocabularies, free of any dependency so that in-page code stays small.

export const actionItemStatuses = ["open", "done", "cancelled"] as const;
export const priorities = ["low", "medium", "high", "urgent"] as const;

/** Departments offered when a member types theirs; any other name is allowed. */
export const commonDepartments = ["Product", "Engineering", "Design", "QA", "Marketing", "Sales", "Legal", "Operations", "Support"];
