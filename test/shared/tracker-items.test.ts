import { describe, expect, it } from "vitest";
import { mergeEntity } from "../../shared/entities";
import { findGaps } from "../../shared/gaps";
import { englishLabels, weeklyReportMarkdown } from "../../shared/markdown";

// What the tracker says, as the team's records use it: two gap rules and the weekly report's "closed in the tracker".

const make = <E extends Parameters<typeof mergeEntity>[0]>(entity: E, fields: Record<string, unknown>) => {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  return merged.data;
};

const closedKey = "github:acme/app#7";
const openKey = "jira:acme.atlassian.net/PAY-12";
const tracker = (target: string, fields: Record<string, unknown>) => ({
  id: `t-${target.length}${target.at(-1)}`,
  data: make("tracker_item", { target, ...fields }),
});
const accountable = (target: string, person: string) => ({
  id: `r-${person.replace(/\W/g, "")}-${target.length}`,
  data: make("responsibility", { target, person, role: "A" }),
});

describe("gaps from what the tracker says", () => {
  it("finds items closed in the tracker that still have open action items, and only those", () => {
    const gaps = findGaps(
      {
        trackerItems: [
          tracker(closedKey, { title: "Checkout times out", state: "Closed", status: "closed", closedOn: "2026-11-30" }),
          tracker(openKey, { title: "Refund emails", state: "In Progress", status: "open" }),
          tracker("github:acme/app#8", { title: "Dark mode", state: "Merged", status: "merged" }),
        ],
        actionItems: [
          { id: "i1", data: make("action_item", { text: "Tell support", targets: [closedKey] }) },
          { id: "i2", data: make("action_item", { text: "Check refunds", targets: [openKey] }) },
          { id: "i3", data: make("action_item", { text: "Done already", targets: ["github:acme/app#8"], status: "done" }) },
        ],
      },
      "2026-12-01",
    );
    expect(gaps.closedWithOpenActions).toEqual([closedKey]);
  });

  it("finds items whose tracker assignees include nobody the team holds accountable, matching names loosely", () => {
    const items = {
      "github:a/b#1": ["Pat Lee", ["plee"]], // initial and surname: the same person
      "github:a/b#2": ["Pat Lee", ["pat-lee42"]], // starts with the folded name
      "github:a/b#3": ["Pat Lee", ["Pat Lee"]],
      "github:a/b#4": ["Pat Lee", ["@PatL"]], // name and initial, with an @
      "github:a/b#5": ["Pat Lee", ["sam-ops"]], // someone else
      "github:a/b#6": ["张伟", ["zhangwei"]], // a pinyin login is not read as a Chinese name
      "github:a/b#7": ["张伟", ["张伟"]],
      "github:a/b#8": ["Pat Lee", ["sam-ops", "patlee"]], // one of several
    } as const;
    const gaps = findGaps(
      {
        trackerItems: [
          ...Object.entries(items).map(([key, [, assignees]]) =>
            tracker(key, { state: "Open", status: "open", assignees: [...assignees] }),
          ),
          // Nobody assigned, nobody accountable, or closed: not this gap.
          tracker("github:a/b#10", { state: "Open", status: "open", assignees: [] }),
          tracker("github:a/b#11", { state: "Open", status: "open", assignees: ["sam-ops"] }),
          tracker("github:a/b#12", { state: "Closed", status: "closed", assignees: ["sam-ops"] }),
        ],
        responsibilities: [
          ...Object.entries(items).map(([key, [person]]) => accountable(key, person)),
          accountable("github:a/b#10", "Pat Lee"),
          accountable("github:a/b#12", "Pat Lee"),
        ],
      },
      "2026-12-01",
    );
    expect(gaps.assigneeNotAccountable).toEqual(["github:a/b#5", "github:a/b#6"]);
  });
});

describe("the weekly report", () => {
  const meta = { createdAt: "2026-11-01T09:00:00Z", updatedAt: "2026-12-01T09:00:00Z" };
  const input = {
    monday: "2026-11-30",
    today: "2026-12-02",
    trackerItems: [
      { ...tracker(closedKey, { title: "Checkout times out", state: "Closed", status: "closed", closedOn: "2026-12-01" }), meta },
      { ...tracker(openKey, { title: "Refunds", state: "Done", status: "done", closedOn: "2026-11-20" }), meta },
      { ...tracker("github:acme/app#9", { title: "Still open", state: "Open", status: "open" }), meta },
    ],
    actionItems: [{ id: "i1", data: make("action_item", { text: "Tell support", targets: [closedKey] }), meta }],
  };

  it("says what closed in the tracker that week, by title and key, with the action items still open on it", () => {
    expect(weeklyReportMarkdown(input, englishLabels)).toContain(
      "## Closed in the tracker (1)\n\n- Checkout times out (github:acme/app#7): Closed · action items still open: 1\n",
    );
  });

  it("leaves the section out of a week nothing closed in", () => {
    expect(weeklyReportMarkdown({ ...input, monday: "2026-11-02" }, englishLabels)).not.toContain("Closed in the tracker");
  });
});
