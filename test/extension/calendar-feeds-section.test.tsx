// The options page's "Calendar feed": a new feed's address shown once with Copy, and each feed revoked on its own.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CalendarFeedsSection } from "../../extension/options/CalendarFeedsSection";

const url = `https://liaison.example/v1/calendar/lcf_${"a".repeat(43)}.ics`;
const state = vi.hoisted(() => ({
  sent: [] as Array<{ type: string; id?: string }>,
  feeds: [] as Array<{ id: string; createdAt: string }>,
}));
vi.mock("../../extension/common/ask", () => ({
  ask: vi.fn(async (message: { type: string; id?: string }) => {
    state.sent.push(message);
    if (message.type === "calendarFeed.create") {
      const feed = { id: "feed0001", createdAt: "2026-12-06T09:00:00.000Z" };
      state.feeds.push(feed);
      return { feed, url };
    }
    if (message.type === "calendarFeed.list") return { feeds: [...state.feeds] };
    if (message.type === "calendarFeed.revoke") state.feeds = state.feeds.filter((feed) => feed.id !== message.id);
    return {};
  }),
}));

afterEach(() => {
  cleanup();
  state.sent.length = 0;
  state.feeds = [];
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("Calendar feed", () => {
  it("makes a feed, shows its address to copy, and revokes it", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    vi.stubGlobal("confirm", () => true);
    render(<CalendarFeedsSection />);
    await screen.findByText("No feed address yet.");

    fireEvent.click(screen.getByRole("button", { name: "Make a feed address" }));
    const field = (await screen.findByLabelText("Feed address")) as HTMLInputElement;
    expect(field.value).toBe(url);
    fireEvent.click(screen.getByRole("button", { name: "Copy address" }));
    await screen.findByText("Copied");
    expect(writeText).toHaveBeenCalledWith(url);

    const listed = await waitFor(() => {
      const found = document.querySelector("[data-calendar-feed-id='feed0001']");
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    fireEvent.click(listed.querySelector("button") as HTMLButtonElement);
    await waitFor(() => expect(state.sent).toContainEqual({ type: "calendarFeed.revoke", id: "feed0001" }));
    await screen.findByText("No feed address yet.");
    expect(screen.queryByLabelText("Feed address")).toBeNull();
  });
});
