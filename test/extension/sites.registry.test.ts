import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageItemKeys, sites } from "../../shared/sites/adapters";
import { siteKeys, targetKeyForUrl, trackerMatches } from "../../shared/sites/keys";
import config from "../../wxt.config";
import { examplesByFolder, siteExamples } from "../shared/site-examples";
import { siteCases } from "./site-cases";

// Adding a site is one folder under shared/sites/ (key.ts, examples.ts, selectors.ts,
// adapter.ts), its saved pages under test/fixtures/, and its line in the site list (keys.ts)
// and in the adapter list. This test holds every site folder to that.

const root = path.resolve(import.meta.dirname, "../..");
const sitesDir = path.join(root, "shared/sites");
const siteFolders = readdirSync(sitesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** Trackers and docs sites; the generic folder takes any other page and has no saved pages. */
const trackerFolders = siteFolders.filter((folder) => folder !== "generic");

/** The "Target keys" section of README.md, up to the next heading of the same level. */
const targetKeysSection = (() => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf("## Target keys");
  const end = readme.indexOf("\n## ", start + 1);
  return start < 0 ? "" : readme.slice(start, end < 0 ? undefined : end);
})();

describe("the site registry", () => {
  it("reads the site folders and README's target keys table", () => {
    expect(siteFolders).toEqual(expect.arrayContaining(["github", "gitlab", "jira", "confluence", "notion", "gdocs", "generic"]));
    expect(targetKeysSection).toContain("| site");
  });

  it("keeps the generic site last, as it takes any page", () => {
    expect(siteKeys.at(-1)?.name).toBe("generic");
    expect(sites.at(-1)?.name).toBe("generic");
  });

  it("lists the adapters in the order of the site list, each reading URLs with its site's parser", () => {
    expect(sites.map((site) => site.name)).toEqual(siteKeys.map((keys) => keys.name));
    sites.forEach((site, index) => {
      expect(site.keyOf, site.name).toBe(siteKeys[index].keyOf);
    });
  });

  it("reads the key a page's URL names as the site list does, without loading it", () => {
    const urls = siteExamples.flatMap(({ examples }) => [
      ...examples.items.map(([url]) => url),
      ...examples.notItems,
      ...(examples.selfHosted ?? []).map(([url]) => url),
    ]);
    for (const url of urls) expect(pageItemKeys(url, document).at(-1), url).toBe(targetKeyForUrl(url));
  });

  it.each(siteFolders)("%s has its key, adapter and examples, and is in both lists", (folder) => {
    for (const file of ["key.ts", "adapter.ts", "examples.ts"]) expect(existsSync(path.join(sitesDir, folder, file)), file).toBe(true);
    expect(siteKeys.map((keys) => keys.name)).toContain(folder);
    expect(sites.map((site) => site.name)).toContain(folder);
    expect(examplesByFolder.get(folder)?.items.length ?? 0).toBeGreaterThan(0);
  });

  it.each(siteFolders)("%s/key.ts imports nothing but types, so that the Worker never loads an adapter", (folder) => {
    const source = readFileSync(path.join(sitesDir, folder, "key.ts"), "utf8");
    for (const line of source.split("\n").filter((text) => text.startsWith("import "))) expect(line).toMatch(/^import type /);
  });

  it.each(trackerFolders)("%s has selectors, fixtures, contract cases and a documented key", (folder) => {
    expect(existsSync(path.join(sitesDir, folder, "selectors.ts"))).toBe(true);

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

  it("gives every content script the site list's hosts, which the manifest also asks permission for", async () => {
    const script = (name: string) => ({ type: "content-script", name, options: {} as { matches?: string[] } });
    const entrypoints = [script("liaison"), script("liaison-capture"), { type: "background", name: "background", options: {} }];
    const resolved = (config.hooks as Record<string, unknown>)["entrypoints:resolved"] as (
      wxt: unknown,
      found: typeof entrypoints,
    ) => unknown;
    await resolved({}, entrypoints);
    expect(entrypoints.map((entrypoint) => (entrypoint.options as { matches?: string[] }).matches)).toEqual([
      [...trackerMatches],
      [...trackerMatches],
      undefined,
    ]);
  });

  it("registers no site without a folder", () => {
    for (const keys of siteKeys) expect(siteFolders).toContain(keys.name);
    for (const site of sites) expect(siteFolders).toContain(site.name);
  });
});
