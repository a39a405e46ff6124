/**
 * Any other page: `url:{origin}{path}` with the host lower-cased and the query and fragment
 * dropped, so tracking parameters and anchors do not split one page into many.
 */
export function pageUrlKey(url: URL): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return `url:${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
}

export function pageUrlFromKey(key: string): string | null {
  return key.startsWith("url:http") ? key.slice(4) : null;
}
