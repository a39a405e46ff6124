// "Add another browser" end to end: one member signed in in two browser profiles with a one-time code, then one revoked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";
import { launchProfile, type Profile } from "./support/browser";
import { send } from "./support/live";
import { connectProfile } from "./support/team";

let api: Awaited<ReturnType<typeof startTestApi>>;
let first: Profile;
let second: Profile;

beforeAll(async () => {
  api = await startTestApi();
  first = await launchProfile();
  second = await launchProfile();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await api?.stop();
});

describe("another browser of the same member", () => {
  it("signs in with a code made in the first, as the same member, and stops syncing once revoked there", async () => {
    const firstOptions = await connectProfile(first, api.url, { name: "Pat Lee", department: "Product" }, { create: "Acme" });
    await firstOptions.getByRole("button", { name: "Make a sign-in code" }).click();
    const code = (await firstOptions.locator("[data-browser-code]").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const secondOptions = await second.openPage("options.html");
    await secondOptions.getByLabel("Server URL").fill(api.url);
    await secondOptions.getByLabel("Sign-in code").fill(code);
    await secondOptions.getByRole("button", { name: "Sign in this browser" }).click();
    await secondOptions.getByRole("heading", { name: "Connected to Acme" }).waitFor();
    await secondOptions.getByText("You are Pat Lee (Product, admin)").waitFor();
    // The second browser lists itself as the current one next to the first.
    await secondOptions.locator("ul.browsers li", { hasText: "this browser" }).getByRole("button", { name: "Revoke" }).waitFor();

    // The first browser's list shows the new one while its code is on screen; it revokes it there.
    const added = firstOptions.locator("ul.browsers li", { has: firstOptions.getByRole("button", { name: "Revoke" }) });
    await added.waitFor({ timeout: 15_000 });
    await added.getByRole("button", { name: "Revoke" }).click();
    await added.waitFor({ state: "detached" });

    await secondOptions.getByRole("button", { name: "Sync now" }).click();
    await secondOptions.getByText("This browser's access to the workspace was revoked").waitFor({ timeout: 10_000 });
    expect((await send<{ status: { state: string } }>(secondOptions, { type: "sync.now" })).status.state).toBe("removed");
    // The first browser is still signed in and syncing.
    expect((await send<{ status: { state: string } }>(firstOptions, { type: "sync.now" })).status.state).toBe("idle");
  });
});
