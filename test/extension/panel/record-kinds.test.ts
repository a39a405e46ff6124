import { describe, expect, it } from "vitest";
import { emptyPanelData, type PanelData, type Row } from "../../../extension/panel/panel-data";
import { searchHits, searchIndex } from "../../../extension/panel/views/Search";
import { type EntityName, mergeEntity } from "../../../shared/entities";
import { findGaps } from "../../../shared/gaps";
import { knownTargetKeys } from "../../../shared/kinds/items";
import { parseTargetInput } from "../../../shared/target-input";

let n = 0;
function row<T>(entity: EntityName, fields: Record<string, unknown>): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  const at = "2026-11-24T00:00:00Z";
  return {
    id: `row-${String(++n).padStart(4, "0")}`,
    data: merged.data as T,
    meta: { createdBy: null, createdAt: at, updatedBy: null, updatedAt: at },
    pending: false,
  };
}

const goalKey = "jira:acme.atlassian.net/ACME-42";
const escalationKey = "linear:acme/ENG-12";
const data: PanelData = {
  ...emptyPanelData,
  goals: [row("goal", { title: "Launch in Europe", description: "Regional endpoint", targets: [goalKey] })],
  escalations: [row("escalation", { title: "Who pays for hosting", departments: ["Legal", "Finance"], targets: [escalationKey] })],
  meetings: [row("meeting", { title: "Payments sync", date: "2026-11-24", notes: "Talked about invoicing", attendees: ["Pat"] })],
  checkins: [row("checkin", { department: "QA", week: "2026-W48", status: "at-risk", blockers: "Flaky staging cluster" })],
};

describe("every record kind in the side panel", () => {
  it("resolves a bare key the workspace knows only from a goal or an escalation", () => {
    const known = knownTargetKeys(data);
    expect(parseTargetInput("ACME-42", known)).toBe(goalKey);
    expect(parseTargetInput("eng-12", known)).toBe(escalationKey);
  });

  it("finds goals, meetings, escalations and check-ins by their words", () => {
    const index = searchIndex(data);
    const found = (query: string) => searchHits(index, query).map((hit) => [hit.kind, hit.text]);
    expect(found("regional")).toEqual([["goal", "Launch in Europe"]]);
    expect(found("invoicing")).toEqual([["meeting", "Payments sync · 2026-11-24"]]);
    expect(found("hosting finance")).toEqual([["escalation", "Who pays for hosting"]]);
    expect(found("staging")).toEqual([["checkin", "QA · 2026-W48"]]);
  });

  it("counts items known from goals and escalations among the items nobody is accountable for", () => {
    expect(findGaps(data, "2026-11-26").noAccountable).toEqual([goalKey, escalationKey].sort());
  });
});
