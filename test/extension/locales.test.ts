import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../extension/ui/i18n";
import * as labels from "../../extension/ui/labels";

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
    const asked = askedKeys();
    expect([...asked].filter((key) => !(key in en))).toEqual([]);
    expect([...asked].filter((key) => !(key in zh))).toEqual([]);
  });

  it("are the only names t() takes", () => {
    // @ts-expect-error: a key missing from the catalogue is a type error (npm run typecheck fails when this line compiles).
    expect(t("noSuchMessage")).toBe("noSuchMessage");
  });

  it("hold no string the code never asks for", () => {
    const asked = askedKeys();
    expect(Object.keys(en).filter((key) => !asked.has(key))).toEqual([]);
  });

  it("are asked for by name, so that the two tests above see every key", () => {
    // t(`view_${name}`) would hide its keys from them; a map from value to key (extension/ui/labels.ts) does not.
    const hidden: string[] = [];
    for (const file of sources(path.join(root, "extension"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/(?<![\w.])t\((?=(\s*))\1(?!"|\w+Labels\[)(.{0,40})/g)) {
        if (!file.endsWith(path.join("ui", "i18n.ts"))) hidden.push(`${path.relative(root, file)}: t(${match[2]}`);
      }
    }
    expect(hidden).toEqual([]);
  });
});

/** Every catalogue key the code names: t("key"), the label maps, and the manifest's __MSG_key__. */
function askedKeys(): Set<string> {
  const asked = new Set<string>();
  for (const file of [...sources(path.join(root, "extension")), path.join(root, "wxt.config.ts")]) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?<![\w.])t\(\s*"([^"]+)"/g)) asked.add(match[1]);
    for (const match of source.matchAll(/__MSG_(\w+)__/g)) asked.add(match[1]);
  }
  for (const map of Object.values(labels)) for (const key of Object.values(map)) asked.add(key);
  return asked;
}
