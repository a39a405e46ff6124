import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const read = (lang: string) =>
  JSON.parse(readFileSync(path.join(root, "extension/public/_locales", lang, "messages.json"), "utf8")) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
const en = read("en");
const zh = read("zh_CN");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "public" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("the English and Chinese catalogues", () => {
  it("use only names browsers accept, and the same names in both languages", () => {
    for (const key of Object.keys(en)) expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("give every message the same placeholders in both languages, and translate it", () => {
    for (const [key, entry] of Object.entries(en)) {
      const placeholders = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
      expect(placeholders(zh[key].message), key).toEqual(placeholders(entry.message));
      for (const name of placeholders(entry.message)) expect(entry.placeholders?.[name], `${key} ${name}`).toBeTruthy();
    }
  });

  it("hold every string the code asks for", () => {
    const asked = new Set<string>();
    for (const file of sources(path.join(root, "extension"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([^"]+)"/g)) asked.add(match[1]);
    }
    expect([...asked].filter((key) => !(key in en))).toEqual([]);
  });
});
