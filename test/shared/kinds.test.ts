import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emptyPanelData, type PanelData } from "../../extension/panel/panel-data";
import { searchIndex } from "../../extension/panel/views/Search";
import { entityNames, entityPolicies, entitySchemas, mergeEntity, targetKeySchema } from "../../shared/entities";
import { type AnyKind, type RecordLists, recordKinds } from "../../shared/kinds";
import { capturableKinds } from "../../shared/kinds/capturable";
import { indexByTarget, knownTargetKeys, summarize } from "../../shared/kinds/items";
import { defineKind } from "../../shared/kinds/kind";
import { englishLabels, weeklyReportMarkdown } from "../../shared/markdown";
import { inline, kindLabel } from "../../shared/markdown-text";
import { emptySummary } from "../../shared/summary";
import { mutation } from "../../shared/sync";
import { text } from "../../shared/text";

const root = path.resolve(import.meta.dirname, "../..");
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(path.join(root, "extension/public/_locales", lang, "messages.json"), "utf8")) as Record<string, unknown>;

// A kind that exists only in this test: registering it must be all it takes to show everywhere.
const milestone = z
  .object({ title: text(200, 1), targets: z.array(targetKeySchema).default([]), reached: z.boolean().default(false) })
  .strict();
type Milestone = z.infer<typeof milestone>;
const milestoneKind = defineKind({
  name: "milestone",
  list: "milestones",
  links: "targets",
  search: (m: Milestone) => ({ title: m.title, text: m.targets }),
  summary: (records: Milestone[]) => ({ goals: records.filter((m) => !m.reached).map((m) => m.title) }),
  report: {
    section: (records, { labels }) =>
      records.length === 0
        ? []
        : [`## ${kindLabel(labels, "milestone")} (${records.length})`, "", ...records.map(({ data }) => `- ${inline(data.title)}`), ""],
  },
});
const withMilestones = [...recordKinds, milestoneKind];

const key = "jira:acme.atlassian.net/ACME-77";
const meta = { createdBy: null, createdAt: "2026-11-24T00:00:00Z", updatedBy: null, updatedAt: "2026-11-24T00:00:00Z" };
const beta = { id: "milestone-0001", data: milestone.parse({ title: "Public beta", targets: [key] }), meta, pending: false };
// The panel's lists and the plain records with one list more, as the registry's loops read them for a registered kind.
const data = { ...emptyPanelData, milestones: [beta] } as PanelData;
const records = { milestones: [beta.data] } as unknown as RecordLists;

describe("the kinds registry", () => {
  it("makes a newly registered kind searchable", () => {
    expect(searchIndex(data, withMilestones).map((hit) => [hit.kind, hit.text])).toEqual([["milestone", "Public beta"]]);
    expect(searchIndex(data)).toEqual([]);
  });

  it("counts its item keys as known and indexes them for the chip", () => {
    expect(knownTargetKeys(data, withMilestones)).toEqual([key]);
    expect(knownTargetKeys(data)).toEqual([]);
    expect(indexByTarget(records, withMilestones).has(key)).toBe(true);
    expect(indexByTarget(records).has(key)).toBe(false);
  });

  it("adds its part to the item's chip summary", () => {
    const index = indexByTarget(records, withMilestones);
    const summary = summarize(index, key, "2026-11-26", withMilestones);
    expect(summary.goals).toEqual(["Public beta"]);
    expect(summary).toEqual({ ...emptySummary(key), goals: ["Public beta"] });
  });

  it("writes its lines in the weekly report", () => {
    const input = { monday: "2026-11-23", today: "2026-11-26", milestones: [beta] };
    const labels = { ...englishLabels, kinds: { milestone: "Milestones" } };
    expect(weeklyReportMarkdown(input, labels, withMilestones)).toContain("## Milestones (1)\n\n- Public beta\n");
    expect(weeklyReportMarkdown(input, labels)).not.toContain("Public beta");
  });

  it("summarises an item nobody recorded anything about as the page-start script's blank does", () => {
    expect(summarize(new Map(), key, "2026-11-26")).toEqual(emptySummary(key));
  });

  it("names every kind in both catalogues", () => {
    for (const lang of ["en", "zh_CN"]) {
      const names = catalogue(lang);
      expect(
        recordKinds.filter((kind) => !(`kind_${kind.name}` in names)).map((kind) => kind.name),
        lang,
      ).toEqual([]);
    }
  });

  it("gives the sync API a schema and the policy of every kind", () => {
    expect([...entityNames].sort()).toEqual(recordKinds.map((kind) => kind.name).sort());
    expect(Object.keys(entitySchemas).sort()).toEqual([...entityNames].sort());
    for (const kind of recordKinds) {
      const parsed = mutation.safeParse({ id: "mutation-0001", entity: kind.name, entityId: "entity-0001", op: "delete" });
      expect(parsed.success, kind.name).toBe(true);
    }
    expect(entityPolicies).toEqual({
      department: { adminOnly: true },
      annotation: { authorOnly: true },
      tracker_item: { lastSeenWins: true },
    });
  });

  it("lets risks, action items and annotations be created from the page, and nothing else", () => {
    expect([...capturableKinds].sort()).toEqual(["action_item", "annotation", "risk"]);
  });

  it("links each record to the items it names", () => {
    const responsibility = mergeEntity("responsibility", null, { target: key, person: "Pat", role: "A" });
    const meeting = mergeEntity("meeting", null, { title: "Sync", date: "2026-11-24" });
    if (!responsibility.ok || !meeting.ok) throw new Error("invalid fixture");
    const byName: Record<string, AnyKind> = Object.fromEntries(recordKinds.map((kind) => [kind.name, kind]));
    expect(byName.responsibility.keys(responsibility.data)).toEqual([key]);
    expect(byName.meeting.keys(meeting.data)).toEqual([]);
    expect(byName.risk.keys({ targets: [key, key] })).toEqual([key]);
  });
});
