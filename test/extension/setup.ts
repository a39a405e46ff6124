import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fakeBrowser } from "wxt/testing/fake-browser";

// Components read their strings from the real English catalogue, as the browser would.
const catalogue = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../extension/public/_locales/en/messages.json"), "utf8"),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const entry = catalogue[key];
  if (!entry) return "";
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? "";
    return values[Number(content.slice(1)) - 1] ?? "";
  });
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => "en-US";
