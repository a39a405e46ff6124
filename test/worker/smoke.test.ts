import { describe, expect, it } from "vitest";
import { call, createWorkspace } from "./helpers";

describe("health", () => {
  it("answers", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    const ws = await createWorkspace();
    expect(ws.member.role).toBe("admin");
  });
});
