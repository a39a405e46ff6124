// What importing a page's minutes would do: owners matched to members, tracker keys resolved, and an earlier import's records found again (new, changed, ticked, imported).
import { describe, expect, it } from "vitest";
import { type ActionItem, type Decision, type Meeting, recordSchemas } from "../../shared/kinds/schemas";
import { type MinutesPage, meetingUrl, memberFor, planImport, targetsOf } from "../../shared/minutes/plan";
import type { Member } from "../../shared/workspace";

const member = (id: string, name: string, department: string): Member => ({
  id,
  name,
  department,
  role: "member",
  joinedAt: "2026-01-01T00:00:00Z",
});
const members = [
  member("m-ana-0001", "Ana Diaz", "Legal"),
  member("m-wei-0001", "Wei Zhang", "Engineering"),
  member("m-wei-0002", "Wei Chen", "Sales"),
];
const url = "https://acme.atlassian.net/wiki/spaces/PAY/pages/4242/2026-12-01+Payments+sync";

function item(text: string, fields: Partial<MinutesPage["items"][number]> = {}): MinutesPage["items"][number] {
  return {
    kind: "action",
    text,
    line: text,
    owner: null,
    ownerHandle: null,
    due: null,
    checked: false,
    refs: [],
    reader: "confluence",
    quote: null,
    ...fields,
  };
}
const page = (items: MinutesPage["items"]): MinutesPage => ({
  url: `${url}#Action-items`,
  title: "2026-12-01 Payments sync",
  date: "2026-12-01",
  items,
});
const action = (fields: Partial<ActionItem>): ActionItem => ({
  text: "",
  owner: null,
  ownerId: null,
  department: null,
  due: null,
  status: "open",
  priority: "medium",
  targets: [],
  source: null,
  meeting: null,
  goal: null,
  risk: null,
  ...fields,
});
const none = { meetings: [], decisions: [], actionItems: [], members, knownKeys: [] };

describe("owners", () => {
  it("matches a mention to a member by name, handle or a first name only one member has; else keeps it as typed", () => {
    expect(memberFor("Ana Diaz", null, members)?.id).toBe("m-ana-0001");
    expect(memberFor("ana diaz", null, members)?.id).toBe("m-ana-0001");
    expect(memberFor("John", "anadiaz", members)?.id).toBe("m-ana-0001");
    expect(memberFor("Ana", null, members)?.id).toBe("m-ana-0001");
    expect(memberFor("Wei", null, members)).toBeNull();
    expect(memberFor("Olga Ruiz", null, members)).toBeNull();
    const [planned] = planImport(page([item("send the DPA", { owner: "Olga Ruiz" })]), none).candidates;
    expect(planned).toMatchObject({ owner: "Olga Ruiz", ownerId: null, department: null });
    const [matched] = planImport(page([item("review terms", { owner: "Ana Diaz" })]), none).candidates;
    expect(matched).toMatchObject({ owner: "Ana Diaz", ownerId: "m-ana-0001", department: "Legal" });
  });
});

describe("tracker items", () => {
  it("resolves links as everywhere else, bare keys against known items or the Jira of the same Atlassian site, and ignores other links", () => {
    expect(
      targetsOf(
        [
          "https://acme.atlassian.net/browse/PAY-101",
          "PAY-101",
          "PAY-103",
          "https://github.com/acme/app/issues/7",
          "https://example.com/profile",
          url,
        ],
        url,
        [],
      ),
    ).toEqual(["jira:acme.atlassian.net/PAY-101", "jira:acme.atlassian.net/PAY-103", "github:acme/app#7"]);
    expect(targetsOf(["ENG-12", "acme/app#9"], "https://notes.example.com/x", ["linear:acme/ENG-12"])).toEqual([
      "linear:acme/ENG-12",
      "github:acme/app#9",
    ]);
    expect(targetsOf(["https://jira.acme.internal/browse/REL-7", "REL-7"], "https://wiki.acme.internal/x", [])).toEqual([
      "jira:jira.acme.internal/REL-7",
    ]);
  });
});

describe("importing again", () => {
  const meetings: Array<{ id: string; data: Meeting }> = [
    {
      id: "meeting-0001",
      data: {
        title: "Payments sync",
        date: "2026-12-01",
        departments: [],
        attendees: [],
        notes: "",
        url,
        repeats: null,
        follows: null,
        agenda: "",
      },
    },
  ];
  const decisions: Array<{ id: string; data: Decision }> = [
    {
      id: "decision-01",
      data: { meeting: "meeting-0001", text: "Ship the regional endpoint first", targets: [], decidedBy: null, date: null, source: null },
    },
  ];
  const actionItems = [
    {
      id: "action-0001",
      data: action({
        meeting: "meeting-0001",
        text: "review the refund terms",
        owner: "Ana Diaz",
        ownerId: "m-ana-0001",
        due: "2026-12-12",
      }),
    },
    { id: "action-0002", data: action({ meeting: "meeting-0001", text: "send the DPA draft", owner: "Olga Ruiz", due: "2026-12-12" }) },
    { id: "action-0003", data: action({ meeting: "meeting-0001", text: "update the FAQ", owner: "Ana Diaz", ownerId: "m-ana-0001" }) },
    // Same words, another meeting: not this page's.
    { id: "action-0004", data: action({ meeting: "meeting-0002", text: "add alerting" }) },
  ];
  const existing = { meetings, decisions, actionItems, members, knownKeys: [] };

  it("finds the page's meeting by its address, and tells new, changed, ticked and already imported items apart", () => {
    const plan = planImport(
      page([
        item("Review the refund terms", { owner: "Ana Diaz", due: "2026-12-12" }),
        item("send the DPA draft", { owner: "Wei Zhang", due: "2026-12-12" }),
        item("update the FAQ", { owner: "Ana Diaz", checked: true }),
        item("add alerting", { owner: "Wei Zhang", due: "2026-12-15" }),
        item("Ship the regional endpoint first", { kind: "decision" }),
        item("Refunds over 500 EUR need Legal sign-off", { kind: "decision" }),
      ]),
      existing,
    );
    expect(plan.meetingId).toBe("meeting-0001");
    expect(plan.candidates.map((c) => [c.status, c.existingId, c.changes])).toEqual([
      ["imported", "action-0001", []],
      ["changed", "action-0002", ["owner"]],
      ["ticked", "action-0003", []],
      ["new", null, []],
      ["imported", "decision-01", []],
      ["new", null, []],
    ]);
    expect(plan.candidates[1]).toMatchObject({ owner: "Wei Zhang", ownerId: "m-wei-0001", department: "Engineering" });
  });

  it("counts a changed date, but not a date or owner the page no longer names", () => {
    const plan = planImport(page([item("review the refund terms", { due: "2026-12-14" }), item("send the DPA draft")]), existing);
    expect(plan.candidates.map((c) => [c.status, c.changes])).toEqual([
      ["changed", ["due"]],
      ["imported", []],
    ]);
  });

  it("offers everything as new on a page never imported", () => {
    const plan = planImport({ ...page([item("review the refund terms")]), url: "https://acme.atlassian.net/wiki/other" }, existing);
    expect(plan.meetingId).toBeNull();
    expect(plan.candidates.map((c) => c.status)).toEqual(["new"]);
  });
});

describe("importing a page again", () => {
  const quote = (exact: string) => ({ type: "TextQuoteSelector" as const, exact, prefix: "", suffix: "" });

  it("finds the meeting of a page whose address is longer than a record keeps, by the same cut address", () => {
    const longUrl = `${url}?${"view=".padEnd(2100, "x")}`;
    const meetings = [
      {
        id: "meeting-long",
        data: { title: "Payments sync", date: "2026-12-01", departments: [], attendees: [], notes: "", url: meetingUrl(longUrl) },
      },
    ] as unknown as Array<{ id: string; data: Meeting }>;
    expect(meetingUrl(longUrl)).toHaveLength(2048);
    expect(meetingUrl(`${longUrl}#Action-items`)).toBe(meetingUrl(longUrl));
    const actionItems = [{ id: "action-long", data: action({ meeting: "meeting-long", text: "review the refund terms" }) }];
    const plan = planImport(
      { ...page([item("review the refund terms")]), url: `${longUrl}#Action-items` },
      { ...none, meetings, actionItems },
    );
    expect(plan.meetingId).toBe("meeting-long");
    expect(plan.candidates.map((c) => [c.status, c.existingId])).toEqual([["imported", "action-long"]]);
  });

  it("finds an item whose words were edited in Liaison by the quote it kept of the page's line", () => {
    const meetings = [{ id: "meeting-0001", data: { url } }] as unknown as Array<{ id: string; data: Meeting }>;
    const line = "@Ana Diaz review the refund terms by Dec 12";
    const actionItems = [
      {
        id: "action-edited",
        data: action({
          meeting: "meeting-0001",
          text: "Review refund terms with Legal",
          owner: "Ana Diaz",
          ownerId: "m-ana-0001",
          due: "2026-12-12",
          source: { url, title: "", selector: quote(line) },
        }),
      },
    ];
    const decisions = [
      {
        id: "decision-edited",
        data: {
          meeting: "meeting-0001",
          text: "EU endpoint ships first",
          targets: [],
          decidedBy: null,
          date: null,
          source: { url, title: "", selector: quote("Ship the regional endpoint first") },
        },
      },
    ] as unknown as Array<{ id: string; data: Decision }>;
    const plan = planImport(
      page([
        item("review the refund terms", { owner: "Ana Diaz", due: "2026-12-12", quote: quote(line) }),
        item("Ship the regional endpoint first", { kind: "decision", quote: quote("Ship the regional endpoint first") }),
        item("send the DPA draft", { quote: quote("send the DPA draft") }),
      ]),
      { ...none, meetings, actionItems, decisions },
    );
    expect(plan.candidates.map((c) => [c.status, c.existingId])).toEqual([
      ["imported", "action-edited"],
      ["imported", "decision-edited"],
      ["new", null],
    ]);
  });
});

describe("what an import saves", () => {
  it("keeps a decision's source (page, title and quote) as an action item's", () => {
    const source = {
      url,
      title: "2026-12-01 Payments sync",
      selector: { type: "TextQuoteSelector", exact: "Refunds over 500 EUR", prefix: "", suffix: "" },
    };
    expect(recordSchemas.decision.parse({ text: "Refunds over 500 EUR need Legal sign-off", source }).source).toEqual(source);
    expect(recordSchemas.decision.parse({ text: "Older decisions have none" }).source).toBeNull();
  });
});
