import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { RecordDetails } from "../../../extension/panel/details/RecordDetails";
import { type Undoable, UndoBar } from "../../../extension/panel/details/UndoBar";
import { PanelApp } from "../../../extension/panel/PanelApp";
import { emptyPanelData, type PanelData, type Row } from "../../../extension/panel/panel-data";
import { type LocalRow, openStore } from "../../../extension/store/db";
import { clearStore } from "../../../extension/store/store";
import { type EntityName, mergeEntity } from "../../../shared/entities";
import type { Member } from "../../../shared/workspace";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const joinedAt = "2026-11-01T00:00:00Z";
const sam: Member = { id: "member-sam-0001", name: "Sam Wu", department: "Engineering", role: "member", joinedAt };
const pat: Member = { id: "member-pat-0001", name: "Pat Lee", department: "Legal", role: "member", joinedAt };
const ada: Member = { id: "member-ada-0001", name: "Ada Admin", department: "Operations", role: "admin", joinedAt };
const today = "2026-11-26";
const version = 7;

function row<T>(entity: EntityName, id: string, fields: Record<string, unknown>, createdBy = sam.id): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  const at = "2026-11-10T00:00:00Z";
  return { id, data: merged.data as T, meta: { createdBy, createdAt: at, updatedBy: createdBy, updatedAt: at }, pending: false, version };
}

const item = "github:acme/app#7";
const other = "github:acme/app#8";

function panelData(me: Member = sam): PanelData {
  return {
    ...emptyPanelData,
    session: {
      serverUrl: "http://127.0.0.1:8787",
      workspace: { id: "ws-000000000001", name: "Acme", createdAt: joinedAt },
      member: me,
    },
    members: [sam, pat, ada],
    actionItems: [
      row("action_item", "action-0001", {
        text: "Send the DPA",
        owner: "Sam Wu",
        ownerId: sam.id,
        department: "Engineering",
        due: "2026-12-01",
        targets: [item],
      }),
      row("action_item", "action-risk-1", { text: "Second vendor quote", targets: [item], risk: "risk-000001", status: "done" }),
      row("action_item", "action-risk-2", { text: "Fallback region", targets: [item], risk: "risk-000001" }),
    ],
    decisions: [row("decision", "decision-001", { text: "Use the EU endpoint", targets: [item], date: "2026-11-20" })],
    meetings: [
      row("meeting", "meeting-0001", { title: "Launch sync", date: "2026-11-20", departments: ["Legal"], attendees: ["Pat Lee"] }),
    ],
    risks: [
      row("risk", "risk-000001", {
        title: "Vendor late",
        likelihood: 3,
        impact: 4,
        targets: [item],
        department: "Engineering",
        mitigation: "Second vendor",
      }),
    ],
    goals: [
      row("goal", "goal-000001", {
        title: "EU checkout under 2 s",
        indicators: [{ id: "ind-latency1", name: "p95 latency", unit: "s", baseline: 30, target: 2, current: 16 }],
      }),
      row("goal", "goal-000002", { title: "Regional endpoint live", kind: "phase", parent: "goal-000001" }),
    ],
    checkins: [row("checkin", "checkin-0001", { department: "Legal", week: "2026-W48", status: "at-risk" })],
    escalations: [row("escalation", "escalate-001", { title: "Who owns the DPA", departments: ["Legal", "Engineering"], targets: [item] })],
    responsibilities: [row("responsibility", "raci-000001", { target: item, person: "Pat Lee", memberId: pat.id, role: "C" })],
    annotations: [
      row("annotation", "note-0000001", {
        url: "https://github.com/acme/app/issues/7",
        targets: [item],
        body: "Check the DPA",
        tags: ["legal"],
      }),
    ],
  };
}

/** What the view asks the background to do, as the background receives it. */
function captureMessages() {
  const sent: Array<Record<string, unknown>> = [];
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
    sent.push(message as Record<string, unknown>);
    return { ok: true, value: { id: (message as { entityId: string }).entityId } };
  });
  return sent;
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

/** The details of one record with the panel's undo bar beside them, as the panel draws them. */
function Details({ data, entity, id, onClose = () => {} }: { data: PanelData; entity: EntityName; id: string; onClose?: () => void }) {
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  return (
    <>
      <RecordDetails data={data} record={{ entity, id }} knownKeys={[item, other]} today={today} onClose={onClose} onChange={setUndoable} />
      <UndoBar undoable={undoable} onGone={() => setUndoable(null)} />
    </>
  );
}

function change(label: string, value: string) {
  // The record's own fields (a risk's details also hold a form adding an action item).
  const form = screen.queryByRole("form", { name: "Details" });
  const field = (form ? within(form) : screen).getByLabelText(label) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  field.value = value;
  if (field instanceof HTMLSelectElement) fireEvent.change(field);
  else fireEvent.input(field);
}

type Edit = [label: string, value: string, fields: Record<string, unknown>];

const edits: Array<{ entity: EntityName; id: string; edits: Edit[] }> = [
  {
    entity: "action_item",
    id: "action-0001",
    edits: [
      ["What needs to happen", "Send the signed DPA", { text: "Send the signed DPA" }],
      ["Owner", "Pat Lee", { owner: "Pat Lee", ownerId: pat.id }],
      ["Owner", "", { owner: null, ownerId: null }],
      ["Department", "Legal", { department: "Legal" }],
      ["Due date", "2026-12-05", { due: "2026-12-05" }],
      ["Priority", "urgent", { priority: "urgent" }],
      ["Status", "done", { status: "done" }],
      ["Goal", "goal-000001", { goal: "goal-000001" }],
      ["Linked items (keys or URLs)", `${item}, ${other}`, { targets: [item, other] }],
    ],
  },
  {
    entity: "decision",
    id: "decision-001",
    edits: [
      ["Decision", "Use the EU and US endpoints", { text: "Use the EU and US endpoints" }],
      ["Linked items (keys or URLs)", other, { targets: [other] }],
      ["Decided by", "Pat Lee", { decidedBy: "Pat Lee" }],
      ["Date", "2026-11-21", { date: "2026-11-21" }],
      ["Meeting", "meeting-0001", { meeting: "meeting-0001" }],
    ],
  },
  {
    entity: "meeting",
    id: "meeting-0001",
    edits: [
      ["Title", "Launch review", { title: "Launch review" }],
      ["Date", "2026-11-27", { date: "2026-11-27" }],
      ["Departments", "Legal, Engineering", { departments: ["Legal", "Engineering"] }],
      ["Attendees", "Pat Lee, Sam Wu", { attendees: ["Pat Lee", "Sam Wu"] }],
      ["Notes", "Agreed the plan", { notes: "Agreed the plan" }],
      ["Link", "https://meet.example.com/abc", { url: "https://meet.example.com/abc" }],
    ],
  },
  {
    entity: "risk",
    id: "risk-000001",
    edits: [
      ["Title", "Vendor very late", { title: "Vendor very late" }],
      ["Description", "Their Q4 is full", { description: "Their Q4 is full" }],
      ["Likelihood (1-5)", "5", { likelihood: 5 }],
      ["Impact (1-5)", "2", { impact: 2 }],
      ["Status", "mitigating", { status: "mitigating" }],
      ["Owner", "Pat Lee", { owner: "Pat Lee", ownerId: pat.id }],
      ["Department", "Legal", { department: "Legal" }],
      ["Mitigation", "Two vendors", { mitigation: "Two vendors" }],
      ["Contingency plan", "Delay a week", { contingency: "Delay a week" }],
      ["Next review", "2026-12-01", { reviewOn: "2026-12-01" }],
      ["Linked items (keys or URLs)", other, { targets: [other] }],
    ],
  },
  {
    entity: "goal",
    id: "goal-000002",
    edits: [
      ["Title", "EU endpoint live", { title: "EU endpoint live" }],
      ["Description", "In Frankfurt", { description: "In Frankfurt" }],
      ["Kind", "project", { kind: "project" }],
      ["Part of", "", { parent: null }],
      ["Owner", "Sam Wu", { owner: "Sam Wu", ownerId: sam.id }],
      ["Departments", "Engineering", { departments: ["Engineering"] }],
      ["Due date", "2026-12-15", { due: "2026-12-15" }],
      ["Linked items (keys or URLs)", item, { targets: [item] }],
    ],
  },
  {
    entity: "checkin",
    id: "checkin-0001",
    edits: [
      ["Department", "Legal team", { department: "Legal team" }],
      ["Week (e.g. 2026-W48)", "2026-W49", { week: "2026-W49" }],
      ["Status", "on-track", { status: "on-track" }],
      ["Highlights", "DPA signed", { highlights: "DPA signed" }],
      ["Blockers", "None", { blockers: "None" }],
      [
        "Help needed (one per line, Department: request)",
        "Engineering: the data flow diagram",
        { helpNeeded: [{ department: "Engineering", request: "the data flow diagram" }] },
      ],
    ],
  },
  {
    entity: "escalation",
    id: "escalate-001",
    edits: [
      ["Title", "Who signs the DPA", { title: "Who signs the DPA" }],
      ["Departments", "Legal", { departments: ["Legal"] }],
      ["Linked items (keys or URLs)", `${item}, ${other}`, { targets: [item, other] }],
      ["What each side needs (one per line, Department: need)", "Legal: sign-off", { needs: [{ department: "Legal", need: "sign-off" }] }],
      ["Who decides", "Ada Admin", { decider: "Ada Admin", deciderId: ada.id }],
      ["Deadline", "2026-12-02", { deadline: "2026-12-02" }],
      ["Status", "withdrawn", { status: "withdrawn" }],
      ["Resolution", "Legal signs", { resolution: "Legal signs" }],
    ],
  },
  {
    entity: "responsibility",
    id: "raci-000001",
    edits: [
      ["Item (key or URL)", other, { target: other }],
      ["Person", "Sam Wu", { person: "Sam Wu", memberId: sam.id }],
      ["Department", "Legal", { department: "Legal" }],
      ["Role", "A", { role: "A" }],
    ],
  },
  {
    entity: "annotation",
    id: "note-0000001",
    edits: [
      ["Note", "Check the **signed** DPA", { body: "Check the **signed** DPA" }],
      ["Tags (comma separated)", "legal, dpa", { tags: ["legal", "dpa"] }],
      ["Visible to", "private", { visibility: "private" }],
    ],
  },
];

describe("a record's details", () => {
  for (const kind of edits) {
    for (const [label, value, fields] of kind.edits) {
      it(`${kind.entity}: "${label}" changed and saved sends that field alone, on the version the form was opened from`, async () => {
        const sent = captureMessages();
        render(<Details data={panelData()} entity={kind.entity} id={kind.id} />);
        change(label, value);
        fireEvent.click(screen.getByRole("button", { name: "Save" }));
        await flush();
        expect(sent).toEqual([
          { type: "entity.mutate", entity: kind.entity, entityId: kind.id, op: "upsert", fields, baseVersion: version },
        ]);
      });
    }
  }

  it("goal: the status set by hand and an indicator's values, saved as the goal's fields", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="goal" id="goal-000001" />);
    change("Set the status yourself", "at-risk");
    change("Reason", "Vendor late");
    change("Current value of p95 latency", "9");
    change("Unit", "seconds");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ op: "upsert", entityId: "goal-000001", baseVersion: version });
    expect(sent[0].fields).toEqual({
      statusOverride: { status: "at-risk", reason: "Vendor late" },
      indicators: [
        {
          id: "ind-latency1",
          name: "p95 latency",
          unit: "seconds",
          baseline: 30,
          target: 2,
          current: 9,
          weekStartValue: 16,
          updatedOn: today,
        },
      ],
    });
  });

  it("saves nothing when nothing changed, and says so", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="action_item" id="action-0001" />);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sent).toEqual([]);
    expect(screen.getByRole("alert").textContent).toBe("Nothing changed.");
  });

  it("refuses linked items it cannot read, naming them", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="risk" id="risk-000001" />);
    change("Linked items (keys or URLs)", "not an item");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sent).toEqual([]);
    expect(screen.getByRole("alert").textContent).toContain("not");
  });

  it("reassigns an owner in two clicks: the member picked, then Save", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="action_item" id="action-0001" />);
    const owner = within(screen.getByRole("form", { name: "Details" })).getByLabelText("Owner") as HTMLSelectElement;
    expect([...owner.options].map((o) => o.value)).toEqual(["", "Sam Wu", "Pat Lee", "Ada Admin"]);
    change("Owner", "Ada Admin");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sent[0].fields).toEqual({ owner: "Ada Admin", ownerId: ada.id });
  });

  it("shows a risk's action items with their progress, and adds one on the risk's items naming the risk", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="risk" id="risk-000001" />);
    expect(screen.getByText("1 of 2 done")).toBeTruthy();
    expect(screen.getByText("Second vendor quote")).toBeTruthy();
    const form = screen.getByRole("form", { name: "Add action item" });
    fireEvent.input(form.querySelector("input") as HTMLInputElement, { target: { value: "Ask vendor B for a quote" } });
    fireEvent.submit(form);
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: "entity.mutate", entity: "action_item", op: "upsert" });
    expect(sent[0].fields).toEqual({
      text: "Ask vendor B for a quote",
      owner: null,
      ownerId: null,
      department: "Engineering",
      due: null,
      targets: [item],
      risk: "risk-000001",
    });
  });

  it("sends a department to options, where admins keep them", () => {
    const data = { ...panelData(), departments: [row<never>("department", "dept-0000001", { name: "Legal" })] };
    render(<Details data={data} entity="department" id="dept-0000001" />);
    expect(screen.getByText("This record is changed in Liaison's options.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("offers the tracker's new-issue page, prefilled, for an action item linked to a GitHub issue; none for a risk", () => {
    render(<Details data={panelData()} entity="action_item" id="action-0001" />);
    const link = screen.getByRole("link", { name: "Create issue in tracker" }) as HTMLAnchorElement;
    const url = new URL(link.href);
    expect(url.origin + url.pathname).toBe("https://github.com/acme/app/issues/new");
    expect(url.searchParams.get("title")).toBe("Send the DPA");
    expect(url.searchParams.get("body")).toContain("[github:acme/app#7](https://github.com/acme/app/issues/7)");
    expect(link.target).toBe("_blank");
    expect(link.rel).toContain("noopener");
    cleanup();
    render(<Details data={panelData()} entity="risk" id="risk-000001" />);
    expect(screen.queryByRole("link", { name: "Create issue in tracker" })).toBeNull();
  });

  it("closes on Escape", () => {
    const onClose = vi.fn();
    render(<Details data={panelData()} entity="risk" id="risk-000001" onClose={onClose} />);
    fireEvent.keyDown(screen.getByLabelText("Title"), { key: "Escape" });
    expect(onClose).toHaveBeenCalled();
  });

  it("follows the record while untouched, and keeps what was typed once touched", async () => {
    const sent = captureMessages();
    const data = panelData();
    const view = render(<Details data={data} entity="action_item" id="action-0001" />);
    const moved = (fields: Record<string, unknown>, at: number): PanelData => ({
      ...data,
      actionItems: data.actionItems.map((r) => (r.id === "action-0001" ? { ...r, data: { ...r.data, ...fields }, version: at } : r)),
    });
    view.rerender(<Details data={moved({ owner: "Pat Lee", ownerId: pat.id }, 8)} entity="action_item" id="action-0001" />);
    const owner = () => within(screen.getByRole("form", { name: "Details" })).getByLabelText("Owner") as HTMLSelectElement;
    expect(owner().value).toBe("Pat Lee");
    change("Priority", "low");
    view.rerender(<Details data={moved({ owner: "Ada Admin", ownerId: ada.id }, 9)} entity="action_item" id="action-0001" />);
    expect(owner().value).toBe("Pat Lee");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sent).toEqual([
      { type: "entity.mutate", entity: "action_item", entityId: "action-0001", op: "upsert", fields: { priority: "low" }, baseVersion: 8 },
    ]);
  });

  it("says so when the record is gone", () => {
    render(<Details data={panelData()} entity="risk" id="risk-gone-01" />);
    expect(screen.getByText(/no longer here/)).toBeTruthy();
  });
});

describe("deleting a record", () => {
  const cases: Array<[who: string, me: Member, author: string, entity: EntityName, offered: boolean]> = [
    ["its author", sam, sam.id, "action_item", true],
    ["an admin", ada, sam.id, "action_item", true],
    ["another member", pat, sam.id, "action_item", false],
    ["an annotation's author", sam, sam.id, "annotation", true],
    ["an admin, for another's annotation", ada, sam.id, "annotation", false],
  ];
  for (const [who, me, author, entity, offered] of cases) {
    it(`is ${offered ? "" : "not "}offered to ${who}`, () => {
      const data = panelData(me);
      const id = entity === "annotation" ? "note-0000001" : "action-0001";
      const list = entity === "annotation" ? data.annotations : data.actionItems;
      list[list.findIndex((r) => r.id === id)].meta.createdBy = author;
      render(<Details data={data} entity={entity} id={id} />);
      expect(Boolean(screen.queryByRole("button", { name: "Delete" }))).toBe(offered);
    });
  }

  it("leaves another's annotation unchangeable", () => {
    render(<Details data={panelData(pat)} entity="annotation" id="note-0000001" />);
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect((screen.getByLabelText("Note") as HTMLTextAreaElement).closest("fieldset")?.disabled).toBe(true);
  });

  it("sends a delete and closes the details", async () => {
    const sent = captureMessages();
    const onClose = vi.fn();
    render(<Details data={panelData()} entity="decision" id="decision-001" onClose={onClose} />);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await flush();
    expect(sent).toEqual([{ type: "entity.mutate", entity: "decision", entityId: "decision-001", op: "delete" }]);
    expect(onClose).toHaveBeenCalled();
  });
});

describe("undo", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it("writes an edit's previous values back within ten seconds", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="action_item" id="action-0001" />);
    change("Owner", "Pat Lee");
    change("Priority", "high");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(screen.getByRole("status").textContent).toContain("Saved.");
    await act(async () => {
      vi.advanceTimersByTime(9_000);
    });
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({
      type: "entity.mutate",
      entity: "action_item",
      entityId: "action-0001",
      op: "upsert",
      fields: { owner: "Sam Wu", ownerId: sam.id, priority: "medium" },
      baseVersion: version,
    });
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("restores a deleted record: the store and the server bring back its last data", async () => {
    const sent = captureMessages();
    render(<Details data={panelData()} entity="risk" id="risk-000001" />);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await flush();
    expect(screen.getByRole("status").textContent).toContain("Deleted.");
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await flush();
    expect(sent[1]).toEqual({ type: "entity.mutate", entity: "risk", entityId: "risk-000001", op: "restore" });
  });

  it("is gone after ten seconds", async () => {
    captureMessages();
    render(<Details data={panelData()} entity="meeting" id="meeting-0001" />);
    change("Title", "Launch review");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });
});

describe("the side panel", () => {
  beforeEach(async () => {
    const db = await openStore();
    await clearStore(db);
    const at = "2026-11-10T00:00:00Z";
    const stored: LocalRow = {
      entity: "action_item",
      id: "action-0001",
      version: 4,
      deleted: false,
      data: panelData().actionItems[0].data as unknown as Record<string, unknown>,
      meta: { createdBy: sam.id, createdAt: at, updatedBy: sam.id, updatedAt: at },
      pending: 0,
    };
    await db.put("rows", stored);
  });

  it("opens a record's details when it is clicked in a list, and goes back to the list", async () => {
    const sent = captureMessages();
    render(<PanelApp initialView="actionItems" />);
    fireEvent.click(await screen.findByRole("button", { name: "Send the DPA" }));
    const text = (await screen.findByLabelText("What needs to happen")) as HTMLTextAreaElement;
    expect(text.value).toBe("Send the DPA");
    change("Due date", "2026-12-24");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sent.filter((m) => m.type === "entity.mutate")).toEqual([
      {
        type: "entity.mutate",
        entity: "action_item",
        entityId: "action-0001",
        op: "upsert",
        fields: { due: "2026-12-24" },
        baseVersion: 4,
      },
    ]);
    fireEvent.click(screen.getByRole("button", { name: /Back/ }));
    expect(await screen.findByRole("button", { name: "Send the DPA" })).toBeTruthy();
  });
});
