// Rate limits that hold: per member across token rotations, per address for refused tokens, checked before any work.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app";
import { type CallResult, call, createWorkspace, expectError } from "./helpers";

const memberLimit = 600;
const publicLimit = 300;

/**
 * The limiter counts in fixed windows of a minute: a test that needs one whole window waits out
 * the end of the current one rather than have its count cut in two.
 */
async function freshWindow() {
  const into = Date.now() % 60_000;
  if (into > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 250));
}

/** Uses up all but `left` of a limit's count for a key, as that many earlier requests would have. */
async function useUp(limiter: RateLimit, key: string, limit: number, left: number) {
  for (let i = 0; i < limit - left; i++) await limiter.limit({ key });
}

async function statusesOf(count: number, request: () => Promise<CallResult>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await request()).status);
  return statuses;
}

/** Calls the app with a database that remembers every statement prepared on it. */
async function callRecordingSql(path: string, token: string) {
  const prepared: string[] = [];
  const recording = {
    withSession(constraint: string) {
      const session = env.DB.withSession(constraint);
      return {
        prepare(sql: string) {
          prepared.push(sql);
          return session.prepare(sql);
        },
        batch: (statements: D1PreparedStatement[]) => session.batch(statements),
        getBookmark: () => session.getBookmark(),
      };
    },
  };
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`http://liaison.test${path}`, { headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": "192.0.2.50" } }),
    { ...env, DB: recording },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: response.status, json: (await response.json()) as { error?: { code: string } }, prepared };
}

const readsPage = (prepared: string[]) => prepared.some((sql) => sql.includes("group_concat"));

describe("rate limits", () => {
  it("count per member: a rotated token does not start a new count", { timeout: 30_000 }, async () => {
    await freshWindow();
    const admin = await createWorkspace();
    await useUp(env.MEMBER_LIMIT, admin.member.id, memberLimit, 10);
    expect(await statusesOf(9, () => call("/v1/me", { token: admin.token }))).toEqual(Array(9).fill(200));

    const rotated = await call("/v1/me/token", { method: "POST", token: admin.token });
    expect(rotated.status).toBe(201);
    const over = await call("/v1/me", { token: rotated.json.token });
    expectError(over, 429, "rate_limited");
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("count refused tokens per client address, and only that address", { timeout: 30_000 }, async () => {
    await freshWindow();
    const admin = await createWorkspace();
    const from = { "CF-Connecting-IP": "203.0.113.7" };
    await useUp(env.PUBLIC_LIMIT, from["CF-Connecting-IP"], publicLimit, 10);
    const guesses = await statusesOf(9, () => call("/v1/me", { token: "lsn_guessedguessedguessed", headers: from }));
    expect(guesses).toEqual(Array(9).fill(401));
    // A missing token counts too.
    expectError(await call("/v1/members", { headers: from }), 401, "unauthorized");

    expectError(await call("/v1/me", { token: "lsn_guessedguessedguessed", headers: from }), 429, "rate_limited");
    expectError(await call("/v1/sync/pull", { headers: from }), 429, "rate_limited");
    // Another address is refused as usual; a member's own token still works from the throttled address.
    expectError(await call("/v1/me", { token: "lsn_guessedguessedguessed", headers: { "CF-Connecting-IP": "203.0.113.8" } }), 401);
    expect((await call("/v1/me", { token: admin.token, headers: from })).status).toBe(200);
  });

  it("is checked before a pull reads its page", async () => {
    const admin = await createWorkspace();
    for (let i = 0; i < memberLimit; i++) await env.MEMBER_LIMIT.limit({ key: admin.member.id });
    const answer = await callRecordingSql("/v1/sync/pull?since=0", admin.token);
    expect(answer.status).toBe(429);
    expect(answer.json.error?.code).toBe("rate_limited");
    expect(readsPage(answer.prepared)).toBe(false);
  });

  it("leaves a pull with a bad query unread, and reads the page of a good one", async () => {
    const admin = await createWorkspace();
    const bad = await callRecordingSql("/v1/sync/pull?since=-1", admin.token);
    expect(bad.status).toBe(400);
    expect(readsPage(bad.prepared)).toBe(false);

    const good = await callRecordingSql("/v1/sync/pull?since=0", admin.token);
    expect(good.status).toBe(200);
    expect(readsPage(good.prepared)).toBe(true);
  });
});
