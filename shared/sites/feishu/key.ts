// Feishu and Lark: URL to target key and back, and where Liaison runs (pure: the Worker reads it too).
import type { SiteKeys } from "../site-keys";
import type { UrlParts } from "../url-parts";
/**
 * Feishu and Lark documents: `feishu:{host}/{docx|wiki|docs|sheets|base}/{token}`; a Base
 * record adds its id (`.../base/{appToken}/{record}`). A wiki node token differs from the token
 * of the document it shows, so the same document can have two keys; Liaison keeps the URL's.
 */
export const isFeishuHost = (hostname: string) =>
  /(?:^|\.)(?:feishu\.cn|feishu\.net|larksuite\.com|larkoffice\.com)$/.test(hostname.toLowerCase());

// Tokens are long (27 characters seen); the length keeps /wiki/space/{id} and /wiki/settings out.
const documentPath = /^\/(docx|wiki|docs|sheets|base)\/([A-Za-z0-9]{16,})(?:\/|$)/;

export function feishuKey(url: UrlParts): string | null {
  const host = url.host.toLowerCase();
  if (!isFeishuHost(url.hostname)) return null;
  const match = documentPath.exec(url.pathname);
  if (!match) return null;
  const record = match[1] === "base" ? url.searchParams.get("record") : null;
  return `feishu:${host}/${match[1]}/${match[2]}${record && /^[A-Za-z0-9]+$/.test(record) ? `/${record}` : ""}`;
}

function feishuUrl(key: string): string | null {
  const match = /^feishu:([^/]+)\/(docx|wiki|docs|sheets|base)\/([A-Za-z0-9]+)(?:\/([A-Za-z0-9]+))?$/.exec(key);
  if (!match || (match[4] && match[2] !== "base")) return null;
  return `https://${match[1]}/${match[2]}/${match[3]}${match[4] ? `?record=${match[4]}` : ""}`;
}

export const feishuKeys: SiteKeys = {
  name: "feishu",
  prefix: "feishu",
  matches: ["https://*.feishu.cn/*", "https://*.feishu.net/*", "https://*.larksuite.com/*", "https://*.larkoffice.com/*"],
  keyOf: feishuKey,
  urlOf: feishuUrl,
};
