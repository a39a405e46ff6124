import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi } from "./support/api";

// The rate limit is a Workers binding: it is checked here against the Worker as `npm start` runs it.
let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

async function createWorkspace(name: string) {
  const response = await fetch(`${api.url}/v1/workspaces`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, member: { name: "Pat Lee", department: "Product" } }),
  });
  return (await response.json()) as { token: string };
}

describe("the per-token rate limit", () => {
  it("answers 429 with Retry-After once a token goes over 600 requests a minute, and counts tokens apart", async () => {
    const { token } = await createWorkspace("Busy");
    const statuses: number[] = [];
    let limited: Response | null = null;
    // Up to twice the limit and more: a minute's window turning over part way cannot hide the limit.
    for (let i = 0; i < 1300 && !limited; i++) {
      const response = await fetch(`${api.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.text();
    }
    expect(limited, "no 429 within 1,300 requests").not.toBeNull();
    const response = limited as Response;
    // A minute window may have turned over meanwhile; at least the limit was served first.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(600);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(response.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");

    const other = await createWorkspace("Quiet");
    expect((await fetch(`${api.url}/v1/me`, { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(200);
  });
});
