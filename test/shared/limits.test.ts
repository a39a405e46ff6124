import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createChannelRequest } from "../../shared/channels";
import {
  actionItem,
  annotation,
  captureSource,
  checkin,
  decision,
  escalation,
  goal,
  meeting,
  risk,
  textQuoteSelector,
} from "../../shared/entities";
import { maxLengths, maxTagsPerAnnotation } from "../../shared/limits";
import { departmentName, personName } from "../../shared/text";
import { createWorkspaceRequest, joinRequest, memberProfile, renameWorkspaceRequest } from "../../shared/workspace";

/** The schema under zod 4's nullable, optional, default and array wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { innerType?: z.ZodType; element?: z.ZodType };
  const inner = def.innerType ?? def.element;
  return inner ? unwrap(inner) : schema;
}

/** The longest string a schema takes, read from its checks. */
function maxLength(schema: z.ZodType): number | null {
  const string = unwrap(schema) as z.ZodString;
  expect(string._zod.def.type).toBe("string");
  return string.maxLength;
}

/** The most items an array schema takes (under its default), read from its checks. */
function maxItems(schema: z.ZodType): number | undefined {
  const array = (schema._zod.def as { innerType?: z.ZodType }).innerType ?? schema;
  expect(array._zod.def.type).toBe("array");
  const checks = (array._zod.def.checks ?? []).map((check) => check._zod.def as { check: string; maximum?: number });
  return checks.find((check) => check.check === "max_length")?.maximum;
}

const shapeOf = (schema: z.ZodType) => (unwrap(schema) as z.ZodObject).shape;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith(".tsx") ? [full] : [];
  });
}

describe("the forms' length limits", () => {
  it("are the schemas' own limits", () => {
    expect(maxLength(personName)).toBe(maxLengths.person);
    expect(maxLength(departmentName)).toBe(maxLengths.department);
    expect(maxLength(memberProfile.shape.name)).toBe(maxLengths.person);
    expect(maxLength(memberProfile.shape.department)).toBe(maxLengths.department);
    expect(maxLength(createWorkspaceRequest.shape.name)).toBe(maxLengths.workspace.name);
    expect(maxLength(renameWorkspaceRequest.shape.name)).toBe(maxLengths.workspace.name);
    expect(maxLength(joinRequest.shape.code)).toBe(maxLengths.workspace.inviteCode);
    expect(maxLength(actionItem.shape.text)).toBe(maxLengths.actionItem.text);
    expect(maxLength(risk.shape.title)).toBe(maxLengths.risk.title);
    expect(maxLength(risk.shape.description)).toBe(maxLengths.risk.description);
    expect(maxLength(risk.shape.mitigation)).toBe(maxLengths.risk.mitigation);
    expect(maxLength(risk.shape.contingency)).toBe(maxLengths.risk.contingency);
    expect(maxLength(meeting.shape.title)).toBe(maxLengths.meeting.title);
    expect(maxLength(meeting.shape.notes)).toBe(maxLengths.meeting.notes);
    expect(maxLength(meeting.shape.agenda)).toBe(maxLengths.meeting.agenda);
    expect(maxLength(decision.shape.text)).toBe(maxLengths.decision.text);
    expect(maxLength(annotation.shape.body)).toBe(maxLengths.annotation.body);
    expect(maxLength(annotation.shape.tags)).toBe(maxLengths.annotation.tag);
    expect(maxItems(annotation.shape.tags)).toBe(maxTagsPerAnnotation);
    expect(maxLength(captureSource.shape.title)).toBe(maxLengths.source.title);
    expect(maxLength(textQuoteSelector.shape.exact)).toBe(maxLengths.source.quote);
    expect(maxLength(annotation.shape.quote)).toBe(maxLengths.source.quote);
    expect(maxLength(goal.shape.title)).toBe(maxLengths.goal.title);
    expect(maxLength(goal.shape.description)).toBe(maxLengths.goal.description);
    expect(maxLength(shapeOf(goal.shape.statusOverride).reason)).toBe(maxLengths.goal.statusReason);
    const indicator = shapeOf(goal.shape.indicators);
    expect(maxLength(indicator.name)).toBe(maxLengths.indicator.name);
    expect(maxLength(indicator.unit)).toBe(maxLengths.indicator.unit);
    expect(maxLength(checkin.shape.highlights)).toBe(maxLengths.checkin.highlights);
    expect(maxLength(checkin.shape.blockers)).toBe(maxLengths.checkin.blockers);
    expect(maxLength(shapeOf(checkin.shape.helpNeeded).request)).toBe(maxLengths.checkin.helpRequest);
    expect(maxLength(escalation.shape.title)).toBe(maxLengths.escalation.title);
    expect(maxLength(escalation.shape.resolution)).toBe(maxLengths.escalation.resolution);
    expect(maxLength(createChannelRequest.shape.name)).toBe(maxLengths.channel.name);
    expect(maxLength(createChannelRequest.shape.url)).toBe(maxLengths.channel.url);
    expect(maxLength(createChannelRequest.shape.secret)).toBe(maxLengths.channel.secret);
  });

  it("are never written out as numbers in a form", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const written = sources(path.join(root, "extension")).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/maxLength=\{[\d_]+\}/g)].map((match) => `${path.relative(root, file)}: ${match[0]}`),
    );
    expect(written).toEqual([]);
  });
});
