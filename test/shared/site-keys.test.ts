import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { targetKeySchema } from "../../shared/entities";
import { siteKeys, targetKey, targetKeyForUrl, trackerMatches, urlForTargetKey } from "../../shared/sites/keys";
import { siteExamples } from "./site-examples";

// Every site's key descriptor against its own examples: the URLs that name an item, the pages
// that name none, and the self-hosted pages; each key opens again by the URL built from it.

/** Does a URL fall under a content-script match pattern (`https://*.host/path*`)? */
function matchesPattern(href: string, pattern: string): boolean {
  const parts = /^(https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`not a match pattern: ${pattern}`);
  const url = new URL(href);
  const [, scheme, host, pathGlob] = parts;
  const hostOk =
    host === "*" ||
    (host.startsWith("*.") ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  const pathPattern = new RegExp(`^${pathGlob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`);
  return url.protocol === `${scheme}:` && hostOk && pathPattern.test(url.pathname + url.search);
}

describe.each(siteExamples)("the $keys.name keys", ({ keys, examples }) => {
  it.each(examples.items)("%s is %s", (url, key) => {
    expect(targetKeyForUrl(url)).toBe(key);
    expect(key.startsWith(`${keys.prefix}:`)).toBe(true);
  });

  it.each(examples.items)("%s: its key %s round-trips through its URL", (_, key) => {
    const url = urlForTargetKey(key);
    expect(url).not.toBeNull();
    expect(keys.urlOf(key)).toBe(url);
    expect(targetKeyForUrl(url as string)).toBe(key);
    expect(targetKeySchema.safeParse(key).success).toBe(true);
  });

  it.each(examples.notItems)("%s names no tracker item", (url) => {
    expect(targetKeyForUrl(url)).toMatch(/^url:/);
  });

  it.each(examples.selfHosted ?? [])("%s is %s only when the page says it is self-hosted", (url, key) => {
    expect(targetKeyForUrl(url)).toMatch(/^url:/);
    expect(keys.keyOf(new URL(url))).toBeNull();
    expect(keys.keyOf(new URL(url), { selfHosted: true })).toBe(key);
    if (key === null) return;
    const opened = keys.urlOf(key);
    expect(opened).not.toBeNull();
    expect(keys.keyOf(new URL(opened as string), { selfHosted: true })).toBe(key);
    expect(targetKeySchema.safeParse(key).success).toBe(true);
  });

  it("runs on the hosts of its items, and builds URLs for its own keys only", () => {
    for (const [url, key] of examples.items) {
      if (keys.matches.length > 0)
        expect(
          keys.matches.some((pattern) => matchesPattern(url, pattern)),
          url,
        ).toBe(true);
      for (const other of siteKeys) if (other !== keys) expect(other.urlOf(key), `${other.name} on ${key}`).toBeNull();
    }
    for (const pattern of keys.matches) expect(trackerMatches).toContain(pattern);
  });
});

describe("the site list", () => {
  it("refuses what is not a web page", () => {
    expect(targetKeyForUrl("not a url")).toBeNull();
    expect(targetKeyForUrl("chrome://extensions")).toBeNull();
    expect(targetKeyForUrl("file:///etc/passwd")).toBeNull();
  });

  it("gives each site a prefix of its own, which the key pattern takes and nothing else", () => {
    const prefixes = siteKeys.map((site) => site.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) {
      expect(prefix).toMatch(/^[a-z]+$/);
      expect(targetKey.test(`${prefix}:x`)).toBe(true);
    }
    expect(targetKey.test("nope:x")).toBe(false);
    expect(targetKey.test("github:")).toBe(false);
    expect(targetKey.test(`github:${"x".repeat(2041)}`)).toBe(false);
  });

  it("asks for the host matches of its sites, each once", () => {
    expect(trackerMatches).toEqual(
      expect.arrayContaining(["https://github.com/*", "https://*.atlassian.net/*", "https://docs.google.com/document/*"]),
    );
    expect(new Set(trackerMatches).size).toBe(trackerMatches.length);
  });
});

/** The rows of README's "Target keys" table: each page URL written out in full, and the key. */
const readmeRows = (() => {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const start = readme.indexOf("## Target keys");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return section
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*-/.test(line) && !line.startsWith("| site"))
    .map((line) => {
      const [site, urls, key] = line.split(" | ");
      const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
      return { site: site.replace(/^\|\s*/, "").trim(), urls: code(urls).filter((url) => /^https?:\/\//.test(url)), key: code(key)[0] };
    });
})();

describe("README's target keys table", () => {
  it("has a row for every site", () => {
    expect(readmeRows.length).toBeGreaterThanOrEqual(siteKeys.length);
    for (const site of siteKeys)
      expect(
        readmeRows.some((row) => row.key?.startsWith(`${site.prefix}:`)),
        site.name,
      ).toBe(true);
  });

  it.each(readmeRows)("$site: the URL gives the key the table says, and is one of the site's examples", ({ urls, key }) => {
    expect(urls.length).toBeGreaterThan(0);
    const site = siteKeys.find((keys) => key.startsWith(`${keys.prefix}:`));
    expect(site).toBeDefined();
    const examples = siteExamples.find((entry) => entry.keys === site)?.examples;
    for (const url of urls) {
      const fromUrl = targetKeyForUrl(url);
      // Self-hosted rows: the URL alone names the page; the page says which tracker it is.
      const read = fromUrl?.startsWith(`${site?.prefix}:`) ? fromUrl : site?.keyOf(new URL(url), { selfHosted: true });
      expect(read, url).toBe(key);
      const listed = [...(examples?.items ?? []), ...(examples?.selfHosted ?? [])].some(([example]) => example === url);
      expect(listed, `${url} is in ${site?.name}/examples.ts`).toBe(true);
    }
  });
});
