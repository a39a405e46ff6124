// GitLab: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { IssueDraft, SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";

/**
 * GitLab issues and work items: `gitlab:{host}/{full/path}#{iid}`; merge requests:
 * `gitlab:{host}/{full/path}!{iid}` (GitLab's own reference syntax). Paths are lower-cased, as
 * GitLab resolves them case-insensitively. A self-hosted instance may live under a sub-path
 * (`/gitlab/acme/app/-/issues/3`): the sub-path stays in the key, so the key still opens.
 */
const itemPath = /^\/(.+?)\/-\/(issues(?:\/incident)?|work_items|merge_requests)\/(\d+)(?:\/|$)/;
/** GitLab 12 and earlier (before 2020), and links they left: no `/-/` (`/acme/app/merge_requests/41`). */
const legacyItemPath = /^\/(.+?)\/(issues|merge_requests)\/(\d+)(?:\/|$)/;
const fullPath = /^[\w.-]+(?:\/[\w.-]+)+$/;

export function gitlabKey(url: UrlParts, options: { selfHosted?: boolean } = {}): string | null {
  const host = url.host.toLowerCase();
  if (host !== "gitlab.com" && !options.selfHosted) return null;
  const drawer = drawerItem(url);
  if (drawer) return `gitlab:${host}${drawer}`;
  const path = url.pathname.toLowerCase();
  const match = itemPath.exec(path) ?? legacyPath(path);
  // Group-level work items (epics) have no project; Liaison names project items only.
  if (!match || /^(?:.*\/)?groups\//.test(match[1])) return null;
  return `gitlab:${host}/${match[1]}${match[2] === "merge_requests" ? "!" : "#"}${Number(match[3])}`;
}

/** Project pages whose paths may go on with `issues/5`: a file or wiki page of that name is no item. */
const legacyPages = new Set(["-", "blob", "tree", "raw", "blame", "commits", "commit", "wikis", "compare", "edit"]);

/** A legacy item path: a project of a namespace at least (`acme/app`), never a page of a project. */
function legacyPath(path: string): RegExpExecArray | null {
  const match = legacyItemPath.exec(path);
  return match?.[1].includes("/") && !match[1].split("/").some((segment) => legacyPages.has(segment)) ? match : null;
}

/**
 * Lists open an item in a drawer and keep their own URL, adding `?show=` with base64 JSON
 * `{"iid":"5","full_path":"acme/app","id":123}` (seen 2026-11 on issue and work item lists).
 */
function drawerItem(url: UrlParts): string | null {
  const show = url.searchParams.get("show");
  if (!show) return null;
  let item: { iid?: unknown; full_path?: unknown };
  try {
    item = JSON.parse(atob(show));
  } catch {
    return null;
  }
  const iid = String(item?.iid ?? "");
  const path = String(item?.full_path ?? "").toLowerCase();
  if (!/^\d+$/.test(iid) || !fullPath.test(path)) return null;
  const listPath = url.pathname.toLowerCase();
  const sigil = /\/merge_requests(?:\/|$)/.test(listPath) ? "!" : "#";
  return `${relativeRoot(listPath, path)}/${path}${sigil}${Number(iid)}`;
}

/** The sub-path a self-hosted GitLab runs under, read off a list URL ("" on gitlab.com). */
function relativeRoot(listPath: string, projectPath: string): string {
  for (const marker of [`/${projectPath}/-/`, "/groups/", "/dashboard/"]) {
    const at = listPath.indexOf(marker);
    if (at >= 0) return listPath.slice(0, at);
  }
  return "";
}

function gitlabUrl(key: string): string | null {
  const match = /^gitlab:([^/]+)\/(.+)([#!])(\d+)$/.exec(key);
  if (!match) return null;
  return `https://${match[1]}/${match[2]}/-/${match[3] === "!" ? "merge_requests" : "issues"}/${match[4]}`;
}

/** A new issue in the project of an issue or merge request (on its own host and sub-path). */
function gitlabNewIssue(key: string, draft: IssueDraft): string | null {
  const match = /^gitlab:([^/]+)\/(.+)[#!]\d+$/.exec(key);
  if (!match) return null;
  return `https://${match[1]}/${match[2]}/-/issues/new?issue[title]=${encodeURIComponent(draft.title)}&issue[description]=${encodeURIComponent(draft.body)}`;
}

export const gitlabKeys: SiteKeys = {
  name: "gitlab",
  prefix: "gitlab",
  matches: ["https://gitlab.com/*"],
  keyOf: gitlabKey,
  urlOf: gitlabUrl,
  newIssueUrl: gitlabNewIssue,
};
