import { browser } from "wxt/browser";

// Each lookup is a call into the extension API; a 500-row page asks for the same few strings 1,000 times.
const cache = new Map<string, string>();

/** A localized UI string from _locales (English or Simplified Chinese, per the browser's language). */
export function t(key: string, substitutions?: string | string[]): string {
  const cacheKey = substitutions === undefined ? key : `${key}\u0000${([] as string[]).concat(substitutions).join("\u0000")}`;
  let text = cache.get(cacheKey);
  if (text === undefined) {
    text = browser.i18n.getMessage(key as never, substitutions) || key;
    if (cache.size > 2000) cache.clear();
    cache.set(cacheKey, text);
  }
  return text;
}

export function uiLocale(): string {
  return browser.i18n.getUILanguage?.() || navigator.language || "en";
}

/** A due date as people read it in their language; dates are calendar days, not instants. */
export function formatDay(isoDay: string, locale = uiLocale()): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
}

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
