// The length limits the forms apply, as the zod schemas set them; free of any dependency so that in-page forms stay small.
// test/shared/limits.test.ts holds every number here to its schema.

export const maxLengths = {
  /** A person's name (schemas: personName). */
  person: 80,
  /** A department's name (schemas: departmentName). */
  department: 60,
  workspace: { name: 80, inviteCode: 40 },
  actionItem: { text: 2000 },
  risk: { title: 200, description: 4000, mitigation: 4000, contingency: 4000 },
  meeting: { title: 200, notes: 20_000, agenda: 20_000 },
  decision: { text: 2000 },
  annotation: { body: 10_000, tag: 40 },
  /** Where a record was captured: the page's title and the words quoted from it. */
  source: { title: 300, quote: 4000 },
  goal: { title: 200, description: 4000, statusReason: 500 },
  indicator: { name: 120, unit: 20 },
  checkin: { highlights: 4000, blockers: 4000, helpRequest: 1000 },
  escalation: { title: 200, resolution: 4000 },
  channel: { name: 80, url: 2048, secret: 200 },
} as const;

/** An annotation's tags, at most. */
export const maxTagsPerAnnotation = 20;

/** The tags field holds a comma-separated list; each tag is capped by the schema, the whole list only here. */
export const annotationTagsFieldLength = 400;
