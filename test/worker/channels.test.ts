// Team chat channels: admins only, secrets never shown or logged, each platform's signed native message, filters, languages, weekly reports, retries and failures.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/workspace";
import type { ChannelEvent } from "../../worker/channels/events";
import { type ChannelQueueMessage, enqueueChannelEvents } from "../../worker/channels/queue";
import { sendScheduledNotices } from "../../worker/channels/schedule";
import worker from "../../worker/index";
import { channelBacklogDays, channelSentDays, purgeExpired } from "../../worker/maintenance";
import { startReceivers } from "./channel-receivers";
import { actionItemUpsert, type CallResult, call, createWorkspace, expectError, joinWorkspace, newId, pushOk, rows } from "./helpers";

// A webhook address's token is a credential too: for DingTalk, WeCom, Slack and Feishu the address is all it takes to post.
const urlToken = "dingtalkToken4c1e9a7b";
const secrets = ["feishu-Secret-9f3a", "SECdingtalk0c7b21e", "hook-secret-77d1", "rotated-secret-5b2e", urlToken];

// Everything the Worker logs, and every answer the API gives, is checked for secrets at the end.
const logged: string[] = [];
const answers: string[] = [];
let receivers: ReturnType<typeof startReceivers>;

beforeAll(() => {
  receivers = startReceivers();
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[level];
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg)))
          .join(" "),
      );
      original(...args);
    });
  }
});
afterAll(() => {
  receivers.restore();
  vi.restoreAllMocks();
});

async function api(path: string, init: Parameters<typeof call>[1] = {}): Promise<CallResult> {
  const answer = await call(path, init);
  answers.push(answer.text);
  return answer;
}

async function addChannel(admin: Session, body: Record<string, unknown>) {
  const created = await api("/v1/channels", { token: admin.token, body });
  expect(created.status, created.text).toBe(201);
  return created.json.channel as { id: string };
}

const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 100 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

const escalation = (entityId: string, fields: Record<string, unknown>) => ({
  id: newId(),
  entity: "escalation",
  entityId,
  op: "upsert",
  fields,
});

describe("channel administration", () => {
  it("is for admins: a member gets 403 on every channel route", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const member = await joinWorkspace(admin);
    const hook = receivers.add("admin-only", { platform: "webhook", secret: null });
    const channel = await addChannel(admin, { name: "Ops", platform: "webhook", url: hook });
    expectError(await api("/v1/channels", { token: member.token }), 403, "forbidden");
    expectError(await api("/v1/channels", { token: member.token, body: { name: "Mine", platform: "slack", url: hook } }), 403, "forbidden");
    expectError(
      await api(`/v1/channels/${channel.id}`, { method: "PATCH", token: member.token, body: { name: "Mine" } }),
      403,
      "forbidden",
    );
    expectError(await api(`/v1/channels/${channel.id}`, { method: "DELETE", token: member.token }), 403, "forbidden");
    expectError(await api(`/v1/channels/${channel.id}/test`, { method: "POST", token: member.token }), 403, "forbidden");
    expectError(await api("/v1/workspace", { method: "PATCH", token: member.token, body: { language: "zh-CN" } }), 403, "forbidden");
    expect(receivers.of("admin-only")).toHaveLength(0);
    // Another workspace's admin neither sees nor reaches it.
    const other = await createWorkspace("Other", { name: "Lee Chan", department: "Ops" });
    expect((await api("/v1/channels", { token: other.token })).json.channels).toEqual([]);
    expectError(await api(`/v1/channels/${channel.id}`, { method: "PATCH", token: other.token, body: { name: "Mine" } }), 404, "not_found");
    expectError(await api(`/v1/channels/${channel.id}/test`, { method: "POST", token: other.token }), 404, "not_found");
    expectError(await api(`/v1/channels/${channel.id}`, { method: "DELETE", token: other.token }), 404, "not_found");
    expect((await api(`/v1/channels/${channel.id}`, { method: "DELETE", token: admin.token })).status).toBe(204);
    expectError(await api(`/v1/channels/${channel.id}`, { method: "DELETE", token: admin.token }), 404, "not_found");
  });

  it("takes a secret but never gives it back: responses say hasSecret", async () => {
    const admin = await createWorkspace();
    const url = receivers.add("secretive", { platform: "feishu", secret: secrets[0] });
    const created = await api("/v1/channels", { token: admin.token, body: { name: "Lark", platform: "feishu", url, secret: secrets[0] } });
    expect(created.status).toBe(201);
    expect(created.json.channel).toMatchObject({
      name: "Lark",
      platform: "feishu",
      url: "http://127.0.0.1:9/…",
      urlHint: url.slice(-4),
      hasUrl: true,
      hasSecret: true,
      departments: [],
      events: [],
      weekly: null,
    });
    expect(created.json.channel).not.toHaveProperty("secret");
    const listed = await api("/v1/channels", { token: admin.token });
    expect(listed.json.channels).toHaveLength(1);
    expect(listed.json.language).toBe("en");
    const id = created.json.channel.id;
    const renamed = await api(`/v1/channels/${id}`, {
      method: "PATCH",
      token: admin.token,
      body: { name: "Lark bot", secret: secrets[3] },
    });
    expect(renamed.json.channel).toMatchObject({ name: "Lark bot", hasSecret: true });
    const [stored] = await rows<{ secret: string }>("SELECT secret FROM channels WHERE id = ?1", id);
    expect(stored.secret).toBe(secrets[3]);
    const cleared = await api(`/v1/channels/${id}`, { method: "PATCH", token: admin.token, body: { secret: "" } });
    expect(cleared.json.channel.hasSecret).toBe(false);
    // A refused request does not echo the secret it carried.
    const tooLong = `${secrets[2]}${"x".repeat(300)}`;
    const refused = await api("/v1/channels", { token: admin.token, body: { name: "X", platform: "webhook", url, secret: tooLong } });
    expectError(refused, 400, "invalid_request");
    expect(refused.text).not.toContain(tooLong.slice(0, 40));
    const wrongKind = await api(`/v1/channels/${id}`, {
      method: "PATCH",
      token: admin.token,
      body: { secret: 12345, platform: "teams", extra: secrets[2] },
    });
    expectError(wrongKind, 400, "invalid_request");
  });

  it("never gives the address back (it holds the bot's token), and a rename neither changes it nor resumes a paused channel", async () => {
    const admin = await createWorkspace();
    const url = `${receivers.add("masked", { platform: "dingtalk", secret: null })}?access_token=${urlToken}`;
    const channel = await addChannel(admin, { name: "Ding", platform: "dingtalk", url });
    const listed = await api("/v1/channels", { token: admin.token });
    expect(listed.json.channels[0]).toMatchObject({ url: "http://127.0.0.1:9/…", hasUrl: true, urlHint: urlToken.slice(-4) });
    expect(listed.text).not.toContain(urlToken);
    const since = "2026-12-01T00:00:00.000Z";
    await rows("UPDATE channels SET paused_at = ?2, failing_since = ?2 WHERE id = ?1", channel.id, since);
    const renamed = await api(`/v1/channels/${channel.id}`, { method: "PATCH", token: admin.token, body: { name: "Ding 2" } });
    expect(renamed.json.channel).toMatchObject({ name: "Ding 2", pausedAt: since, hasUrl: true });
    expect(await rows("SELECT url, failing_since FROM channels WHERE id = ?1", channel.id)).toEqual([{ url, failing_since: since }]);
    // A new address is the fix for a failing channel: it is stored, and the channel resumes.
    const moved = `${receivers.add("masked-moved", { platform: "dingtalk", secret: null })}?access_token=${urlToken}2`;
    const changed = await api(`/v1/channels/${channel.id}`, { method: "PATCH", token: admin.token, body: { url: moved } });
    expect(changed.json.channel).toMatchObject({ name: "Ding 2", pausedAt: null, urlHint: moved.slice(-4) });
    expect(await rows("SELECT url, failing_since FROM channels WHERE id = ?1", channel.id)).toEqual([{ url: moved, failing_since: null }]);
  });

  it("a test message takes one of the channel's sends, a few a minute at most, and answers the status and code only", async () => {
    const admin = await createWorkspace();
    const url = receivers.add("tested", { platform: "slack", secret: null, fail: { status: 404, body: "no_service" } });
    const channel = await addChannel(admin, { name: "Slack", platform: "slack", url });
    const test = () => api(`/v1/channels/${channel.id}/test`, { method: "POST", token: admin.token });
    expect((await test()).json.result).toEqual({ ok: false, platform: "slack", status: 404, code: "no_service", kind: "http" });
    // Whatever the receiver says is not passed on: the test is no relay to read other sites through.
    receivers.set("tested", { fail: { status: 502, body: "<html>a page from somewhere else</html>" } });
    const relayed = await test();
    expect(relayed.json.result).toEqual({ ok: false, platform: "slack", status: 502, code: null, kind: "http" });
    expect(relayed.text).not.toContain("somewhere else");
    receivers.set("tested", { fail: undefined });
    expect((await test()).json.result).toEqual({ ok: true, platform: "slack", status: 200, code: null, kind: null });
    const refused = await test();
    expectError(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(receivers.of("tested")).toHaveLength(3);
    // The minute over, it may be tested again; a channel busy delivering waits as well.
    await rows("UPDATE channels SET window_start = window_start - 60000 WHERE id = ?1", channel.id);
    expect((await test()).json.result.ok).toBe(true);
    await rows("UPDATE channels SET window_count = 50 WHERE id = ?1", channel.id);
    expectError(await test(), 429, "rate_limited");
    expect(receivers.of("tested")).toHaveLength(4);
  });

  it("wants https, except on this machine", async () => {
    const admin = await createWorkspace();
    for (const url of ["http://example.com/hook", "ftp://127.0.0.1/x", "not a url", "http://10.0.0.1/hook"]) {
      expectError(await api("/v1/channels", { token: admin.token, body: { name: "X", platform: "webhook", url } }), 400, "invalid_request");
    }
    for (const url of [
      "https://open.feishu.cn/open-apis/bot/v2/hook/abc",
      "http://localhost:8080/hook",
      "http://127.0.0.1:9/hook",
      "http://[::1]:8080/hook",
    ]) {
      expect((await api("/v1/channels", { token: admin.token, body: { name: "X", platform: "feishu", url } })).status).toBe(201);
    }
    expectError(await api("/v1/channels", { token: admin.token, body: { name: "X", platform: "teams", url: "https://x.test" } }), 400);
  });
});

describe("delivery", { timeout: 40_000 }, () => {
  it("sends each platform its native message, signed by its published algorithm, linking back to the tracker item", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const platforms = [
      { name: "p-feishu", platform: "feishu", secret: secrets[0] },
      { name: "p-dingtalk", platform: "dingtalk", secret: secrets[1] },
      { name: "p-wecom", platform: "wecom", secret: null },
      { name: "p-slack", platform: "slack", secret: null },
      { name: "p-webhook", platform: "webhook", secret: secrets[2] },
    ] as const;
    for (const p of platforms) {
      const url = receivers.add(p.name, { platform: p.platform, secret: p.secret });
      await addChannel(admin, {
        name: p.name,
        platform: p.platform,
        url: p.platform === "dingtalk" ? `${url}?access_token=${urlToken}` : url,
        ...(p.secret ? { secret: p.secret } : {}),
      });
    }
    await pushOk(admin.token, [
      actionItemUpsert("ship0001", {
        text: "Ship the export",
        owner: "Sam Wu",
        department: "Engineering",
        due: "2026-12-20",
        targets: ["github:acme/app#7"],
      }),
    ]);
    await waitFor(() => {
      for (const p of platforms) expect(receivers.of(p.name), p.name).toHaveLength(1);
    });
    for (const p of platforms) {
      const [message] = receivers.of(p.name);
      expect(message.signed, p.name).toBe(p.secret ? true : null);
      expect(message.text, p.name).toContain("Action item assigned");
      expect(message.text, p.name).toContain("Ship the export");
      expect(message.text, p.name).toContain("Sam Wu");
      expect(message.text, p.name).toContain("https://github.com/acme/app/issues/7");
    }
    expect(receivers.of("p-dingtalk")[0].url.searchParams.get("access_token")).toBe(urlToken);
    const hook = receivers.of("p-webhook")[0].body;
    expect(hook.events[0]).toMatchObject({
      kind: "action_assigned",
      entity: "action_item",
      id: "ship0001",
      departments: ["Engineering"],
      links: ["https://github.com/acme/app/issues/7"],
    });
    // Delivered: the channel says so.
    await waitFor(async () => {
      const listed = await api("/v1/channels", { token: admin.token });
      for (const channel of listed.json.channels) expect(channel.lastDeliveredAt).not.toBeNull();
    });
  });

  it("a wrong secret is refused by the receiver, and the channel shows that failure to admins", async () => {
    const admin = await createWorkspace();
    const url = receivers.add("wrong-secret", { platform: "feishu", secret: "the receiver's own secret" });
    const channel = await addChannel(admin, { name: "Lark", platform: "feishu", url, secret: secrets[0] });
    const tested = await api(`/v1/channels/${channel.id}/test`, { method: "POST", token: admin.token });
    expect(tested.json.result).toEqual({ ok: false, platform: "feishu", status: 200, code: "19021", kind: "platform" });
    expect(receivers.of("wrong-secret")[0].signed).toBe(false);
    await pushOk(admin.token, [actionItemUpsert("wrong001", { text: "Fix sign", owner: "Pat Lee" })]);
    await waitFor(async () => {
      const listed = await api("/v1/channels", { token: admin.token });
      expect(listed.json.channels[0].lastFailure).toMatchObject({ platform: "feishu", status: 200, code: "19021", kind: "platform" });
    });
    receivers.set("wrong-secret", { secret: secrets[0] });
    const retested = await api(`/v1/channels/${channel.id}/test`, { method: "POST", token: admin.token });
    expect(retested.json.result).toEqual({ ok: true, platform: "feishu", status: 200, code: null, kind: null });
  });

  it("assignments and escalations reach the right channels only (departments, event kinds), in English and Chinese", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const add = (name: string, body: Record<string, unknown>) =>
      addChannel(admin, { name, platform: "webhook", url: receivers.add(name, { platform: "webhook", secret: null }), ...body });
    await add("f-engineering", { departments: ["Engineering"] });
    await add("f-design-escalations", { departments: ["Design"], events: ["escalation_opened"] });
    await add("f-assignments", { events: ["action_assigned"] });
    await add("f-everything", {});
    await add("f-decided", { events: ["escalation_decided"] });

    await pushOk(admin.token, [actionItemUpsert("filt0001", { text: "Build the API", owner: "Sam Wu", department: "Engineering" })]);
    await waitFor(() => {
      for (const name of ["f-engineering", "f-assignments", "f-everything"]) expect(receivers.of(name), name).toHaveLength(1);
    });
    await pushOk(admin.token, [
      escalation("esc00001", { title: "Who owns onboarding?", departments: ["Design", "QA"], decider: "Pat Lee" }),
    ]);
    await waitFor(() => {
      for (const name of ["f-design-escalations", "f-everything"])
        expect(
          receivers.of(name).some((m) => m.text.includes("Escalation opened")),
          name,
        ).toBe(true);
    });
    await settle();
    expect(receivers.of("f-engineering")).toHaveLength(1);
    expect(receivers.of("f-assignments")).toHaveLength(1);
    expect(receivers.of("f-design-escalations")).toHaveLength(1);
    expect(receivers.of("f-decided")).toHaveLength(0);
    expect(receivers.of("f-everything")).toHaveLength(2);
    // An edit that assigns nobody new says nothing.
    await pushOk(admin.token, [actionItemUpsert("filt0001", { text: "Build the API v2" })]);

    const chinese = await api("/v1/workspace", { method: "PATCH", token: admin.token, body: { language: "zh-CN" } });
    expect(chinese.json.workspace.language).toBe("zh-CN");
    await pushOk(admin.token, [
      actionItemUpsert("filt0002", { text: "写接口文档", owner: "Sam Wu", department: "Engineering", due: "2026-12-24" }),
      escalation("esc00001", {
        title: "Who owns onboarding?",
        departments: ["Design", "QA"],
        status: "decided",
        resolution: "Design owns it",
      }),
    ]);
    await waitFor(() => {
      expect(receivers.of("f-engineering")).toHaveLength(2);
      expect(receivers.of("f-decided")).toHaveLength(1);
    });
    const assigned = receivers.of("f-engineering")[1].body;
    expect(assigned.language).toBe("zh-CN");
    expect(assigned.title).toBe("行动项已指派：写接口文档");
    expect(JSON.stringify(assigned.parts)).toContain("截止：2026-12-24");
    expect(receivers.of("f-decided")[0].body.title).toBe("升级事项已决定：Who owns onboarding?");
    expect(JSON.stringify(receivers.of("f-decided")[0].body.parts)).toContain("决定：Design owns it");
    await settle();
    expect(receivers.of("f-design-escalations")).toHaveLength(1);
    expect(receivers.of("f-assignments")).toHaveLength(2);
  });

  it("announces high risks recorded or occurred, decisions recorded and check-ins asking for help, and nothing for small changes", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    await addChannel(admin, { name: "All", platform: "webhook", url: receivers.add("k-all", { platform: "webhook", secret: null }) });
    await addChannel(admin, {
      name: "QA",
      platform: "webhook",
      url: receivers.add("k-qa", { platform: "webhook", secret: null }),
      departments: ["QA"],
    });
    const upsert = (entity: string, entityId: string, fields: Record<string, unknown>) => ({
      id: newId(),
      entity,
      entityId,
      op: "upsert",
      fields,
    });
    await pushOk(admin.token, [
      upsert("risk", "risk0001", {
        title: "Vendor may slip",
        likelihood: 5,
        impact: 3,
        department: "Engineering",
        targets: ["github:acme/app#9"],
      }),
      upsert("risk", "risk0002", { title: "Minor", likelihood: 2, impact: 2 }),
      upsert("meeting", "meet0001", { title: "Release sync", date: "2026-12-07", departments: ["QA", "Engineering"] }),
      upsert("decision", "dec00001", { text: "Ship in March", decidedBy: "Pat Lee", targets: ["github:acme/app#9"], meeting: "meet0001" }),
      upsert("checkin", "chk00001", {
        department: "Design",
        week: "2026-W50",
        status: "at-risk",
        helpNeeded: [{ department: "Engineering", request: "Review the tokens" }],
      }),
    ]);
    await pushOk(admin.token, [
      upsert("risk", "risk0001", { status: "occurred" }),
      upsert("risk", "risk0002", { description: "still minor" }),
    ]);
    await waitFor(() => expect(receivers.of("k-all")).toHaveLength(4));
    await settle();
    const events = receivers.of("k-all").map((message) => message.body.events[0]);
    expect(events.map((e) => `${e.kind} ${e.id}`).sort()).toEqual([
      "decision_recorded dec00001",
      "help_needed chk00001",
      "risk_occurred risk0001",
      "risk_recorded risk0001",
    ]);
    expect(events.find((e) => e.kind === "risk_recorded")).toMatchObject({ score: 15, departments: ["Engineering"] });
    // The decision concerns its meeting's departments: the QA channel gets it, and nothing else of this push.
    expect(receivers.of("k-qa").map((message) => message.body.events[0].kind)).toEqual(["decision_recorded"]);
    expect(receivers.of("k-qa")[0].body.events[0].departments).toEqual(["QA", "Engineering"]);
    expect(events.find((e) => e.kind === "help_needed")).toMatchObject({
      departments: ["Design", "Engineering"],
      detail: "→ Engineering: Review the tokens",
    });
  });

  it("sends each department's weekly report at the channel's weekday and hour, once, to the channels that want it", async () => {
    const admin = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const monday9 = { weekday: 1, hour: 9 };
    const add = (name: string, platform: "feishu" | "dingtalk" | "webhook", body: Record<string, unknown>) =>
      addChannel(admin, { name, platform, url: receivers.add(name, { platform, secret: null }), ...body });
    await add("w-engineering", "feishu", { departments: ["Engineering"], events: ["weekly_report"], weekly: monday9 });
    await add("w-design", "dingtalk", { departments: ["Design"], weekly: monday9 });
    await add("w-tuesday", "webhook", { departments: ["Engineering"], events: ["weekly_report"], weekly: { weekday: 2, hour: 9 } });
    await add("w-no-reports", "webhook", { departments: ["Engineering"], events: ["action_assigned"], weekly: monday9 });
    await add("w-overdue", "webhook", { events: ["action_overdue"] });
    await pushOk(admin.token, [
      actionItemUpsert("week0001", { text: "Late one", department: "Engineering", due: "2026-12-05" }),
      actionItemUpsert("week0002", { text: "Open one", department: "Engineering", due: "2026-12-30" }),
      actionItemUpsert("week0003", { text: "Long late", department: "Engineering", due: "2026-11-01" }),
      {
        id: newId(),
        entity: "checkin",
        entityId: "chk00001",
        op: "upsert",
        fields: { department: "Engineering", week: "2026-W50", status: "at-risk" },
      },
    ]);
    const monday = new Date("2026-12-07T09:00:00Z");
    expect(await sendScheduledNotices(env, monday)).toBe(3);
    await waitFor(() => {
      expect(receivers.of("w-engineering")).toHaveLength(1);
      expect(receivers.of("w-design")).toHaveLength(1);
      expect(receivers.of("w-overdue")).toHaveLength(1);
    });
    const engineering = receivers.of("w-engineering")[0].text;
    expect(engineering).toContain("Weekly report 2026-W50: Engineering");
    expect(engineering).toContain("Open action items: 3");
    expect(engineering).toContain("Overdue: 2");
    expect(engineering).toContain("Check-in: at risk");
    expect(receivers.of("w-design")[0].text).toContain("Weekly report 2026-W50: Design");
    expect(receivers.of("w-design")[0].text).toContain("Check-in: not posted");
    // Only the item that went overdue lately is announced, not one long overdue.
    expect(receivers.of("w-overdue")[0].body.events[0]).toMatchObject({ kind: "action_overdue", id: "week0001" });
    // The same hour again (a retried cron) sends nothing twice.
    expect(await sendScheduledNotices(env, new Date("2026-12-07T09:30:00Z"))).toBe(0);
    expect(await sendScheduledNotices(env, new Date("2026-12-07T10:00:00Z"))).toBe(0);

    // In Chinese, for a workspace that writes in Chinese.
    await api("/v1/workspace", { method: "PATCH", token: admin.token, body: { language: "zh-CN" } });
    await rows("DELETE FROM channel_sent");
    expect(await sendScheduledNotices(env, monday)).toBe(3);
    await waitFor(() => expect(receivers.of("w-engineering")).toHaveLength(2));
    const chinese = receivers.of("w-engineering")[1];
    expect(chinese.body.content.post.zh_cn.title).toBe("周报 2026-W50：Engineering");
    expect(chinese.text).toContain("已逾期：2");
    expect(chinese.text).toContain("部门周报：有风险");
    await settle();
    expect(receivers.of("w-tuesday")).toHaveLength(0);
    expect(receivers.of("w-no-reports")).toHaveLength(0);
  });
});

/** Runs the queue's consumer on messages made here, as the queue would hand them over; answers what it acked and retried. */
async function consume(messages: Array<{ body: ChannelQueueMessage; attempts?: number }>) {
  const batch = createMessageBatch<ChannelQueueMessage>(
    "liaison-channels",
    messages.map((message, index) => ({ id: `msg-${index}`, timestamp: new Date(), attempts: message.attempts ?? 1, body: message.body })),
  );
  // The queue result names the messages retried; the delay each asked for is read off its retry().
  const delays = batch.messages.map((message) => vi.spyOn(message, "retry"));
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  const result = await getQueueResult(batch, ctx);
  return {
    ...result,
    retryMessages: result.retryMessages.map(({ msgId }: { msgId: string }) => ({
      msgId,
      delaySeconds: delays[Number(msgId.slice("msg-".length))].mock.calls[0]?.[0]?.delaySeconds,
    })),
  };
}

const event = (title: string): ChannelEvent => ({
  kind: "action_assigned",
  entity: "action_item",
  id: newId("a"),
  title,
  departments: [],
  person: "Sam Wu",
  due: null,
  targets: [],
  by: "Pat Lee",
  at: new Date().toISOString(),
});

describe("failures and limits", () => {
  it("retries a 500 with growing delays, then keeps the failure on the channel; a day of failures pauses it", async () => {
    const admin = await createWorkspace();
    const url = receivers.add("failing", { platform: "feishu", secret: secrets[0], fail: { status: 500, body: "internal error" } });
    const channel = await addChannel(admin, { name: "Lark", platform: "feishu", url, secret: secrets[0] });
    const deliver = (attempts: number) =>
      consume([{ body: { type: "deliver", channelId: channel.id, events: [event("Retry me")] }, attempts }]);

    const first = await deliver(1);
    expect(first.retryMessages).toEqual([{ msgId: "msg-0", delaySeconds: 30 }]);
    expect((await deliver(2)).retryMessages).toEqual([{ msgId: "msg-0", delaySeconds: 60 }]);
    expect(receivers.of("failing")).toHaveLength(2);
    expect(receivers.of("failing").every((message) => message.signed)).toBe(true);
    let listed = await api("/v1/channels", { token: admin.token });
    expect(listed.json.channels[0].lastFailure).toBeNull();

    const last = await deliver(5);
    expect(last.retryMessages).toEqual([]);
    expect(last.explicitAcks).toEqual(["msg-0"]);
    listed = await api("/v1/channels", { token: admin.token });
    expect(listed.json.channels[0].lastFailure).toEqual({
      at: expect.any(String),
      platform: "feishu",
      status: 500,
      code: null,
      kind: "http",
    });
    // The receiver's own words are never passed on.
    expect(listed.text).not.toContain("internal error");
    expect(listed.json.channels[0].pausedAt).toBeNull();

    // A timeout or a refused connection is retried the same way.
    receivers.set("failing", { fail: undefined });
    const spy = vi.spyOn(globalThis, "fetch").mockRejectedValueOnce(Object.assign(new Error("timed out"), { name: "TimeoutError" }));
    expect((await deliver(1)).retryMessages).toEqual([{ msgId: "msg-0", delaySeconds: 30 }]);
    spy.mockClear();

    // Failing since yesterday: the next failure for good pauses the channel, and nothing more is sent.
    receivers.set("failing", { fail: { status: 401, body: JSON.stringify({ code: 19021, msg: "sign match fail" }) } });
    await rows("UPDATE channels SET failing_since = ?2 WHERE id = ?1", channel.id, new Date(Date.now() - 25 * 3600_000).toISOString());
    const refused = await deliver(1);
    expect(refused.retryMessages).toEqual([]);
    listed = await api("/v1/channels", { token: admin.token });
    expect(listed.json.channels[0].lastFailure).toMatchObject({ status: 401, code: "19021", kind: "http" });
    expect(listed.json.channels[0].pausedAt).not.toBeNull();
    const before = receivers.of("failing").length;
    expect((await deliver(1)).explicitAcks).toEqual(["msg-0"]);
    expect(receivers.of("failing")).toHaveLength(before);

    // Events held back for a digest while it was paused wait; the digest due then goes nowhere.
    await rows(
      "INSERT INTO channel_backlog (channel_id, event, at) VALUES (?1, ?2, ?3)",
      channel.id,
      JSON.stringify(event("Held back")),
      "2026-01-01T00:00:00.000Z",
    );
    await rows("UPDATE channels SET digest_due = ?2 WHERE id = ?1", channel.id, Date.now());
    expect((await consume([{ body: { type: "digest", channelId: channel.id } }])).explicitAcks).toEqual(["msg-0"]);
    expect(receivers.of("failing")).toHaveLength(before);

    // An admin resumes it: the held-back events go out as the digest they waited for.
    receivers.set("failing", { fail: undefined });
    const queued = vi.spyOn(env.CHANNEL_QUEUE, "send").mockResolvedValue(undefined as never);
    const resumed = await api(`/v1/channels/${channel.id}`, { method: "PATCH", token: admin.token, body: { paused: false } });
    expect(resumed.json.channel.pausedAt).toBeNull();
    expect(queued).toHaveBeenCalledWith({ type: "digest", channelId: channel.id });
    queued.mockRestore();
    await consume([{ body: { type: "digest", channelId: channel.id } }]);
    expect(receivers.of("failing")).toHaveLength(before + 1);
    expect(JSON.stringify(receivers.of("failing").at(-1))).toContain("Held back");
    await deliver(1);
    expect(receivers.of("failing")).toHaveLength(before + 2);
  });

  it("beyond DingTalk's 20 messages a minute, merges the rest into one digest instead of dropping them", async () => {
    const admin = await createWorkspace();
    const url = receivers.add("busy-dingtalk", { platform: "dingtalk", secret: secrets[1] });
    const channel = await addChannel(admin, { name: "DingTalk", platform: "dingtalk", url, secret: secrets[1] });
    const titles = Array.from({ length: 25 }, (_, index) => `Task ${index + 1}`);
    const result = await consume(titles.map((title) => ({ body: { type: "deliver", channelId: channel.id, events: [event(title)] } })));
    expect(result.retryMessages).toEqual([]);
    expect(receivers.of("busy-dingtalk")).toHaveLength(20);
    const [held] = await rows<{ n: number }>("SELECT count(*) AS n FROM channel_backlog WHERE channel_id = ?1", channel.id);
    expect(held.n).toBe(5);

    // A minute later the digest goes, as one message.
    await rows("UPDATE channels SET window_start = window_start - 60000 WHERE id = ?1", channel.id);
    await consume([{ body: { type: "digest", channelId: channel.id } }]);
    const messages = receivers.of("busy-dingtalk");
    expect(messages).toHaveLength(21);
    const digest = messages[20];
    expect(digest.signed).toBe(true);
    expect(digest.body.markdown.title).toBe("5 updates from Liaison");
    for (const title of titles.slice(20)) expect(digest.text).toContain(title);
    expect((await rows("SELECT * FROM channel_backlog WHERE channel_id = ?1", channel.id)).length).toBe(0);
  });

  it("queues a push's oversized events in messages under the queue's size limit, each sent on its own", async () => {
    const queued: ChannelQueueMessage[] = [];
    let sends = 0;
    const queue = {
      send: vi.fn(async (body: ChannelQueueMessage) => {
        sends += 1;
        if (sends === 1) throw new Error("queue unavailable");
        queued.push(body);
      }),
      sendBatch: vi.fn(async () => {
        throw new Error("one batch for every event");
      }),
    };
    const big = Array.from({ length: 40 }, (_, index) => ({
      ...event(`Big ${index} ${"t".repeat(5000)}`),
      detail: "d".repeat(60_000),
      targets: Array.from({ length: 200 }, (_, n) => `github:acme/app#${n}${"x".repeat(500)}`),
    }));
    await enqueueChannelEvents({ CHANNEL_QUEUE: queue } as unknown as Env, "workspace1", big);
    expect(queue.send.mock.calls.length).toBeGreaterThan(1);
    for (const [body] of queue.send.mock.calls) expect(new TextEncoder().encode(JSON.stringify(body)).length).toBeLessThan(100_000);
    // The group that failed loses its events only; every other event was queued, shortened.
    const failed = (queue.send.mock.calls[0][0] as { events: ChannelEvent[] }).events.length;
    const events = queued.flatMap((body) => (body.type === "events" ? body.events : []));
    expect(events.length).toBe(big.length - failed);
    for (const queuedEvent of events) {
      expect(queuedEvent.detail?.length).toBeLessThanOrEqual(2000);
      expect(queuedEvent.title.length).toBeLessThanOrEqual(500);
      expect(queuedEvent.targets.length).toBeLessThanOrEqual(20);
    }
    expect(events[0].targets[0]).toMatch(/^github:acme\/app#0x+…$/);
  });

  it("a weekly report that could not be queued goes with the next hourly run, and other workspaces still get theirs", async () => {
    const weekly = { weekday: 3, hour: 6 };
    const add = async (name: string) => {
      const admin = await createWorkspace();
      const url = receivers.add(name, { platform: "webhook", secret: null });
      return addChannel(admin, { name, platform: "webhook", url, departments: ["Ops"], events: ["weekly_report"], weekly });
    };
    const lost = await add("s-lost");
    const kept = await add("s-kept");
    const at = new Date("2026-12-09T06:00:00Z");
    const queue = {
      sendBatch: vi.fn(async (batch: Array<{ body: ChannelQueueMessage }>) => {
        if (batch.some(({ body }) => body.type === "deliver" && body.channelId === lost.id)) throw new Error("queue unavailable");
        return env.CHANNEL_QUEUE.sendBatch(batch);
      }),
    };
    expect(await sendScheduledNotices({ DB: env.DB, CHANNEL_QUEUE: queue } as unknown as Env, at)).toBeGreaterThanOrEqual(1);
    await waitFor(() => expect(receivers.of("s-kept")).toHaveLength(1));
    expect(await rows("SELECT key FROM channel_sent WHERE channel_id = ?1", lost.id)).toEqual([]);
    expect(await rows("SELECT key FROM channel_sent WHERE channel_id = ?1", kept.id)).toEqual([{ key: "weekly:Ops:2026-W50" }]);
    expect(await sendScheduledNotices(env, at)).toBeGreaterThanOrEqual(1);
    await waitFor(() => expect(receivers.of("s-lost")).toHaveLength(1));
    await settle();
    expect(receivers.of("s-kept")).toHaveLength(1);
  });

  it("the daily clean-up drops held-back events over a week old and marks of notices sent over a month old", async () => {
    const admin = await createWorkspace();
    const url = receivers.add("purged", { platform: "webhook", secret: null });
    const channel = await addChannel(admin, { name: "Old", platform: "webhook", url });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await rows(
      "INSERT INTO channel_backlog (channel_id, event, at) VALUES (?1, 'stale', ?2), (?1, 'fresh', ?3)",
      channel.id,
      daysAgo(channelBacklogDays + 1),
      daysAgo(1),
    );
    await rows(
      "INSERT INTO channel_sent (channel_id, key, at) VALUES (?1, 'old', ?2), (?1, 'recent', ?3)",
      channel.id,
      daysAgo(channelSentDays + 1),
      daysAgo(2),
    );
    await purgeExpired(env.DB);
    expect(await rows("SELECT event FROM channel_backlog WHERE channel_id = ?1", channel.id)).toEqual([{ event: "fresh" }]);
    expect(await rows("SELECT key FROM channel_sent WHERE channel_id = ?1", channel.id)).toEqual([{ key: "recent" }]);
  });

  it("no API answer and no log line holds a secret", async () => {
    expect(answers.length).toBeGreaterThan(20);
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const answer of answers) expect(answer).not.toContain(secret);
      for (const line of logged) expect(line).not.toContain(secret);
    }
  });
});
