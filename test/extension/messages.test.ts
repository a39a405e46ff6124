import { describe, expect, it } from "vitest";
import { contentToBackground } from "../../extension/common/messages";

// What a page's content script may ask of the background: it runs inside untrusted pages.
describe("messages from content scripts", () => {
  it("may ask for a later part of Liaison on their page by name, and for nothing else with it", () => {
    expect(contentToBackground.safeParse({ type: "page.part", part: "annotations" }).success).toBe(true);
    expect(contentToBackground.safeParse({ type: "page.part", part: "capture" }).success).toBe(true);
    expect(contentToBackground.safeParse({ type: "page.part", part: "/background.js" }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "page.part", part: "capture", file: "/background.js" }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "page.part", part: "capture", tabId: 3 }).success).toBe(false);
  });

  it("may ask for summaries of at most 2,000 valid keys", () => {
    expect(contentToBackground.safeParse({ type: "overlay.query", keys: ["github:acme/app#7"] }).success).toBe(true);
    expect(contentToBackground.safeParse({ type: "overlay.query", keys: ["not a key"] }).success).toBe(false);
    expect(contentToBackground.safeParse({ type: "overlay.query", keys: Array(2001).fill("github:acme/app#7") }).success).toBe(false);
  });

  it("may not administer the workspace", () => {
    expect(contentToBackground.safeParse({ type: "workspace.leave" }).success).toBe(false);
  });
});
