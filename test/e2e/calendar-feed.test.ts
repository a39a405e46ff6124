// The calendar feed end to end: made in options, read by a calendar app with no token (B's own items only), dead once revoked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile } from "./support/browser";
import { apiCall, connectProfile, createWorkspaceViaApi, inviteCode, seed } from "./support/team";

let api: Awaited<ReturnType<typeof startTestApi>>;
let profile: Profile;

beforeAll(async () => {
  api = await startTestApi();
  profile = await launchProfile();
}, 180_000);

afterAll(async () => {
  await profile?.close();
  await api?.stop();
});

describe("the calendar feed", () => {
  it("serves B's items to a calendar app without a token, and stops when revoked", async () => {
    const lead = await createWorkspaceViaApi(api.url, "Payments", { name: "Pat Lee", department: "Engineering" });
    const options = await connectProfile(
      profile,
      api.url,
      { name: "Sam Wu", department: "Engineering" },
      { code: await inviteCode(api.url, lead) },
    );
    const { members } = await apiCall<{ members: Array<{ id: string; name: string }> }>(api.url, "/v1/members", { token: lead.token });
    const sam = members.find((member) => member.name === "Sam Wu")?.id as string;
    await seed(api.url, lead, [
      {
        entity: "action_item",
        fields: { text: "Send the DPA, signed", ownerId: sam, owner: "Sam Wu", due: "2026-12-24", targets: ["url:http"] },
      },
      { entity: "action_item", fields: { text: "Pat's own item", owner: "Pat Lee", due: "2026-12-24" } },
    ]);

    await options.getByRole("button", { name: "Make a feed address" }).click();
    const url = await options.getByLabel("Feed address").inputValue();
    expect(url).toMatch(new RegExp(`^${api.url}/v1/calendar/lcf_[A-Za-z0-9_-]{43}\\.ics$`));

    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await served.text();
    expect(body).toContain("SUMMARY:Send the DPA\\, signed\r\n");
    expect(body).toContain("DTSTART;VALUE=DATE:20261224\r\n");
    expect(body).not.toContain("Pat's own item");

    options.on("dialog", (dialog) => void dialog.accept());
    await options.locator("[data-calendar-feed-id]").getByRole("button", { name: "Revoke" }).click();
    await options.getByText("No feed address yet.").waitFor();
    expect((await fetch(url)).status).toBe(404);
  });
});
