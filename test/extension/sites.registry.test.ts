import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sites } from "../../extension/sites";
import { siteCases } from "./site-cases";

// Adding a site is one folder, one line in the registry, fixtures, a row in the contract table
// and a row in README's target keys. This test holds every site folder to that.

const root = path.resolve(import.meta.dirname, "../..");
const sitesDir = path.join(root, "extension/sites");
const siteFolders = readdirSync(sitesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "generic")
  .map((entry) => entry.name);

/** The "Target keys" section of README.md, up to the next heading of the same level. */
const targetKeysSection = (() => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf("## Target keys");
  const end = readme.indexOf("\n## ", start + 1);
  return start < 0 ? "" : readme.slice(start, end < 0 ? undefined : end);
})();

describe("the site registry", () => {
  it("reads the site folders and README's target keys table", () => {
    expect(siteFolders).toEqual(expect.arrayContaining(["github", "gitlab", "jira", "confluence", "notion", "gdocs"]));
    expect(targetKeysSection).toContain("| site");
  });

  it("keeps the generic adapter last, as it takes any page", () => {
    expect(sites.at(-1)?.name).toBe("generic");
  });

  it.each(siteFolders)("%s has its files, is registered, has fixtures, contract cases and a documented key", (folder) => {
    expect(existsSync(path.join(sitesDir, folder, "site.ts"))).toBe(true);
    expect(existsSync(path.join(sitesDir, folder, "selectors.ts"))).toBe(true);
    expect(sites.map((site) => site.name)).toContain(folder);

    const fixtures = readdirSync(path.join(root, "test/fixtures", folder)).filter((file) => file.endsWith(".html"));
    expect(fixtures.length).toBeGreaterThanOrEqual(2);

    const cases = siteCases.filter((c) => c.site === folder);
    expect(cases.length).toBeGreaterThanOrEqual(1);
    for (const c of cases) {
      for (const file of [c.itemFixture, c.listFixture]) expect(existsSync(path.join(root, "test/fixtures", file)), file).toBe(true);
      const prefix = c.itemKey.slice(0, c.itemKey.indexOf(":") + 1);
      expect(targetKeysSection, `README's target keys table documents ${prefix}`).toContain(`| \`${prefix}`);
    }
  });

  it("registers no adapter without a folder", () => {
    for (const site of sites) {
      if (site.name !== "generic") expect(siteFolders).toContain(site.name);
    }
  });
});
