import { describe, expect, it } from "vitest";
import { call, createWorkspace } from "./helpers";

describe("read-your-writes", () => {
  it("returns a D1 session bookmark and accepts it back", async () => {
    const admin = await createWorkspace();
    const first = await call("/v1/me", { token: admin.token });
    const bookmark = first.headers.get("X-D1-Bookmark");
    expect(bookmark).toBeTruthy();
    const second = await call("/v1/me", { token: admin.token, headers: { "X-D1-Bookmark": bookmark as string } });
    expect(second.status).toBe(200);
    // A malformed bookmark is ignored rather than passed to D1.
    expect((await call("/v1/me", { token: admin.token, headers: { "X-D1-Bookmark": "not a bookmark!" } })).status).toBe(200);
  });
});
