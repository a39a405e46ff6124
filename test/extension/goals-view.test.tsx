import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { emptyPanelData, type PanelData, type Row } from "../../extension/panel/panel-data";
import { CheckinForm, CheckinsForMe } from "../../extension/panel/views/Checkins";
import { Goals } from "../../extension/panel/views/Goals";
import { type EntityName, mergeEntity } from "../../shared/entities";
import type { Member } from "../../shared/workspace";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const me: Member = { id: "member-sam-0001", name: "Sam Wu", department: "Engineering", role: "member", joinedAt: "2026-11-01T00:00:00Z" };
function row<T>(entity: EntityName, id: string, fields: Record<string, unknown>, createdAt = "2026-10-01T00:00:00Z"): Row<T> {
  const merged = mergeEntity(entity, null, fields);
  if (!merged.ok) throw new Error(merged.message);
  return { id, data: merged.data as T, meta: { createdBy: null, createdAt, updatedBy: null, updatedAt: createdAt }, pending: false };
}

/** What the view asks the background to save, as the background receives it. */
function captureSaves() {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
    sent.push(message);
    return { ok: true, value: { id: (message as { entityId: string }).entityId } };
  });
  return sent;
}

const data: PanelData = {
  ...emptyPanelData,
  members: [me],
  goals: [
    row("goal", "goal-project-1", {
      title: "EU checkout under 2 s",
      due: "2027-01-31",
      owner: "Pat Lee",
      indicators: [{ id: "ind-latency1", name: "p95 latency", unit: "s", baseline: 30, target: 2, current: 16 }],
    }),
    row("goal", "goal-phase-01", { title: "Regional endpoint live", kind: "phase", parent: "goal-project-1", due: "2026-12-15" }),
  ],
  actionItems: [row("action_item", "action-0001", { text: "Deploy", goal: "goal-phase-01", status: "done" })],
  checkins: [
    row("checkin", "checkin-legal1", {
      department: "Legal",
      week: "2026-W48",
      status: "at-risk",
      blockers: "No data flow diagram",
      helpNeeded: [{ department: "Engineering", request: "Send the data flow diagram" }],
    }),
  ],
};

describe("the Goals view", () => {
  it("shows the tree with progress, health, due dates and owners", () => {
    const { container } = render(<Goals data={data} today="2026-11-26" knownKeys={[]} />);
    const project = container.querySelector('[data-goal-id="goal-project-1"]') as HTMLElement;
    expect(project.querySelector("h3")?.textContent).toContain("EU checkout under 2 s");
    expect(project.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")).toBe("50");
    expect(project.textContent).toContain("Pat Lee");
    expect(project.textContent).toContain("from 30 to 2 (50%)");
    const phase = container.querySelector('.goal-children [data-goal-id="goal-phase-01"]') as HTMLElement;
    expect(phase.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")).toBe("100");
    expect(phase.textContent).toContain("1 of 1 actions done");
  });

  it("edits an indicator in place, keeping the value the week began with", async () => {
    const sent = captureSaves();
    render(<Goals data={data} today="2026-11-26" knownKeys={[]} />);
    const input = screen.getByLabelText("Current value of p95 latency");
    fireEvent.input(input, { target: { value: "9" } });
    expect(sent).toHaveLength(0);
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      type: "entity.mutate",
      entity: "goal",
      entityId: "goal-project-1",
      fields: { indicators: [{ id: "ind-latency1", current: 9, weekStartValue: 16, updatedOn: "2026-11-26" }] },
    });
  });
});

describe("editing an indicator while teammates' changes arrive", () => {
  it("keeps what is typed until it is saved", () => {
    const { rerender } = render(<Goals data={data} today="2026-11-26" knownKeys={[]} />);
    const input = screen.getByLabelText("Current value of p95 latency") as HTMLInputElement;
    fireEvent.input(input, { target: { value: "9" } });
    const [project] = data.goals;
    const updated = { ...project, data: { ...project.data, indicators: [{ ...project.data.indicators[0], current: 20 }] } };
    rerender(<Goals data={{ ...data, goals: [updated, ...data.goals.slice(1)] }} today="2026-11-26" knownKeys={[]} />);
    expect((screen.getByLabelText("Current value of p95 latency") as HTMLInputElement).value).toBe("9");
  });
});

describe("check-ins", () => {
  it("posts my department's check-in for the week, with a request for help", async () => {
    const sent = captureSaves();
    render(<CheckinForm data={data} me={me} today="2026-11-26" />);
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "off-track" } });
    fireEvent.input(screen.getByLabelText("Blockers"), { target: { value: "Waiting on Legal" } });
    fireEvent.input(screen.getByLabelText("Help needed from (department)"), { target: { value: "Legal" } });
    fireEvent.input(screen.getByLabelText("What you need from them"), { target: { value: "Sign the DPA" } });
    fireEvent.click(screen.getByRole("button", { name: "Post check-in" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      entity: "checkin",
      fields: {
        department: "Engineering",
        week: "2026-W48",
        status: "off-track",
        blockers: "Waiting on Legal",
        helpNeeded: [{ department: "Legal", request: "Sign the DPA" }],
      },
    });
    expect(await screen.findByRole("status")).toHaveProperty("textContent", "Check-in saved");
  });

  it("shows the requests for help addressed to my department", () => {
    render(<CheckinsForMe checkins={data.checkins} department="Engineering" week="2026-W48" />);
    expect(document.querySelector(".help-requests")?.textContent).toBe("Legal: Send the data flow diagram");
    expect(screen.getByRole("heading", { name: "Requests for help to Engineering (1)" })).toBeTruthy();
  });
});
