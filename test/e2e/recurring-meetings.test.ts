// Recurring meetings end to end: a weekly meeting's second occurrence opens with its agenda drafted from the first, and reaches the server.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile } from "./support/browser";
import { type ApiSession, apiCall, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

/** YYYY-MM-DD in this machine's time zone, `offset` days from today. */
const day = (offset: number) => {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

let api: Awaited<ReturnType<typeof startTestApi>>;
let profile: Profile;
let lead: ApiSession;
let panel: Page;

beforeAll(async () => {
  api = await startTestApi();
  profile = await launchProfile();
  lead = await createWorkspaceViaApi(api.url, "Payments", { name: "Pat Lee", department: "Engineering" });
  const options = await connectProfile(
    profile,
    api.url,
    { name: "Sam Wu", department: "Engineering" },
    { code: await inviteCode(api.url, lead) },
  );
  await options.close();
  // A teammate's escalations and risks: Engineering's belong on the agenda, Sales' do not.
  await seed(api.url, lead, [
    { entity: "escalation", fields: { title: "Who owns the SDK?", departments: ["Engineering", "Legal"], decider: "Pat Lee" } },
    { entity: "escalation", fields: { title: "Discount policy", departments: ["Sales"] } },
    { entity: "risk", fields: { title: "Card network outage", likelihood: 3, impact: 5, department: "Engineering", reviewOn: day(-1) } },
    { entity: "risk", fields: { title: "Quota miss", likelihood: 3, impact: 3, department: "Sales", reviewOn: day(-1) } },
  ]);
  panel = await profile.openPage("sidepanel.html");
  await panel.getByRole("tab", { name: "Meetings" }).click();
}, 180_000);

afterAll(async () => {
  await profile?.close();
  await api?.stop();
});

describe("a recurring meeting", () => {
  it("opens its second occurrence with the agenda drafted from the first", async () => {
    // The first occurrence, a week ago, repeating every week.
    const form = panel.getByRole("form", { name: "New meeting" });
    await form.getByLabel("Title").fill("Payments weekly");
    await form.getByLabel("Date").fill(day(-7));
    await form.getByLabel("Departments").fill("Engineering");
    await form.getByLabel("Attendees").fill("Pat Lee, Sam Wu");
    await form.getByLabel("Repeats").selectOption("weekly");
    await form.getByRole("button", { name: "Create meeting" }).click();

    // What it decided and left to do.
    const decisionForm = panel.getByRole("form", { name: "Add decision" });
    await decisionForm.getByLabel("Decision").fill("Ship the regional endpoint first");
    await decisionForm.getByRole("button", { name: "Add decision" }).click();
    const actionForm = panel.getByRole("form", { name: "Add action item" });
    for (const text of ["Send the DPA to Legal", "Book the load test"]) {
      await actionForm.getByLabel("What needs to happen").fill(text);
      await actionForm.getByLabel("Owner").fill("Sam Wu");
      await actionForm.getByRole("button", { name: "Add action item" }).click();
      await panel.locator("li.item", { hasText: text }).waitFor();
    }
    // One of them gets done before the next occurrence.
    const done = panel.locator("li.item", { hasText: "Book the load test" });
    await done.getByRole("checkbox").check();
    // Stored before the user moves on: the list shows it done.
    await done.locator(".status", { hasText: "Done" }).waitFor();
    await panel.getByRole("button", { name: /All meetings/ }).click();

    // Its day has come: the next occurrence is offered, and opens with the agenda drafted.
    const due = panel.getByRole("region", { name: "Recurring meetings due" });
    await due.getByText("Payments weekly").waitFor();
    await due.getByRole("button", { name: "Next occurrence" }).click();
    const agenda = panel.getByLabel("Agenda");
    await expect.poll(() => agenda.inputValue(), { timeout: 10_000 }).toContain("Send the DPA to Legal");
    const text = await agenda.inputValue();
    expect(text).toContain("## Open action items from last time\n- [ ] Send the DPA to Legal (owner: Sam Wu)");
    expect(text).toContain("## Escalations awaiting decision\n- Who owns the SDK? (Engineering / Legal) (decider: Pat Lee)");
    expect(text).toContain(`## Risks due for review\n- Card network outage (3×5) (review: ${day(-1)})`);
    expect(text).toContain("## Last decisions to confirm\n- Ship the regional endpoint first");
    for (const absent of ["Book the load test", "Discount policy", "Quota miss"]) expect(text).not.toContain(absent);
    await expect(panel.getByRole("heading", { level: 2, name: "Payments weekly" }).count()).resolves.toBe(1);
    await expect(panel.getByLabel("Repeats").inputValue()).resolves.toBe("weekly");

    // The second occurrence reaches the server, following the first, on the cadence.
    await expect
      .poll(
        async () => {
          const pulled = await apiCall<{ changes: Array<{ entity: string; data: Record<string, unknown> | null }> }>(
            api.url,
            "/v1/sync/pull?since=0&limit=500",
            { token: lead.token },
          );
          return pulled.changes.filter((change) => change.entity === "meeting").map((change) => change.data);
        },
        { timeout: 15_000 },
      )
      .toEqual([
        expect.objectContaining({ title: "Payments weekly", date: day(-7), repeats: "weekly", follows: null }),
        expect.objectContaining({ title: "Payments weekly", date: day(0), repeats: "weekly", follows: expect.any(String), agenda: text }),
      ]);

    // Made once: the series is no longer offered.
    await panel.getByRole("button", { name: /All meetings/ }).click();
    await expect(panel.getByRole("region", { name: "Recurring meetings due" }).count()).resolves.toBe(0);
  });
});
