// What a tracker page says about its item (its title, its state as shown, its assignees), and what a state's words come to in any of the trackers' languages.
import type { TrackerStatus } from "../vocabulary";

/** What the tracker's own page shows for its item; empty where the page does not show it. */
export interface TrackerReading {
  title: string;
  /** The state as the page words it, in the page's language ("Closed", "已完成"). */
  state: string;
  /** Logins or display names, as the page shows them. */
  assignees: string[];
}

/** A site's reader: what it finds of the reading on an item page (the rest stays empty). */
export type TrackerReader = (doc: Document) => Partial<TrackerReading>;

/** At most this much of a title, and of any other text read. */
const maxText = 300;

/** An element's text on one line, trimmed, at most 300 characters (a textarea's value for an editable title). */
export function textOf(element: Element | null): string {
  if (!element) return "";
  const raw = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement ? element.value : element.textContent;
  return (raw ?? "").replace(/\s+/g, " ").trim().slice(0, maxText);
}

/** The text of the first element matching any selector, tried in order. */
export function readFirst(doc: ParentNode, selectors: readonly string[]): string {
  for (const selector of selectors) {
    const text = textOf(doc.querySelector(selector));
    if (text) return text;
  }
  return "";
}

/** The distinct texts of the elements the first matching selector finds, leaving out "nobody" wordings. */
export function readAll(doc: ParentNode, selectors: readonly string[], nobody: RegExp = nobodyAssigned): string[] {
  for (const selector of selectors) {
    const texts = [...doc.querySelectorAll(selector)].map((element) => textOf(element).replace(/^@/, "").slice(0, 100));
    const found = [...new Set(texts.filter((text) => text && !nobody.test(text)))];
    if (found.length > 0) return found.slice(0, 20);
  }
  return [];
}

/** How trackers say an item has nobody on it. */
const nobodyAssigned = /^(no one( assigned)?|none|unassigned|no assignee|assign yourself|未分配|无|暂无|未指派|无负责人|未设置)$/i;

// A state's words, in the order they are tried: "未完成" (not done) and "Reopened" are open before
// "完成" and "closed" are looked for; "Closed as completed" is closed, not done.
const statusWords: Array<[TrackerStatus, RegExp]> = [
  ["merged", /\bmerged\b|已合并/i],
  ["open", /未完成|未解决|未关闭|\bnot done\b|\bunresolved\b|\breopen/i],
  [
    "closed",
    /\bclosed?\b|\bcancell?ed\b|\bwon'?t (fix|do)\b|\bdeclined\b|\brejected\b|\bduplicate\b|\barchived\b|已关闭|已取消|已拒绝|已废弃|已归档|不修复|关闭/i,
  ],
  ["done", /\bdone\b|\bcompleted?\b|\bresolved\b|\bfixed\b|\breleased\b|\bshipped\b|已完成|已解决|已发布|已上线|已验收|完成/i],
];

/**
 * What a state's words come to. Any other wording a tracker shows (Jira's "In Review", a team's
 * own "待验证") is a state of work still going on: open. No words, no status.
 */
export function trackerStatus(state: string): TrackerStatus | null {
  const words = state.trim();
  if (!words) return null;
  return statusWords.find(([, pattern]) => pattern.test(words))?.[0] ?? "open";
}
