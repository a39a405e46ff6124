/**
 * Every site adapter's saved pages, with what Liaison must find on them: the `pages` of each
 * site's examples.ts. The contract test runs the same checks on each row; the registry test
 * makes sure every site folder has one.
 */
import type { SiteCapture, SitePage } from "../../shared/sites/site-examples";
import { siteExamples } from "../shared/site-examples";

export interface SiteCase extends SitePage {
  /** The adapter's name, which is also its folder under shared/sites/ and test/fixtures/. */
  site: string;
}

export const siteCases: SiteCase[] = siteExamples.flatMap(({ keys, examples }) =>
  examples.pages.map((page) => ({ site: keys.name, ...page })),
);

export interface CaptureCase extends SiteCapture {
  site: string;
}

/** Every site's saved pages of the versions teams run (the `captures` of its examples.ts). */
export const captureCases: CaptureCase[] = siteExamples.flatMap(({ keys, examples }) =>
  (examples.captures ?? []).map((capture) => ({ site: keys.name, ...capture })),
);
