import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildExtension, root } from "../../scripts/server.mjs";

// The Firefox build, checked as Firefox reads it: the same features, in its manifest's terms.
describe("the Firefox build", () => {
  // biome-ignore lint/suspicious/noExplicitAny: a manifest is read key by key
  let manifest: Record<string, any>;

  beforeAll(async () => {
    await buildExtension("firefox", { quiet: true });
    manifest = JSON.parse(readFileSync(path.join(root, ".output", "firefox-mv3", "manifest.json"), "utf8"));
  }, 120_000);

  it("offers the side panel as Firefox's sidebar, with its shortcut", () => {
    expect(manifest.sidebar_action).toMatchObject({ default_panel: "sidepanel.html" });
    expect(manifest.commands._execute_sidebar_action.suggested_key.default).toBe("Alt+Shift+L");
    expect(manifest.commands["capture-action-item"]).toBeTruthy();
  });

  it("runs its background as an event page and declares a Gecko id", () => {
    expect(manifest.background).toEqual({ scripts: ["background.js"] });
    expect(manifest.browser_specific_settings.gecko.id).toBe("liaison@liaison.app");
  });

  it("asks for no host beyond the trackers, and nothing Firefox does not know", () => {
    expect(JSON.stringify(manifest)).not.toContain("<all_urls>");
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(["https://*/*", "http://*/*"]);
    expect(manifest.content_scripts[0].matches).toContain("https://github.com/*");
  });

  it("passes web-ext lint: no error, and no warning but Preact's own innerHTML (for dangerouslySetInnerHTML, which Liaison never uses)", () => {
    const dir = path.join(root, ".output", "firefox-mv3");
    const lint = spawnSync(
      path.join(root, "node_modules", ".bin", "web-ext"),
      ["lint", "--source-dir", dir, "--output", "json", "--no-config-discovery"],
      {
        encoding: "utf8",
        env: { ...process.env, NO_UPDATE_NOTIFIER: "1" },
      },
    );
    const report = JSON.parse(lint.stdout) as {
      errors: unknown[];
      warnings: Array<{ code: string; file: string; line: number; column: number }>;
    };
    expect(report.errors).toEqual([]);
    for (const warning of report.warnings) {
      expect(warning.code).toBe("UNSAFE_VAR_ASSIGNMENT");
      const line = readFileSync(path.join(dir, warning.file), "utf8").split("\n")[warning.line - 1] ?? "";
      expect(line.slice(Math.max(0, warning.column - 200), warning.column + 200)).toContain("__html");
    }
  });

  it("declares what Firefox asks users to consent to sending", () => {
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual([
      "websiteContent",
      "personalCommunications",
      "personallyIdentifyingInfo",
    ]);
  });

  it("ships both languages", () => {
    for (const lang of ["en", "zh_CN"]) {
      const messages = JSON.parse(readFileSync(path.join(root, ".output", "firefox-mv3", "_locales", lang, "messages.json"), "utf8"));
      expect(messages.extName.message).toMatch(/^Liaison/);
    }
  });
});
