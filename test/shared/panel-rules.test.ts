import { describe, expect, it } from "vitest";
import { addDays, inWeek, isoWeek, weekStart } from "../../shared/dates";
import { mergeEntity } from "../../shared/entities";
import { findGaps } from "../../shared/gaps";
import { englishLabels, inline, minutesMarkdown, weeklyReportMarkdown } from "../../shared/markdown";
import { parseTargetInput, parseTargetList } from "../../shared/target-input";

const make = <E extends Parameters<typeof mergeEntity>[0]>(entity: E, fields: Record<string, unknown>) => {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  return merged.data;
};

describe("calendar days", () => {
  it("finds ISO weeks and their Mondays", () => {
    expect(weekStart("2026-11-26")).toBe("2026-11-23");
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(isoWeek("2026-11-26")).toBe("2026-W48");
    expect(isoWeek("2021-01-03")).toBe("2020-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(inWeek("2026-11-29T23:00:00Z", "2026-11-23")).toBe(true);
    expect(inWeek("2026-11-30", "2026-11-23")).toBe(false);
  });
});

describe("typed item references", () => {
  const known = ["jira:acme.atlassian.net/ACME-42", "linear:acme/ENG-12", "jira:other.atlassian.net/OPS-1", "jira:b.atlassian.net/OPS-1"];
  it.each([
    ["ACME-42", "jira:acme.atlassian.net/ACME-42"],
    ["acme-42", "jira:acme.atlassian.net/ACME-42"],
    ["ENG-12", "linear:acme/ENG-12"],
    ["Acme/App#7", "github:acme/app#7"],
    ["https://linear.app/acme/issue/ENG-12/title", "linear:acme/ENG-12"],
    ["https://acme.atlassian.net/browse/ACME-9", "jira:acme.atlassian.net/ACME-9"],
    ["github:acme/app#7", "github:acme/app#7"],
  ])("%s is %s", (input, key) => {
    expect(parseTargetInput(input, known)).toBe(key);
  });

  it("does not guess: unknown or ambiguous bare keys stay unread", () => {
    expect(parseTargetInput("ENG-99", known)).toBeNull();
    expect(parseTargetInput("OPS-1", known)).toBeNull();
    expect(parseTargetList("ACME-42, ENG-99\nacme/app#7", known)).toEqual({
      keys: ["jira:acme.atlassian.net/ACME-42", "github:acme/app#7"],
      unknown: ["ENG-99"],
    });
  });
});

describe("coordination gaps", () => {
  it("finds ownerless items, unowned and undated actions, and overdue work per department", () => {
    const gaps = findGaps(
      {
        responsibilities: [
          { id: "row-1", data: make("responsibility", { target: "github:a/b#1", person: "Pat", role: "A" }) },
          { id: "row-2", data: make("responsibility", { target: "github:a/b#1", person: "Sam", role: "A" }) },
          { id: "row-3", data: make("responsibility", { target: "github:a/b#2", person: "Sam", role: "R" }) },
        ],
        risks: [{ id: "row-4", data: make("risk", { title: "x", likelihood: 1, impact: 1, targets: ["github:a/b#3"] }) }],
        decisions: [],
        actionItems: [
          { id: "i1", data: make("action_item", { text: "a", department: "QA", due: "2026-01-01", owner: "Sam" }) },
          { id: "i2", data: make("action_item", { text: "b", department: "QA", due: "2026-01-02" }) },
          { id: "i3", data: make("action_item", { text: "c", owner: "Pat" }) },
          { id: "i4", data: make("action_item", { text: "d", due: "2026-01-01", owner: "Pat", status: "done" }) },
        ],
      },
      "2026-06-01",
    );
    expect(gaps.noAccountable).toEqual(["github:a/b#2", "github:a/b#3"]);
    expect(gaps.severalAccountable).toEqual(["github:a/b#1"]);
    expect(gaps.noResponsible).toEqual(["github:a/b#1", "github:a/b#3"]);
    expect(gaps.unownedActions).toEqual(["i2"]);
    expect(gaps.undatedActions).toEqual(["i3"]);
    expect(gaps.overdueByDepartment).toEqual([{ department: "QA", count: 2 }]);
  });
});

describe("Markdown exports", () => {
  const meeting = make("meeting", {
    title: "Payments *sync*",
    date: "2026-11-26",
    departments: ["Legal", "Engineering"],
    attendees: ["Pat", "Sam"],
    notes: "Talked.",
  });

  it("escapes user text that would start markup", () => {
    expect(inline("a *b* [c](d)\nnext")).toBe("a \\*b\\* \\[c\\](d) next");
  });

  it("writes minutes with attendees, decisions and action items with owners and due dates", () => {
    const markdown = minutesMarkdown(
      meeting,
      [make("decision", { text: "Ship it", targets: ["github:a/b#1"] })],
      [
        make("action_item", { text: "Sign DPA", owner: "Dana", department: "Legal", due: "2026-12-01" }),
        make("action_item", { text: "Done one", status: "done" }),
      ],
    );
    expect(markdown).toBe(
      [
        "# Minutes: Payments \\*sync\\*",
        "",
        "- Date: 2026-11-26",
        "- Departments: Legal, Engineering",
        "- Attendees: Pat, Sam",
        "",
        "## Notes",
        "",
        "Talked.",
        "",
        "## Decisions",
        "",
        "- Ship it (github:a/b#1)",
        "",
        "## Action items",
        "",
        "- [ ] Sign DPA (owner: Dana, Legal; due: 2026-12-01)",
        "- [x] Done one (owner: —; due: —)",
        "",
      ].join("\n"),
    );
  });

  it("writes the weekly report per department", () => {
    const meta = (created: string, updated = created) => ({ createdAt: created, updatedAt: updated });
    const markdown = weeklyReportMarkdown(
      {
        monday: "2026-11-23",
        today: "2026-11-26",
        actionItems: [
          {
            id: "1",
            data: make("action_item", { text: "Done this week", department: "QA", status: "done" }),
            meta: meta("2026-11-01T00:00:00Z", "2026-11-24T10:00:00Z"),
          },
          { id: "2", data: make("action_item", { text: "Late", department: "QA", due: "2026-11-20" }), meta: meta("2026-11-01T00:00:00Z") },
          { id: "3", data: make("action_item", { text: "Next week", due: "2026-12-02" }), meta: meta("2026-11-25T00:00:00Z") },
          {
            id: "4",
            data: make("action_item", { text: "Done last week", department: "QA", status: "done" }),
            meta: meta("2026-11-01T00:00:00Z", "2026-11-17T00:00:00Z"),
          },
        ],
        risks: [
          {
            id: "r",
            data: make("risk", { title: "Outage", likelihood: 3, impact: 5, department: "QA" }),
            meta: meta("2026-11-24T00:00:00Z"),
          },
        ],
        decisions: [{ id: "d", data: make("decision", { text: "Go", date: "2026-11-25" }), meta: meta("2026-11-25T00:00:00Z") }],
        meetings: [],
      },
      englishLabels,
    );
    expect(markdown).toContain("# Weekly report 2026-W48 (2026-11-23 – 2026-11-29)");
    expect(markdown).toContain("## QA\n\n### Done (1)\n\n- [x] Done this week");
    expect(markdown).toContain("### Open (1)\n\n- [ ] Late (owner: —, QA; due: 2026-11-20)");
    expect(markdown).toContain("### Overdue (1)");
    expect(markdown).toContain("- Outage: 15 (critical), open");
    expect(markdown).toContain("## No department");
    expect(markdown).toContain("## Decisions (1)\n\n- Go");
    expect(markdown).not.toContain("Done last week");
  });
});
