// Every site's examples.ts, read from its folder, in the order of the site list.
import { siteKeys } from "../../shared/sites/keys";
import type { SiteExamples } from "../../shared/sites/site-examples";

const found = import.meta.glob<SiteExamples>("../../shared/sites/*/examples.ts", { eager: true, import: "examples" });

/** The examples of each folder under shared/sites/ that has them, by folder name. */
export const examplesByFolder = new Map(Object.entries(found).map(([file, examples]) => [file.split("/").at(-2) ?? file, examples]));

const none: SiteExamples = { items: [], notItems: [], pages: [] };

/** Each site of the list with its examples (the registry test fails a site that has none). */
export const siteExamples = siteKeys.map((keys) => ({ keys, examples: examplesByFolder.get(keys.name) ?? none }));
