// The options page's Channels section: channels listed with their last failure and pause, added and edited without ever showing a secret, tested, resumed.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChannelsSection } from "../../extension/options/ChannelsSection";
import type { Channel } from "../../shared/channels";

const base: Channel = {
  id: "chan00000001",
  name: "Eng group",
  platform: "dingtalk",
  url: "https://oapi.dingtalk.com/…",
  urlHint: "9f3a",
  hasUrl: true,
  hasSecret: true,
  departments: ["Engineering"],
  events: ["action_assigned", "weekly_report"],
  weekly: null,
  lastFailure: { at: "2026-12-05T08:00:00.000Z", platform: "dingtalk", status: 200, code: "310000", kind: "platform" },
  lastDeliveredAt: "2026-12-04T08:00:00.000Z",
  pausedAt: "2026-12-05T09:00:00.000Z",
  createdAt: "2026-12-01T08:00:00.000Z",
};

// biome-ignore lint/suspicious/noExplicitAny: the messages as the section sends them
const sent = vi.hoisted(() => [] as any[]);
vi.mock("../../extension/common/ask", () => ({
  ask: vi.fn(async (message: { type: string; action: { kind: string } }) => {
    sent.push(message);
    const reply: Record<string, unknown> = { channels: [base], language: "zh-CN" };
    if (message.action.kind === "test") reply.result = { ok: false, platform: "dingtalk", status: 0, code: null, kind: "timeout" };
    return reply;
  }),
}));

afterEach(() => {
  cleanup();
  sent.length = 0;
});

const actions = () => sent.map((message) => message.action);

describe("the Channels section", () => {
  it("lists each channel with what it is sent, its last failure and its pause, and resumes it", async () => {
    render(<ChannelsSection departments={["Engineering", "Design"]} />);
    const item = await waitFor(() => {
      const found = document.querySelector("[data-channel-id='chan00000001']");
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(item.textContent).toContain("Eng group");
    expect(item.textContent).toContain("DingTalk");
    expect(item.textContent).toContain("Engineering");
    expect(item.textContent).toContain("Action item assigned, Weekly report");
    expect(item.querySelector("[data-channel-failure]")?.textContent).toContain(
      "Last delivery failed: DingTalk refused the message (HTTP 200), error code 310000",
    );
    expect(item.querySelector("[data-channel-paused]")?.textContent).toContain("Paused since");
    expect((screen.getByLabelText("Language of chat messages") as HTMLSelectElement).value).toBe("zh-CN");

    fireEvent.click(screen.getByRole("button", { name: "Resume" }));
    await waitFor(() => expect(actions()).toContainEqual({ kind: "update", id: "chan00000001", change: { paused: false } }));
    fireEvent.click(screen.getByRole("button", { name: "Send a test message" }));
    await waitFor(() => expect(screen.getByText("Test message failed: no answer from DingTalk in 10 s")).toBeTruthy());
  });

  it("adds a channel with its secret, departments, events and weekly report", async () => {
    render(<ChannelsSection departments={["Engineering", "Design"]} />);
    fireEvent.click(await screen.findByRole("button", { name: "Add a channel" }));
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Design bot" } });
    fireEvent.change(screen.getByLabelText("Platform"), { target: { value: "feishu" } });
    fireEvent.input(screen.getByLabelText("Webhook address"), { target: { value: "https://open.feishu.cn/open-apis/bot/v2/hook/x" } });
    fireEvent.input(screen.getByLabelText("Signing secret (optional)"), { target: { value: "s3cret" } });
    fireEvent.click(screen.getByLabelText("Design"));
    fireEvent.click(screen.getByLabelText("Escalation opened"));
    fireEvent.change(screen.getByLabelText("Weekly report", { selector: "select#channel-weekday" }), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "Save channel" }));
    await waitFor(() => expect(actions().some((action) => action.kind === "create")).toBe(true));
    const created = actions().find((action) => action.kind === "create").channel;
    expect(created).toMatchObject({
      name: "Design bot",
      platform: "feishu",
      url: "https://open.feishu.cn/open-apis/bot/v2/hook/x",
      secret: "s3cret",
      departments: ["Design"],
      events: ["escalation_opened"],
    });
    expect(created.weekly).toEqual(expect.objectContaining({ weekday: expect.any(Number), hour: expect.any(Number) }));
  });

  it("edits a channel without showing or resending its secret or address (a rename does not resume it)", async () => {
    render(<ChannelsSection departments={["Engineering"]} />);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    expect((screen.getByLabelText("Signing secret (optional)") as HTMLInputElement).value).toBe("");
    expect(screen.getByText(/A secret is set/)).toBeTruthy();
    expect((screen.getByLabelText("Webhook address") as HTMLInputElement).value).toBe("");
    expect(document.querySelector("[data-channel-url]")?.textContent).toContain("https://oapi.dingtalk.com/… (ends in “9f3a”)");
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Eng robots" } });
    fireEvent.click(screen.getByRole("button", { name: "Save channel" }));
    await waitFor(() => expect(actions().some((action) => action.kind === "update")).toBe(true));
    const change = actions().find((action) => action.kind === "update").change;
    expect(change.name).toBe("Eng robots");
    expect(change).not.toHaveProperty("secret");
    expect(change).not.toHaveProperty("url");
  });

  it("sends a new address only when one is typed", async () => {
    render(<ChannelsSection departments={["Engineering"]} />);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    fireEvent.input(screen.getByLabelText("Webhook address"), {
      target: { value: " https://oapi.dingtalk.com/robot/send?access_token=new " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save channel" }));
    await waitFor(() => expect(actions().some((action) => action.kind === "update")).toBe(true));
    expect(actions().find((action) => action.kind === "update").change.url).toBe("https://oapi.dingtalk.com/robot/send?access_token=new");
  });

  it("sets the workspace's language", async () => {
    render(<ChannelsSection departments={[]} />);
    fireEvent.change(await screen.findByLabelText("Language of chat messages"), { target: { value: "en" } });
    await waitFor(() => expect(actions()).toContainEqual({ kind: "language", language: "en" }));
  });
});
