// Reads a notes page's minutes: the per-site readers' tasks and decisions, plus plain lines and headings (Action:, TODO, 决议, 待办事项...), each with its owner, due date and the tracker items it names.
import { dayOfValue, titleDate, writtenDate } from "./dates";
import type { MinutesKind, MinutesReading, ReadItem } from "./items";
import { dateSelector, type FoundItem, mentionSelector, siteReaders } from "./readers";

const actionMarker =
  /^\s*(?:[-*•·]\s*)?(?:\[\s?\]\s*)?(?:(?:action(?:\s+items?)?|AI|follow[- ]?up|to-?do|待办(?:事项)?|行动项|跟进(?:事项)?)\s*[:：]|TODO\b\s*[:：]?)\s*/i;
const decisionMarker = /^\s*(?:[-*•·]\s*)?(?:decision|decided|决定|决议|结论|决策)\s*[:：]\s*/i;
const actionHeading =
  /^(?:action\s+items?|actions|next\s+steps|follow[- ]?ups?|to-?dos?|tasks|待办事项|待办|行动项|后续行动|跟进事项|任务)\s*[:：]?$/i;
const decisionHeading = /^(?:decisions?(?:\s+made)?|key\s+decisions|决议|决定|决策|结论|决议事项)\s*[:：]?$/i;
const headingTags = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Lines the plain reader looks at: list items, paragraphs, headings and the text blocks of block editors. */
const lineSelector =
  "h1, h2, h3, h4, h5, h6, [role=heading], li, p, .notion-text-block, .notion-header-block, .notion-sub_header-block, [data-block-type='text'], [data-block-type='heading1'], [data-block-type='heading2'], [data-block-type='heading3']";

/**
 * An element's text as lines read (whitespace runs as one space, nested lists left out), once
 * whole and once without the `chip` elements (the owner's mention, the date): both in one walk.
 */
function lineTexts(element: Element, chip: (element: Element) => boolean, hasChips: boolean): { line: string; rest: string } {
  let line = "";
  let rest = "";
  const walk = (node: Node, inChip: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += (child as Text).data;
        if (!inChip) rest += (child as Text).data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.localName;
        if (tag === "ul" || tag === "ol" || tag === "script" || tag === "style" || tag === "input") {
          line += " ";
          rest += " ";
          continue;
        }
        if (tag === "br" || tag === "div" || tag === "p") {
          line += " ";
          rest += " ";
        }
        const skip = inChip || chip(el);
        if (skip && !inChip) rest += " ";
        walk(el, skip);
      }
    }
  };
  walk(element, false);
  const tidySpaces = (value: string) => value.replace(/[\s\u200b\u00ad]+/g, " ").trim();
  const whole = tidySpaces(line);
  return { line: whole, rest: hasChips ? tidySpaces(rest) : whole };
}

/** The first words of an element's text, without reading all of a long paragraph. */
function leadingText(element: Element, length: number): string {
  // Most lines start with their words.
  const first = element.firstChild;
  if (first?.nodeType === 3 && (first as Text).data.length >= length * 2) return (first as Text).data.trimStart().slice(0, length);
  let out = "";
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && out.trimStart().length < length; node = walker.nextNode()) out += (node as Text).data;
  return out.trimStart().slice(0, length);
}

const spaces = /\s{2,}|[^\S ]/g;
const edges = /^[\s:：,，;；\-–—·•]+|[\s:：,，;；\-–—·•(（]+$/g;
const leadingWords = /^(?:to|will|shall|负责|将)\s+/i;
const trailingWords = /\s+(?:by|before|due|on|until)$/i;
/** An opening bracket left at the end, with the spaces before it (a closed one stays). */
const openBracketAtEnd = /[\s(（]+$/;

/** Takes the owner's and date's words and connecting words out of a line: what is left is the task. */
function tidy(text: string): string {
  const out = text.replace(spaces, " ").replace(edges, "").replace(leadingWords, "").replace(trailingWords, "");
  return out.replace(openBracketAtEnd, "").trim();
}

const bareKey = /\b[A-Z][A-Z0-9_]{1,15}-\d{1,7}\b|\b[\w.-]+\/[\w.-]+#\d+\b/g;
const typedOwner = /(?:^|[\s(（,，:：])@([\p{L}\p{N}._-]+(?:\s[\p{Lu}][\p{L}.-]+)?)/u;

/** Reads one found element into an item: owner, date, links, and the text left (and the element, for its quote). */
function readItem(found: FoundItem, reader: string, pageDate: string): (ReadItem & { element: Element }) | null {
  const { element } = found;
  const mention = found.text ? null : element.querySelector(mentionSelector);
  const chip = found.text ? null : element.querySelector(dateSelector);
  const chips =
    mention || chip
      ? (el: Element) => el === mention || el === chip || el.matches(mentionSelector) || el.matches(dateSelector)
      : () => false;
  const texts = found.text === undefined ? lineTexts(element, chips, Boolean(mention || chip)) : { line: found.text, rest: found.text };
  const line = texts.line;
  if (!line) return null;
  let text = texts.rest;
  let owner: string | null = null;
  let ownerHandle: string | null = null;
  if (mention) {
    owner = (mention.textContent ?? "").replace(/\s+/g, " ").trim().replace(/^@/, "") || null;
    ownerHandle = mention.getAttribute("data-username") ?? mention.getAttribute("data-hovercard-url")?.split("/")[2] ?? null;
  } else if (text.includes("@")) {
    const typed = typedOwner.exec(text);
    if (typed) {
      owner = typed[1];
      text = text.replace(`@${typed[1]}`, " ");
    }
  }
  let due =
    found.kind === "action" && chip
      ? dayOfValue(chip.getAttribute("datetime") ?? chip.getAttribute("data-timestamp") ?? chip.getAttribute("data-date"))
      : null;
  if (due) text = text.replace(/\b(?:due|by|before|on|until)\s*$/i, "").replace(/(?:截止(?:日期)?|之?前)\s*[:：]?\s*$/, "");
  else if (found.kind === "action") {
    const written = writtenDate(text, pageDate);
    if (written) {
      due = written.due;
      text = text.replace(written.phrase, " ");
    }
  }
  text = tidy(text.replace(found.kind === "decision" ? decisionMarker : actionMarker, ""));
  const refs = new Set<string>();
  if (!found.text) for (const link of element.querySelectorAll("a[href]")) if (link !== mention) refs.add((link as HTMLAnchorElement).href);
  for (const key of line.match(bareKey) ?? []) refs.add(key);
  return {
    kind: found.kind,
    text: text || tidy(line),
    line,
    owner,
    ownerHandle,
    due,
    checked: found.checked,
    refs: [...refs],
    reader,
    element,
  };
}

/** The level of a block editor's heading (Notion, Feishu) or an ARIA heading; 0 for any other block. */
function headingLevel(element: Element): number {
  if (element.getAttribute("role") === "heading") return Number(element.getAttribute("aria-level") ?? 2);
  return /heading\d|header/.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("data-block-type") ?? ""}`) ? 2 : 0;
}

/** The plain reader: lines with a marker, and list items under a Decisions or Action items heading. */
function plainItems(root: ParentNode, taken: (element: Element) => boolean): FoundItem[] {
  const found: FoundItem[] = [];
  let section: { kind: MinutesKind; level: number } | null = null;
  for (const element of root.querySelectorAll(lineSelector)) {
    const tag = element.localName;
    const level = headingTags.has(tag) ? Number(tag[1]) : tag === "li" || tag === "p" ? 0 : headingLevel(element);
    if (level > 0) {
      const title = (element.textContent ?? "").replace(/\s+/g, " ").trim();
      const kind = actionHeading.test(title) ? "action" : decisionHeading.test(title) ? "decision" : null;
      if (kind) section = { kind, level };
      else if (section && level <= section.level) section = null;
      continue;
    }
    if (taken(element)) continue;
    const text = leadingText(element, 40);
    const marked = decisionMarker.test(text) ? "decision" : actionMarker.test(text) ? "action" : null;
    const kind = marked ?? (section && tag === "li" ? section.kind : null);
    if (!kind) continue;
    // A paragraph inside a list item is the item's own line.
    if (tag !== "li" && element.closest("li")) continue;
    found.push({ kind, element, checked: false });
  }
  return found;
}

/** Marks each item with the reader that found it (the items are the reader's own, fresh: marked in place). */
function withReader(items: FoundItem[], reader: string): Array<FoundItem & { reader: string }> {
  for (const item of items) (item as FoundItem & { reader: string }).reader = reader;
  return items as Array<FoundItem & { reader: string }>;
}

const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & 4) !== 0;

/** A reader's items cut where the page's order breaks (Confluence lists its tasks, then its decisions). */
function inOrderRuns<T extends { element: Element }>(items: T[]): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    if (run && before(run[run.length - 1].element, item.element)) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Runs each in the page's order, merged into one: a few comparisons per item, not a sort's. */
function mergeRuns<T extends { element: Element }>(runs: T[][]): T[] {
  const live = runs.filter((run) => run.length > 0);
  if (live.length <= 1) return live[0] ?? [];
  const heads = live.map(() => 0);
  const out: T[] = [];
  for (;;) {
    let pick = -1;
    for (let r = 0; r < live.length; r++) {
      if (heads[r] >= live[r].length) continue;
      if (pick < 0 || before(live[r][heads[r]].element, live[pick][heads[pick]].element)) pick = r;
    }
    if (pick < 0) return out;
    out.push(live[pick][heads[pick]++]);
  }
}

/** The page's title as the meeting's: its heading, else the document's title without the site's name. */
function pageTitle(doc: Document): string {
  const heading = doc.querySelector("#title-text, [data-testid='title-text'], .notion-page-block h1, h1");
  const text = (heading?.textContent ?? "").replace(/\s+/g, " ").trim();
  if (text && text.length <= 200) return text;
  return (doc.title.split(/\s+[-–|·]\s+/)[0] ?? "").trim().slice(0, 200) || doc.title.slice(0, 200);
}

/**
 * Whether an element is, is inside or holds an item a site's reader found (the plain reader
 * leaves those be, and the lists and wrappers around them): a set of the items, not a selector
 * matched up and down from every line.
 */
function structuredItems(found: ReadonlyArray<ReadonlyArray<{ element: Element }>>): (element: Element) => boolean {
  const items = new Set(found.flatMap((run) => run.map((item) => item.element)));
  const holders = new Set<Element>();
  for (const item of items) for (let up = item.parentElement; up && !holders.has(up); up = up.parentElement) holders.add(up);
  return (element) => {
    if (holders.has(element)) return true;
    for (let up: Element | null = element; up; up = up.parentElement) if (items.has(up)) return true;
    return false;
  };
}

/** Reads the minutes on a page; `today` (YYYY-MM-DD) stands in for a page with no date of its own. */
export function readMinutes(doc: Document, today: string): MinutesReading<{ element: Element }> {
  const root = doc.body ?? doc.documentElement;
  const title = pageTitle(doc);
  const runs: Array<Array<FoundItem & { reader: string }>> = [];
  let siteDate: string | null = null;
  for (const reader of siteReaders) {
    const items = reader.items(root);
    runs.push(...inOrderRuns(withReader(items, reader.site)));
    if (items.length > 0 && !siteDate) siteDate = dayOfValue(reader.date?.(root));
  }
  const taken = structuredItems(runs);
  runs.push(withReader(plainItems(root, taken), "lines"));
  // In the page's order, whichever reader found them.
  const found = mergeRuns(runs);
  const date =
    siteDate ??
    titleDate(title, today) ??
    dayOfValue(doc.querySelector("meta[property='article:published_time'], meta[itemprop='datePublished']")?.getAttribute("content")) ??
    today;
  const items: Array<ReadItem & { element: Element }> = [];
  for (const item of found) {
    const read = readItem(item, item.reader, date);
    if (read) items.push(read);
  }
  return { title: title || date, date, items };
}
