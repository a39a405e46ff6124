// "For me": which entries each kind of record gives whom (never for one's own actions), `@name` mentions, and read marks merged.
import { describe, expect, it } from "vitest";
import { actionItem, annotation, checkin, decision, escalation, risk } from "../../shared/entities";
import {
  forMeEntries,
  forMeKeyPattern,
  insertMention,
  mentionBeingTyped,
  mentionChoices,
  mentionedMembers,
  readKeys,
  stillPending,
  withMarks,
} from "../../shared/for-me";

const bo = { id: "member-bo-0001", name: "Bo Chen", department: "Engineering" };
const pat = { id: "member-pat-0002", name: "Pat Lee", department: "Product" };
const lin = { id: "member-lin-0003", name: "林晓", department: "Design" };
const members = [bo, pat, lin];
const today = "2026-12-06";

const meta = (createdBy: string, updatedBy = createdBy, createdAt = "2026-12-01T09:00:00.000Z", updatedAt = createdAt) => ({
  createdBy,
  createdAt,
  updatedBy,
  updatedAt,
});

const entriesFor = (me: typeof bo, input: Omit<Parameters<typeof forMeEntries>[0], "me" | "members" | "today">) =>
  forMeEntries({ me, members, today, ...input });

describe("forMeEntries", () => {
  it("lists an action item assigned to me by someone else, not one I assigned myself", () => {
    const actionItems = [
      { id: "item0001abc", data: actionItem.parse({ text: "Ship the fix", ownerId: bo.id, owner: bo.name }), meta: meta(pat.id) },
      { id: "item0002abc", data: actionItem.parse({ text: "My own", ownerId: bo.id }), meta: meta(bo.id) },
      { id: "item0003abc", data: actionItem.parse({ text: "Pat's", ownerId: pat.id }), meta: meta(pat.id) },
      // Typed owner name without an id still counts; my later edit leaves the assignment Pat made.
      { id: "item0004abc", data: actionItem.parse({ text: "By name", owner: "Bo Chen" }), meta: meta(pat.id, bo.id) },
    ];
    const entries = entriesFor(bo, { actionItems });
    expect(entries.map((e) => [e.key, e.kind, e.by])).toEqual([
      [`action_item:item0001abc:assigned:${bo.id}`, "assigned", pat.id],
      [`action_item:item0004abc:assigned:${bo.id}`, "assigned", pat.id],
    ]);
    expect(entriesFor(pat, { actionItems }).map((e) => e.id)).toEqual([]);
  });

  it("lists an action item reassigned away from me, unless I did it", () => {
    const reassigned = [
      { id: "item0001abc", version: 7, at: "2026-12-02T10:00:00.000Z", by: pat.id, text: "Ship the fix" },
      { id: "item0002abc", version: 9, at: "2026-12-02T11:00:00.000Z", by: bo.id, text: "Gave it away myself" },
    ];
    expect(entriesFor(bo, { reassigned }).map((e) => [e.key, e.reason])).toEqual([["action_item:item0001abc:reassigned:7", "reassigned"]]);
  });

  it("lists notes addressed to me or my department, mentioning me, and replies to my notes; none I wrote", () => {
    const note = (fields: Record<string, unknown>) => annotation.parse({ url: "https://github.com/acme/app/issues/7", ...fields });
    const annotations = [
      { id: "note0001abc", data: note({ body: "Mine", addressedTo: { department: "Engineering" } }), meta: meta(bo.id) },
      {
        id: "note0002abc",
        data: note({ body: "For you", addressedTo: { memberId: bo.id } }),
        meta: meta(pat.id, pat.id, "2026-12-02T00:00:00.000Z"),
      },
      {
        id: "note0003abc",
        data: note({ body: "For eng", addressedTo: { department: "Engineering" } }),
        meta: meta(lin.id, lin.id, "2026-12-03T00:00:00.000Z"),
      },
      { id: "note0004abc", data: note({ body: "cc @Bo Chen please" }), meta: meta(pat.id, pat.id, "2026-12-04T00:00:00.000Z") },
      { id: "note0005abc", data: note({ body: "Agreed", parent: "note0001abc" }), meta: meta(pat.id, pat.id, "2026-12-05T00:00:00.000Z") },
      { id: "note0006abc", data: note({ body: "For design", addressedTo: { department: "Design" } }), meta: meta(pat.id) },
      { id: "note0007abc", data: note({ body: "Reply to Pat", parent: "note0002abc" }), meta: meta(lin.id) },
    ];
    expect(entriesFor(bo, { annotations }).map((e) => [e.id, e.reason])).toEqual([
      ["note0005abc", "reply"],
      ["note0004abc", "mention"],
      ["note0003abc", "addressedToDepartment"],
      ["note0002abc", "addressedToMe"],
    ]);
  });

  it("lists escalations I decide or my department is a party to, and their decision for the parties", () => {
    const base = { departments: ["Product", "Engineering"], title: "Scope of v2" };
    const escalations = [
      { id: "esc00001abc", data: escalation.parse({ ...base, deciderId: bo.id }), meta: meta(pat.id) },
      { id: "esc00002abc", data: escalation.parse({ ...base, decider: "Lin" }), meta: meta(pat.id) },
      { id: "esc00003abc", data: escalation.parse({ ...base, departments: ["Design"] }), meta: meta(pat.id) },
      {
        id: "esc00004abc",
        data: escalation.parse({ ...base, status: "decided", deciderId: pat.id }),
        meta: meta(bo.id, pat.id, "2026-12-01T00:00:00.000Z", "2026-12-03T00:00:00.000Z"),
      },
    ];
    expect(entriesFor(bo, { escalations }).map((e) => [e.key, e.reason])).toEqual([
      ["escalation:esc00004abc:decided", "escalationDecided"],
      ["escalation:esc00001abc:opened", "escalationDecider"],
      ["escalation:esc00002abc:opened", "escalationParty"],
    ]);
    // The decider who decided is told nothing of their own decision.
    expect(entriesFor(pat, { escalations }).filter((e) => e.reason === "escalationDecided")).toEqual([]);
  });

  it("lists my risks due for review (by day) and marked occurred by someone else", () => {
    const base = { likelihood: 3, impact: 4, ownerId: bo.id };
    const risks = [
      { id: "risk0001abc", data: risk.parse({ ...base, title: "Due", reviewOn: "2026-12-05" }), meta: meta(bo.id) },
      { id: "risk0002abc", data: risk.parse({ ...base, title: "Later", reviewOn: "2026-12-20" }), meta: meta(pat.id) },
      { id: "risk0003abc", data: risk.parse({ ...base, title: "Hit", status: "occurred" }), meta: meta(bo.id, pat.id) },
      { id: "risk0004abc", data: risk.parse({ ...base, title: "I said so", status: "occurred" }), meta: meta(bo.id) },
      { id: "risk0005abc", data: risk.parse({ ...base, title: "Closed", status: "closed", reviewOn: "2026-12-01" }), meta: meta(pat.id) },
      { id: "risk0006abc", data: risk.parse({ ...base, ownerId: pat.id, title: "Pat's", reviewOn: "2026-12-01" }), meta: meta(pat.id) },
    ];
    expect(entriesFor(bo, { risks }).map((e) => [e.key, e.reason])).toEqual([
      ["risk:risk0001abc:review:2026-12-05", "riskReview"],
      ["risk:risk0003abc:occurred", "riskOccurred"],
    ]);
  });

  it("lists help another department asked of mine in a check-in", () => {
    const checkins = [
      {
        id: "chk00001abc",
        data: checkin.parse({
          department: "Product",
          week: "2026-W49",
          status: "at-risk",
          helpNeeded: [{ department: "Engineering", request: "Review the API" }],
        }),
        meta: meta(pat.id),
      },
      {
        id: "chk00002abc",
        data: checkin.parse({
          department: "Product",
          week: "2026-W49",
          status: "on-track",
          helpNeeded: [{ department: "Design", request: "Icons" }],
        }),
        meta: meta(pat.id),
      },
    ];
    const [entry, ...rest] = entriesFor(bo, { checkins });
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ key: "checkin:chk00001abc:help", reason: "help", title: "Product: Review the API", by: pat.id });
  });

  it("lists decisions recorded on items I am Accountable or Responsible for, not Consulted", () => {
    const responsibilities = [
      {
        id: "resp0001abc",
        data: { target: "github:acme/app#7", person: "Bo Chen", memberId: bo.id, department: null, role: "A" as const },
        meta: meta(pat.id),
      },
      {
        id: "resp0002abc",
        data: { target: "github:acme/app#8", person: "Bo Chen", memberId: bo.id, department: null, role: "C" as const },
        meta: meta(pat.id),
      },
    ];
    const decisions = [
      { id: "dec00001abc", data: decision.parse({ text: "Go with plan B", targets: ["github:acme/app#7"] }), meta: meta(pat.id) },
      { id: "dec00002abc", data: decision.parse({ text: "Consulted only", targets: ["github:acme/app#8"] }), meta: meta(pat.id) },
      { id: "dec00003abc", data: decision.parse({ text: "Mine", targets: ["github:acme/app#7"] }), meta: meta(bo.id) },
    ];
    expect(entriesFor(bo, { responsibilities, decisions }).map((e) => e.key)).toEqual(["decision:dec00001abc:recorded"]);
  });

  it("gives keys the read-mark pattern accepts", () => {
    const entries = entriesFor(bo, {
      actionItems: [{ id: "item0001abc", data: actionItem.parse({ text: "x", ownerId: bo.id }), meta: meta(pat.id) }],
      risks: [
        {
          id: "risk0001abc",
          data: risk.parse({ title: "r", likelihood: 1, impact: 1, ownerId: bo.id, reviewOn: today }),
          meta: meta(bo.id),
        },
      ],
    });
    expect(entries.length).toBe(2);
    for (const entry of entries) expect(entry.key).toMatch(forMeKeyPattern);
  });
});

describe("mentions", () => {
  it("finds members named after an @, the longest name first, case aside, in Latin and Chinese text", () => {
    expect(mentionedMembers("cc @bo chen and @Pat Lee.", members)).toEqual([bo.id, pat.id]);
    expect(mentionedMembers("请@林晓看一下", members)).toEqual([lin.id]);
    expect(mentionedMembers("@Bo Chenny is someone else", members)).toEqual([]);
    expect(mentionedMembers("mail bo@Bo Chen.example", members)).toEqual([]);
    expect(mentionedMembers("no mentions", members)).toEqual([]);
  });

  it("knows the @name being typed, suggests members by its start and writes the pick in", () => {
    const text = "Please ask @pa";
    const typed = mentionBeingTyped(text, text.length);
    expect(typed).toEqual({ start: 11, query: "pa" });
    expect(mentionChoices(members, typed?.query ?? "")).toEqual([pat]);
    expect(insertMention(`${text} soon`, 11, text.length, "Pat Lee")).toEqual({ text: "Please ask @Pat Lee  soon", caret: 20 });
    expect(mentionBeingTyped("mail me@exa", 11)).toBeNull();
    expect(mentionBeingTyped("@ ", 2)).toBeNull();
    expect(mentionBeingTyped("line\n@", 6)).toEqual({ start: 5, query: "" });
  });
});

describe("read marks", () => {
  it("are what the server says plus what this browser has not sent; sent ones leave the pending list", () => {
    expect([...readKeys(["a:b1234567:c"], ["d:e1234567:f", "a:b1234567:c"])].sort()).toEqual(["a:b1234567:c", "d:e1234567:f"]);
    expect(stillPending(["k1", "k2", "k3"], ["k1", "k3"])).toEqual(["k2"]);
    expect(withMarks(["k1"], ["k2", "k1"])).toEqual(["k1", "k2"]);
  });
});
