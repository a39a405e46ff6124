// Liaison's strings in the user's language (the browser's, or one chosen in options), and how days are written.
import { browser } from "wxt/browser";
// Types only: the page-start script must not carry the catalogue, which content scripts get from the background.
import type english from "../public/_locales/en/messages.json";

/** A message in Liaison's catalogues; a key missing from them is a type error. */
export type MessageKey = keyof typeof english;

// Each lookup is a call into the extension API; a 500-row page asks for the same few strings 1,000 times.
const cache = new Map<string, string>();

export const uiLanguages = ["en", "zh_CN"] as const;
export type UiLanguage = (typeof uiLanguages)[number];
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
type Override = { language: UiLanguage; catalogue: Catalogue };

/** The catalogue of the language chosen in options, when it is not the browser's. */
let override: Override | null = null;
/** The browser's language's own catalogue, loaded ahead by content scripts (see `loadPageCatalogue`). */
let preloaded: Catalogue | null = null;

function fromCatalogue(catalogue: Catalogue, key: string, substitutions?: string | string[]): string | undefined {
  const entry = catalogue[key];
  if (!entry) return undefined;
  const values = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? "";
    return values[Number(content.slice(1)) - 1] ?? "";
  });
}

/**
 * Applies the language chosen in Liaison's options (kept in storage.local, readable by content
 * scripts too). `load` fetches a catalogue: pages read the extension's own file; content scripts
 * ask the background, since extension files are not exposed to web pages.
 */
export async function applyLanguagePreference(load: (language: UiLanguage) => Promise<Catalogue>): Promise<void> {
  const { uiLanguage } = (await browser.storage.local.get("uiLanguage")) as { uiLanguage?: string };
  if (!uiLanguages.includes(uiLanguage as UiLanguage)) return;
  override = { language: uiLanguage as UiLanguage, catalogue: await load(uiLanguage as UiLanguage) };
  cache.clear();
}

/**
 * For content scripts: the catalogue of the language Liaison shows on pages (the one chosen in
 * options, else the browser's), fetched through `load` before anything is drawn. On a web page
 * the first chrome.i18n lookup blocks the page's main thread on a synchronous request to the
 * browser for the whole catalogue (5 to 20 ms, Chromium 2026-11); asked for asynchronously,
 * the same catalogue costs the page nothing while the overlay waits for its data anyway.
 */
export async function loadPageCatalogue(load: (language: UiLanguage) => Promise<Catalogue>): Promise<void> {
  // Asked for at once, while the preference is read: most people keep the browser's language.
  const browsersLanguage = catalogueLanguage(browserLanguage());
  const browsers = load(browsersLanguage);
  browsers.catch(() => {});
  await applyLanguagePreference((language) => (language === browsersLanguage ? browsers : load(language)));
  if (override) return;
  preloaded = await browsers;
  cache.clear();
}

/** The catalogues this content script loaded, for the rest of Liaison on the page (lib/page-parts.ts), which shares no module with it. */
export interface PageCatalogues {
  override: Override | null;
  preloaded: Catalogue | null;
}

export function pageCatalogues(): PageCatalogues {
  return { override, preloaded };
}

export function usePageCatalogues(loaded: PageCatalogues): void {
  override = loaded.override;
  preloaded = loaded.preloaded;
  cache.clear();
}

/** The catalogue Chrome itself picks for a browser language: the exact locale, else its language, else English (the default). */
export function catalogueLanguage(browserLanguage: string): UiLanguage {
  const locale = browserLanguage.replace("-", "_");
  const found = uiLanguages.find((language) => language.toLowerCase() === locale.toLowerCase());
  if (found) return found;
  return uiLanguages.find((language) => language === locale.split("_")[0]) ?? "en";
}

export async function loadCatalogue(language: UiLanguage): Promise<Catalogue> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as "/options.html"));
  return (await response.json()) as Catalogue;
}

/** A localized UI string from _locales (English or Simplified Chinese, per the browser's language). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const cacheKey = substitutions === undefined ? key : `${key}\u0000${([] as string[]).concat(substitutions).join("\u0000")}`;
  let text = cache.get(cacheKey);
  if (text === undefined) {
    text =
      (override && fromCatalogue(override.catalogue, key, substitutions)) ||
      (preloaded && fromCatalogue(preloaded, key, substitutions)) ||
      browser.i18n.getMessage(key as never, substitutions) ||
      key;
    if (cache.size > 2000) cache.clear();
    cache.set(cacheKey, text);
  }
  return text;
}

/** The browser's UI language, as a BCP 47 tag. */
function browserLanguage(): string {
  return browser.i18n.getUILanguage?.() || navigator.language || "en";
}

export function uiLocale(): string {
  if (override) return override.language.replace("_", "-");
  return browserLanguage();
}

/** A due date as people read it in their language; dates are calendar days, not instants. */
export function formatDay(isoDay: string, locale = uiLocale()): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  // One formatter per locale: building one per call costs more than the rest of a list row.
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
