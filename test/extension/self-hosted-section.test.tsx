// The options page's self-hosted trackers: hosts the browser no longer grants say so, and can be allowed again with one click.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { SelfHostedSection } from "../../extension/options/SelfHostedSection";
import { openStore, setKv } from "../../extension/store/db";
import { clearStore } from "../../extension/store/store";

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock("../../extension/common/ask", () => ({
  ask: vi.fn(async (message: unknown) => {
    sent.push(message);
    return { sites: [] };
  }),
}));

let granted: Set<string>;

beforeEach(async () => {
  const db = await openStore();
  await clearStore(db);
  await setKv(db, "selfHosted", [
    { origin: "https://gitlab.acme.corp", kind: "gitlab" },
    { origin: "https://jira.acme.corp", kind: "jira" },
  ]);
  // GitLab's access was removed on the browser's extensions page; Jira's stands.
  granted = new Set(["https://jira.acme.corp/*"]);
  vi.spyOn(fakeBrowser.permissions, "contains").mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.has(o)));
  vi.spyOn(fakeBrowser.permissions, "request").mockImplementation(async ({ origins }) => {
    for (const o of origins ?? []) granted.add(o);
    return true;
  });
});

afterEach(() => {
  cleanup();
  sent.length = 0;
  vi.restoreAllMocks();
});

describe("self-hosted trackers in options", () => {
  it("says which hosts the browser no longer grants, and allows one again from the click", async () => {
    render(<SelfHostedSection />);
    const gitlab = await screen.findByText(/https:\/\/gitlab\.acme\.corp/);
    const jira = await screen.findByText(/https:\/\/jira\.acme\.corp/);
    await waitFor(() => expect(gitlab.closest("li")?.textContent).toContain("No access: removed in your browser's extension settings"));
    expect(jira.closest("li")?.textContent).not.toContain("No access");
    expect(jira.closest("li")?.querySelectorAll("button")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Allow again" }));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ["https://gitlab.acme.corp/*"] });
    await waitFor(() => expect(sent).toContainEqual({ type: "hosts.add", origin: "https://gitlab.acme.corp", kind: "gitlab" }));
  });

  it("says so when the browser does not grant the host again", async () => {
    vi.mocked(fakeBrowser.permissions.request).mockResolvedValueOnce(false);
    render(<SelfHostedSection />);
    fireEvent.click(await screen.findByRole("button", { name: "Allow again" }));
    await screen.findByText("Access to https://gitlab.acme.corp was not granted");
    expect(sent).toEqual([]);
  });
});
