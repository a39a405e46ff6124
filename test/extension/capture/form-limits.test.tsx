import { cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { AnnotationForm } from "../../../extension/page/capture/AnnotationForm";
import { CaptureForm } from "../../../extension/page/capture/CaptureForm";
import { RiskForm } from "../../../extension/page/capture/RiskForm";
import { actionItem, annotation, risk } from "../../../shared/entities";
import { members } from "../annotations/fixtures";

afterEach(cleanup);

/** The longest string a schema takes, read from zod 4's checks under its nullable and default wrappers. */
function schemaLimit(schema: z.ZodType): number | null {
  const inner = (schema._zod.def as { innerType?: z.ZodType }).innerType;
  return inner ? schemaLimit(inner) : (schema as z.ZodString).maxLength;
}

const draft = { quote: null, url: "https://github.com/acme/app/issues/7", title: "Issue #7", targets: ["github:acme/app#7"] };
const props = { session: null, members, onSave: async () => {}, onClose: () => {} };

/** Each field of each in-page form, by id, and the schema field it is saved to. */
const cases: Array<[string, () => unknown, Record<string, z.ZodType>]> = [
  [
    "the action item form",
    () => render(<CaptureForm draft={draft} {...props} />),
    { "liaison-text": actionItem.shape.text, "liaison-owner": actionItem.shape.owner, "liaison-department": actionItem.shape.department },
  ],
  [
    "the risk form",
    () => render(<RiskForm draft={draft} {...props} />),
    {
      "liaison-risk-title": risk.shape.title,
      "liaison-risk-owner": risk.shape.owner,
      "liaison-mitigation": risk.shape.mitigation,
      "liaison-contingency": risk.shape.contingency,
    },
  ],
  [
    "the annotate form",
    () => render(<AnnotationForm draft={{ ...draft, selectors: [], quote: "" }} {...props} />),
    { "liaison-note": annotation.shape.body },
  ],
];

describe("the in-page forms", () => {
  it.each(cases)("%s caps each field where its schema does", (_, draw, fields) => {
    draw();
    for (const [id, schema] of Object.entries(fields)) {
      const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
      expect(field?.maxLength, id).toBe(schemaLimit(schema));
    }
  });
});
