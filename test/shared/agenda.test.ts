// Recurring meetings: the next occurrence's day, and the agenda drafted from the occurrence before.
import { describe, expect, it } from "vitest";
import { type AgendaLabels, agendaText, draftAgenda, nextOccurrence, nextOccurrenceDate, seriesAwaitingNext } from "../../shared/agenda";
import { actionItem, decision, escalation, meeting, risk } from "../../shared/entities";

const labels: AgendaLabels = {
  openActionItems: "Open action items",
  escalations: "Escalations awaiting decision",
  risksToReview: "Risks due for review",
  decisionsToConfirm: "Decisions to confirm",
  owner: "owner",
  due: "due",
  decider: "decider",
  deadline: "deadline",
  review: "review",
  none: "None",
};

const last = {
  id: "meeting-1",
  data: meeting.parse({ title: "Launch sync", date: "2026-12-01", departments: ["Engineering", "Legal"], repeats: "weekly" }),
};

describe("nextOccurrenceDate", () => {
  it("is a week or two after the last occurrence", () => {
    expect(nextOccurrenceDate("2026-12-01", "weekly", "2026-12-02")).toBe("2026-12-08");
    expect(nextOccurrenceDate("2026-12-01", "every-2-weeks", "2026-12-02")).toBe("2026-12-15");
    expect(nextOccurrenceDate("2026-12-29", "weekly", "2026-12-29")).toBe("2027-01-05");
  });

  it("keeps to the cadence after skipped occurrences: the latest day that has come", () => {
    expect(nextOccurrenceDate("2026-11-03", "weekly", "2026-12-02")).toBe("2026-12-01");
    expect(nextOccurrenceDate("2026-11-03", "weekly", "2026-12-01")).toBe("2026-12-01");
    expect(nextOccurrenceDate("2026-11-03", "every-2-weeks", "2026-12-02")).toBe("2026-12-01");
    expect(nextOccurrenceDate("2026-11-03", "every-2-weeks", "2026-12-14")).toBe("2026-12-01");
    expect(nextOccurrenceDate("2026-11-03", "every-2-weeks", "2026-12-15")).toBe("2026-12-15");
  });
});

describe("draftAgenda", () => {
  const input = {
    last,
    date: "2026-12-08",
    actionItems: [
      { id: "a1", data: actionItem.parse({ text: "Later one", meeting: "meeting-1", due: "2026-12-20", owner: "Sam Wu" }) },
      { id: "a2", data: actionItem.parse({ text: "Sooner one", meeting: "meeting-1", due: "2026-12-05" }) },
      { id: "a3", data: actionItem.parse({ text: "Undated", meeting: "meeting-1" }) },
      { id: "a4", data: actionItem.parse({ text: "Already done", meeting: "meeting-1", status: "done" }) },
      { id: "a5", data: actionItem.parse({ text: "Another meeting's", meeting: "meeting-other" }) },
    ],
    decisions: [
      { id: "d1", data: decision.parse({ text: "Ship on Friday", meeting: "meeting-1" }) },
      { id: "d2", data: decision.parse({ text: "Elsewhere", meeting: "meeting-other" }) },
    ],
    escalations: [
      { id: "e1", data: escalation.parse({ title: "Who owns the SDK?", departments: ["legal", "Sales"], deadline: "2026-12-09" }) },
      { id: "e2", data: escalation.parse({ title: "Decided already", departments: ["Legal"], status: "decided" }) },
      { id: "e3", data: escalation.parse({ title: "Not ours", departments: ["Sales"] }) },
    ],
    risks: [
      { id: "r1", data: risk.parse({ title: "Due by then", likelihood: 4, impact: 5, department: "Engineering", reviewOn: "2026-12-08" }) },
      { id: "r2", data: risk.parse({ title: "Overdue review", likelihood: 2, impact: 2, department: "Legal", reviewOn: "2026-11-20" }) },
      { id: "r3", data: risk.parse({ title: "Review later", likelihood: 2, impact: 2, department: "Legal", reviewOn: "2026-12-09" }) },
      {
        id: "r4",
        data: risk.parse({ title: "Closed", likelihood: 2, impact: 2, department: "Legal", reviewOn: "2026-11-01", status: "closed" }),
      },
      { id: "r5", data: risk.parse({ title: "Other department", likelihood: 2, impact: 2, department: "Sales", reviewOn: "2026-11-01" }) },
      { id: "r6", data: risk.parse({ title: "No department", likelihood: 2, impact: 2, reviewOn: "2026-11-01" }) },
    ],
  };

  it("takes the last occurrence's open action items and decisions, and the departments' escalations and risks due", () => {
    const draft = draftAgenda(input);
    expect(draft.openActionItems.map((row) => row.id)).toEqual(["a2", "a1", "a3"]);
    expect(draft.escalations.map((row) => row.id)).toEqual(["e1"]);
    expect(draft.risksToReview.map((row) => row.id)).toEqual(["r2", "r1"]);
    expect(draft.decisionsToConfirm.map((row) => row.id)).toEqual(["d1"]);
  });

  it("puts the whole workspace's escalations and due risks on a meeting with no departments", () => {
    const draft = draftAgenda({ ...input, last: { id: "meeting-1", data: { ...last.data, departments: [] } } });
    expect(draft.escalations.map((row) => row.id)).toEqual(["e1", "e3"]);
    expect(draft.risksToReview.map((row) => row.id)).toEqual(["r5", "r6", "r2", "r1"]);
  });

  it("writes a heading per part and a line per record, None under an empty part", () => {
    const text = agendaText(draftAgenda({ ...input, escalations: [] }), labels);
    expect(text).toBe(
      [
        "## Open action items",
        "- [ ] Sooner one (due: 2026-12-05)",
        "- [ ] Later one (owner: Sam Wu; due: 2026-12-20)",
        "- [ ] Undated",
        "",
        "## Escalations awaiting decision",
        "- None",
        "",
        "## Risks due for review",
        "- Overdue review (2×2) (review: 2026-11-20)",
        "- Due by then (4×5) (review: 2026-12-08)",
        "",
        "## Decisions to confirm",
        "- Ship on Friday",
      ].join("\n"),
    );
  });

  it("folds line breaks in user text", () => {
    const draft = draftAgenda({ ...input, decisions: [{ id: "d9", data: decision.parse({ text: "Two\nlines", meeting: "meeting-1" }) }] });
    expect(agendaText(draft, labels)).toContain("- Two lines");
  });
});

describe("the next occurrence", () => {
  it("copies the series' title, departments, attendees and cadence, and follows the last one", () => {
    const fields = nextOccurrence(last, "2026-12-08", "## Agenda");
    expect(meeting.parse({ ...last.data, notes: "", ...fields })).toMatchObject({
      title: "Launch sync",
      date: "2026-12-08",
      departments: ["Engineering", "Legal"],
      repeats: "weekly",
      follows: "meeting-1",
      agenda: "## Agenda",
    });
  });

  it("is awaited for each series' latest occurrence only", () => {
    const second = { id: "meeting-2", data: { ...last.data, date: "2026-12-08", follows: "meeting-1" } };
    const oneOff = { id: "meeting-3", data: meeting.parse({ title: "Kick-off", date: "2026-11-01" }) };
    expect(seriesAwaitingNext([last, second, oneOff], "2026-12-09")).toEqual([{ last: second, date: "2026-12-15" }]);
  });
});
