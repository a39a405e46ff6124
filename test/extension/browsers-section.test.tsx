// The options page's "Add another browser": the code it shows and the member's browsers, revoked one at a time.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BrowsersSection } from "../../extension/options/BrowsersSection";

const sent = vi.hoisted(() => [] as Array<{ type: string; id?: string }>);
vi.mock("../../extension/common/ask", () => ({
  ask: vi.fn(async (message: { type: string; id?: string }) => {
    sent.push(message);
    if (message.type === "browser.code") return { code: "ABCD-EFGH", expiresAt: new Date(Date.now() + 600_000).toISOString() };
    if (message.type === "browser.list") {
      return {
        browsers: [
          { id: "first", label: null, createdAt: "2026-12-01T09:00:00.000Z", first: true, current: true },
          { id: "0123456789abcdef", label: "Firefox on Linux", createdAt: "2026-12-05T09:00:00.000Z", first: false, current: false },
        ],
      };
    }
    return {};
  }),
}));

afterEach(() => {
  cleanup();
  sent.length = 0;
});

describe("Add another browser", () => {
  it("lists the member's browsers, with Revoke for each but the first", async () => {
    render(<BrowsersSection />);
    const items = await waitFor(() => {
      const found = document.querySelectorAll("[data-browser-id]");
      expect(found).toHaveLength(2);
      return [...found] as HTMLElement[];
    });
    expect(items[0].textContent).toContain("The browser you joined with");
    expect(items[0].textContent).toContain("this browser");
    expect(items[0].querySelector("button")).toBeNull();
    expect(items[1].textContent).toContain("Firefox on Linux");
    expect(items[1].textContent).not.toContain("this browser");

    fireEvent.click(items[1].querySelector("button") as HTMLButtonElement);
    await waitFor(() => expect(sent).toContainEqual({ type: "browser.revoke", id: "0123456789abcdef" }));
  });

  it("shows the code it makes", async () => {
    render(<BrowsersSection />);
    fireEvent.click(screen.getByRole("button", { name: "Make a sign-in code" }));
    await waitFor(() => expect(document.querySelector("[data-browser-code]")?.textContent).toBe("ABCD-EFGH"));
    expect(sent.map((message) => message.type)).toContain("browser.code");
  });
});
