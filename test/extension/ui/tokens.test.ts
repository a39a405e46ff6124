import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const extension = path.join(root, "extension");
const tokensFile = path.join(extension, "ui/tokens.css");

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "public" ? [] : stylesheets(full);
    return name.endsWith(".css") ? [full] : [];
  });
}

const tokens = [...readFileSync(tokensFile, "utf8").matchAll(/^\s*(--[a-z-]+):/gm)].map((match) => match[1]);

/** Tokens a stylesheet sets again on purpose, and why. */
const overrides: Record<string, string[]> = {
  // The panel and options are pages of their own: a darker ground, and deeper chips.
  "extension/panel/panel.css": ["--bg", "--chip"],
  // The tip's chips are the yellow of an annotation's highlight.
  "extension/page/annotations/annotation-tip.css": ["--chip"],
};

describe("the colour tokens", () => {
  it("are declared once, each with a light and a dark value", () => {
    expect(tokens.length).toBeGreaterThan(5);
    expect(new Set(tokens).size).toBe(tokens.length);
    const css = readFileSync(tokensFile, "utf8");
    for (const token of tokens) expect(css, token).toMatch(new RegExp(`${token}: light-dark\\(#[0-9a-f]+, #[0-9a-f]+\\);`));
  });

  it("are imported by every shadow root's stylesheet and by the pages'", () => {
    const importers = stylesheets(extension).filter((file) => {
      const css = readFileSync(file, "utf8");
      return css.includes(":host") || file.endsWith(path.join("panel", "panel.css"));
    });
    expect(importers.map((file) => path.relative(root, file)).sort()).toEqual([
      "extension/page/annotations/annotation-tip.css",
      "extension/page/capture/capture.css",
      "extension/page/overlay/overlay.css",
      "extension/panel/panel.css",
    ]);
    for (const file of importers) {
      const imported = /^@import "([^"]+)";/.exec(readFileSync(file, "utf8"))?.[1];
      expect(imported && path.resolve(path.dirname(file), imported), path.relative(root, file)).toBe(tokensFile);
    }
  });

  it("are not copied into other stylesheets", () => {
    for (const file of stylesheets(extension).filter((f) => f !== tokensFile)) {
      const name = path.relative(root, file);
      const set = [...readFileSync(file, "utf8").matchAll(/^\s*(--[a-z-]+):/gm)].map((match) => match[1]);
      expect(
        set.filter((token) => tokens.includes(token) && !overrides[name]?.includes(token)),
        name,
      ).toEqual([]);
    }
  });
});
