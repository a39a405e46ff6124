import { readFileSync } from "node:fs";
import path from "node:path";

const corpus = path.resolve(import.meta.dirname, "../../fixtures/anchoring");

/** Replaces the test document's body with a page of the anchoring corpus. */
export function loadPage(file: string, doc: Document = document): HTMLElement {
  return loadHtml(readFileSync(path.join(corpus, file), "utf8"), doc);
}

export function loadHtml(html: string, doc: Document = document): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const body = doc.importNode(parsed.body, true);
  doc.body.replaceWith(body);
  return body;
}
