import { gitlabKey } from "../../../shared/targets/gitlab";
import type { UrlParts } from "../../../shared/targets/url-parts";
import { firstMatch, rowsFromLinks, type SiteAdapter } from "../types";
import { gitlabPageId, gitlabPageSelectors, rowLinkSelectors, rowSelector, titleSelectors } from "./selectors";

/** Self-hosted GitLab runs on any host: the page says it is GitLab. */
const isGitLabPage = (doc: Document) =>
  firstMatch(doc, gitlabPageSelectors) !== null || gitlabPageId.test(doc.body?.getAttribute("data-page") ?? "");

// Tried on: https://gitlab.com/gitlab-org/gitlab/-/issues/345678, .../-/work_items/17,
// https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456/diffs, .../-/issues?show=eyJpaWQiOiI1Ii...,
// https://git.example.org/gitlab/acme/checkout/-/merge_requests/41 (self-hosted under a sub-path)
/** One parser for every list, so that the keys of links already read are remembered. */
const selfHostedKey = (target: UrlParts) => gitlabKey(target, { selfHosted: true });

export const gitlab: SiteAdapter = {
  name: "gitlab",
  detect: (url, doc) => url.hostname === "gitlab.com" || isGitLabPage(doc),
  itemKey: (url, doc) => gitlabKey(url, { selfHosted: isGitLabPage(doc) }),
  chipAnchor: (doc) => firstMatch(doc, titleSelectors),
  rows: (doc, url) => rowsFromLinks(doc, rowLinkSelectors, rowSelector, url, selfHostedKey),
};
