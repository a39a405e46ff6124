import { describe, expect, it } from "vitest";
import { call, createWorkspace } from "./helpers";

const extension = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

function preflight(path: string, origin: string, method = "POST") {
  return call(path, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "authorization, content-type" },
  });
}

describe("GET /health", () => {
  it("answers ok without a token", async () => {
    const response = await call("/health");
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
  });
});

describe("CORS", () => {
  it.each([
    [extension],
    ["moz-extension://0f6a2c8e-3b1d-4c5e-9a7f-2d4b6c8e0a1f"],
    ["safari-web-extension://0F6A2C8E-3B1D-4C5E-9A7F-2D4B6C8E0A1F"],
  ])("allows a preflight from the extension origin %s, echoing it", async (origin) => {
    for (const path of ["/v1/sync/push", "/v1/sync/pull", "/v1/workspaces", "/v1/join", "/v1/invites", "/v1/me"]) {
      const response = await preflight(path, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      const allowHeaders = (response.headers.get("Access-Control-Allow-Headers") ?? "").toLowerCase();
      expect(allowHeaders).toContain("authorization");
      expect(allowHeaders).toContain("content-type");
      expect(response.headers.get("Access-Control-Allow-Methods")).toContain("POST");
      expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
      expect(response.headers.get("Vary") ?? "").toMatch(/origin/i);
    }
  });

  it.each([
    ["https://evil.example"],
    ["http://localhost:3000"],
    ["null"],
    [`${extension}.evil.example`],
    [`https://${extension.slice("chrome-extension://".length)}`],
    ["chrome-extension://"],
    ["chrome-extension://abc/def"],
    ["file://"],
  ])("does not allow a preflight from %s", async (origin) => {
    const response = await preflight("/v1/sync/push", origin);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("never answers with a wildcard origin, with or without an Origin", async () => {
    const admin = await createWorkspace();
    for (const origin of [extension, "https://evil.example", undefined]) {
      const headers: Record<string, string> = origin ? { Origin: origin } : {};
      const responses = [
        await preflight("/v1/sync/pull", origin ?? "", "GET"),
        await call("/health", { headers }),
        await call("/v1/me", { headers, token: admin.token }),
        await call("/v1/nope", { headers }),
        await call("/v1/me", { headers }),
      ];
      for (const response of responses) {
        const allowed = response.headers.get("Access-Control-Allow-Origin");
        expect(allowed).not.toBe("*");
        expect(allowed).toBe(origin === extension ? extension : null);
      }
    }
  });

  it("lets the extension read answers, errors included, and keeps other sites from reading them", async () => {
    const admin = await createWorkspace();
    const fromExtension = await call("/v1/me", { token: admin.token, headers: { Origin: extension } });
    expect(fromExtension.status).toBe(200);
    expect(fromExtension.headers.get("Access-Control-Allow-Origin")).toBe(extension);

    const refused = await call("/v1/me", { token: "not-a-valid-token", headers: { Origin: extension } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe(extension);

    const tooBig = await call("/v1/sync/push", {
      token: admin.token,
      rawBody: "x".repeat(300 * 1024),
      method: "POST",
      headers: { Origin: extension, "Content-Type": "application/json" },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("Access-Control-Allow-Origin")).toBe(extension);

    const fromEvil = await call("/v1/me", { token: admin.token, headers: { Origin: "https://evil.example" } });
    expect(fromEvil.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
