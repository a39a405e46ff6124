// The Meetings tab's recurring meetings: a new meeting's cadence, and the next occurrence offered once its day has come, opening with the drafted agenda.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { fieldLabel, formatValue } from "../../../../extension/panel/history/format";
import { emptyPanelData, type PanelData, type Row } from "../../../../extension/panel/panel-data";
import { Meetings } from "../../../../extension/panel/views/Meetings";
import { type EntityName, type Meeting, mergeEntity } from "../../../../shared/entities";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function row<T>(entity: EntityName, id: string, fields: Record<string, unknown>, at = "2026-11-24T09:00:00Z"): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  return { id, data: merged.data as T, meta: { createdBy: null, createdAt: at, updatedBy: null, updatedAt: at }, pending: false };
}

const data: PanelData = {
  ...emptyPanelData,
  meetings: [
    row("meeting", "meeting-1", {
      title: "Launch sync",
      date: "2026-11-24",
      departments: ["Legal"],
      attendees: ["Pat Lee"],
      repeats: "weekly",
    }),
    row("meeting", "meeting-0", { title: "Kick-off", date: "2026-11-02" }),
  ],
  actionItems: [
    row("action_item", "item-1", { text: "Send the DPA to Legal", owner: "Sam Wu", due: "2026-11-28", meeting: "meeting-1" }),
    row("action_item", "item-2", { text: "Done already", meeting: "meeting-1", status: "done" }),
  ],
  decisions: [row("decision", "decision-1", { text: "Launch in EU first", meeting: "meeting-1" })],
  escalations: [row("escalation", "escalation-1", { title: "Who signs the DPA?", departments: ["Legal", "Sales"], decider: "Pat Lee" })],
  risks: [row("risk", "risk-1", { title: "GDPR fine", likelihood: 2, impact: 5, department: "Legal", reviewOn: "2026-11-30" })],
};

/** Answers every mutation as the background does, with the record's id; keeps what was sent. */
function recordMutations() {
  const sent: Array<{ type: string; entity?: string; entityId?: string; fields?: Record<string, unknown> }> = [];
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
    const mutation = message as (typeof sent)[number];
    sent.push(mutation);
    return { ok: true, value: { id: mutation.entityId } };
  });
  return sent;
}

describe("recurring meetings", () => {
  it("offers the next occurrence once its day has come, and opens it with the agenda drafted from the last", async () => {
    const sent = recordMutations();
    const { rerender } = render(<Meetings data={data} today="2026-12-01" knownKeys={[]} />);
    const due = screen.getByRole("region", { name: "Recurring meetings due" });
    expect(due.textContent).toContain("Launch sync");
    expect(due.textContent).not.toContain("Kick-off");
    fireEvent.click(within(due).getByRole("button", { name: "Next occurrence" }));

    await waitFor(() => expect(sent).toHaveLength(1));
    const [made] = sent;
    expect(made).toMatchObject({
      type: "entity.mutate",
      entity: "meeting",
      op: "upsert",
      fields: {
        title: "Launch sync",
        date: "2026-12-01",
        departments: ["Legal"],
        attendees: ["Pat Lee"],
        repeats: "weekly",
        follows: "meeting-1",
      },
    });
    const agenda = made.fields?.agenda as string;
    expect(agenda).toContain("- [ ] Send the DPA to Legal (owner: Sam Wu; due: 2026-11-28)");
    expect(agenda).toContain("- Who signs the DPA? (Legal / Sales) (decider: Pat Lee)");
    expect(agenda).toContain("- GDPR fine (2×5) (review: 2026-11-30)");
    expect(agenda).toContain("## Last decisions to confirm\n- Launch in EU first");
    expect(agenda).not.toContain("Done already");

    // The store's change comes back with the new occurrence, which opens.
    const second = row<Meeting>("meeting", made.entityId as string, made.fields as Record<string, unknown>, "2026-12-01T09:00:00Z");
    rerender(<Meetings data={{ ...data, meetings: [second, ...data.meetings] }} today="2026-12-01" knownKeys={[]} />);
    const field = (await screen.findByLabelText("Agenda")) as HTMLTextAreaElement;
    expect(field.value).toBe(agenda);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Launch sync");
    // A series whose latest occurrence is made is not offered again.
    fireEvent.click(screen.getByRole("button", { name: /All meetings/ }));
    expect(screen.queryByRole("region", { name: "Recurring meetings due" })).toBeNull();
  });

  it("makes the next occurrence from a recurring meeting's details, on its day, and saves how often a meeting repeats", async () => {
    const sent = recordMutations();
    render(<Meetings data={data} today="2026-11-26" knownKeys={[]} />);
    expect(screen.queryByRole("region", { name: "Recurring meetings due" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Launch sync" }));
    fireEvent.change(await screen.findByLabelText("Repeats"), { target: { value: "every-2-weeks" } });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ entity: "meeting", entityId: "meeting-1", fields: { repeats: "every-2-weeks" } });

    fireEvent.click(screen.getByRole("button", { name: /^Next occurrence \(/ }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].fields).toMatchObject({ date: "2026-12-01", follows: "meeting-1" });
  });

  it("creates a meeting that repeats", async () => {
    const sent = recordMutations();
    render(<Meetings data={emptyPanelData} today="2026-11-26" knownKeys={[]} />);
    const form = screen.getByRole("form", { name: "New meeting" });
    fireEvent.input(within(form).getByLabelText("Title"), { target: { value: "Weekly sync" } });
    fireEvent.change(within(form).getByLabelText("Repeats"), { target: { value: "weekly" } });
    fireEvent.submit(form);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].fields).toMatchObject({ title: "Weekly sync", date: "2026-11-26", repeats: "weekly" });
  });

  it("name the recurring fields in a meeting's history", () => {
    expect(fieldLabel("repeats")).toBe("Repeats");
    expect(fieldLabel("agenda")).toBe("Agenda");
    expect(formatValue("meeting", "repeats", "every-2-weeks")).toBe("Every two weeks");
    expect(formatValue("meeting", "repeats", null)).toBe("—");
  });
});
