// GitLab: its DOM adapter, which reads a page: the item it shows, where the chip goes, its list rows.
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../adapter-kit";
import type { UrlParts } from "../url-parts";
import { gitlabKey } from "./key";
import { gitlabPageId, gitlabPageSelectors, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

/** Self-hosted GitLab runs on any host: the page says it is GitLab. */
const isGitLabPage = (doc: Document) =>
  firstMatch(doc, gitlabPageSelectors) !== null || gitlabPageId.test(doc.body?.getAttribute("data-page") ?? "");

/** One parser for every list, so that the keys of links already read are remembered. */
const selfHostedKey = (target: UrlParts) => gitlabKey(target, { selfHosted: true });

export const gitlab: SiteAdapter = {
  name: "gitlab",
  keyOf: gitlabKey,
  detect: (url, doc) => url.hostname === "gitlab.com" || isGitLabPage(doc),
  itemKey: (url, doc) => gitlabKey(url, { selfHosted: isGitLabPage(doc) }),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, selfHostedKey),
};
