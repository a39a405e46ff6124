// Where each notes site keeps its tasks and decisions: per-site readers of the structured forms (task lists, decision lists, to-do blocks), each selector dated.

import type { MinutesKind } from "./items";

/** One task or decision a reader found, by its element; `text` for pages whose words are not in the element's text (a canvas's labels). */
export interface FoundItem {
  kind: MinutesKind;
  element: Element;
  checked: boolean;
  text?: string;
}

interface MinutesReader {
  /** The site, as the import lists it. */
  site: string;
  /** Its task and decision elements, in the page's order. */
  items(root: ParentNode): FoundItem[];
  /** The meeting's date as the page shows it, when the site has a place for it. */
  date?(root: ParentNode): string | null;
}

const isChecked = (element: Element, ...selectors: string[]) =>
  selectors.some((selector) => element.matches(selector) || element.querySelector(selector) !== null);

/** The elements matching a selector, in the page's order. */
function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/**
 * Leaves out the wrappers of an item's own element that carry the same attribute (Confluence
 * Cloud's renderer wraps each task in a list item marked like it). In the page's order, a
 * wrapper is followed at once by the element it holds.
 */
const innermost = (elements: Element[], attribute: string) =>
  elements.filter((element, i) => {
    const next = elements[i + 1];
    return !(next && element.hasAttribute(attribute) && next.hasAttribute(attribute) && element.contains(next));
  });

/**
 * Confluence Server and Data Center (view mode of `ac:task-list`, seen on wiki.hyperledger.org 2022-11),
 * and Confluence Cloud's renderer (`taskItem`/`decisionItem` nodes of the Atlassian Document Format:
 * `TaskList`/`TaskItem`/`DecisionList` of `@atlaskit/task-decision` and the renderer's nodes, 2026-11).
 */
const confluence: MinutesReader = {
  site: "confluence",
  items: (root) => [
    // The renderer wraps each task's own element (with its state) in a list item of the same attribute: the innermost counts.
    ...innermost(all(root, "ul.inline-task-list > li, [data-task-local-id]"), "data-task-local-id").map((element) => ({
      kind: "action" as const,
      element,
      // Cloud's renderer says it with the task's own checkbox, the first in it (its editor and copied
      // HTML in the task's state); Server in a class (or a status attribute in some versions).
      checked: element.hasAttribute("data-task-state")
        ? element.getAttribute("data-task-state") === "DONE"
        : element.classList.contains("checked") ||
          element.getAttribute("data-inline-task-status") === "checked" ||
          (element.querySelector("input[type=checkbox]") as HTMLInputElement | null)?.checked === true,
    })),
    ...innermost(all(root, "ul.decision-list > li, [data-decision-local-id]"), "data-decision-local-id").map((element) => ({
      kind: "decision" as const,
      element,
      checked: false,
    })),
  ],
  // The "Meeting notes" template's Date row: the first date lozenge before its tables and lists.
  date: (root) =>
    root
      .querySelector("#main-content time[datetime], .ak-renderer-document time[datetime], [data-node-type='date'][data-timestamp]")
      ?.getAttribute("datetime") ??
    root.querySelector("[data-node-type='date'][data-timestamp]")?.getAttribute("data-timestamp") ??
    null,
};

/**
 * Notion to-do blocks in the app (`notion-to_do-block`: the box a `[role=button]` holding `svg.check`
 * when ticked and `svg.checkboxSquare` when not, in themes' CSS of 2020 and 2024; an input or
 * `role=checkbox` in some versions), and in Notion's HTML export (`ul.to-do-list > li` with
 * `div.checkbox.checkbox-on` or `checkbox-off`, seen in exported pages).
 */
const notion: MinutesReader = {
  site: "notion",
  items: (root) =>
    all(root, ".notion-to_do-block, ul.to-do-list > li").map((element) => ({
      kind: "action" as const,
      element,
      checked: element.matches("li")
        ? isChecked(element, ":scope > .checkbox-on", ":scope > .to-do-children-checked")
        : isChecked(element, "svg.check", "[role=checkbox][aria-checked=true]", "input[type=checkbox]:checked"),
    })),
};

/** Feishu and Lark docs task blocks (`docx-todo-block`, `data-block-type="todo"`, seen 2026-11). */
const feishu: MinutesReader = {
  site: "feishu",
  items: (root) =>
    all(root, ".docx-todo-block, [data-block-type='todo']")
      .filter((element) => !element.parentElement?.closest(".docx-todo-block, [data-block-type='todo']"))
      .map((element) => ({
        kind: "action" as const,
        element,
        checked: isChecked(
          element,
          ".todo-block-checkbox.checked",
          "[role=checkbox][aria-checked=true]",
          "input[type=checkbox]:checked",
          ".done",
        ),
      })),
};

/**
 * GitHub and GitLab Markdown task lists (`task-list-item` with a checkbox input, seen 2026-11; many
 * Markdown renderers write the same), and checklists marked up for screen readers as
 * `li[role=checkbox][aria-checked]` (Google Docs' checklists as copied into other editors, captured 2026-06).
 */
const taskLists: MinutesReader = {
  site: "tasklist",
  items: (root) =>
    all(root, "li.task-list-item, li[role=checkbox][aria-checked]").map((element) => ({
      kind: "action" as const,
      element,
      checked:
        element.getAttribute("aria-checked") === "true" ||
        isChecked(element, ":scope > input[type=checkbox]:checked", ":scope > p > input[type=checkbox]:checked"),
    })),
};

/** Linear documents: the editor's to-do list items (`data-type="taskItem"` with `data-checked`, seen 2026-11). */
const linear: MinutesReader = {
  site: "linear",
  items: (root) =>
    all(root, "li[data-type='taskItem'], li[data-type='todo_item']").map((element) => ({
      kind: "action" as const,
      element,
      checked: element.getAttribute("data-checked") === "true" || element.getAttribute("data-done") === "true",
    })),
};

/**
 * Google Docs draws its words on a canvas; with screen reader support on, it labels each line
 * in an SVG layer (`g[role=paragraph]` of `rect[aria-label]`, seen 2026-11). A checklist line
 * starts with its box, ☐ or ☑ (✓ in some fonts).
 */
const gdocs: MinutesReader = {
  site: "gdocs",
  items(root) {
    const found: FoundItem[] = [];
    for (const paragraph of all(root, ".kix-canvas-tile-content g[role=paragraph]")) {
      const text = Array.from(paragraph.querySelectorAll("rect[aria-label]"), (rect) => rect.getAttribute("aria-label") ?? "").join("");
      const box = /^\s*([☐☑✓✔☒])\s*/.exec(text);
      if (box) found.push({ kind: "action", element: paragraph, checked: box[1] !== "☐", text: text.slice(box[0].length) });
    }
    return found;
  },
};

/** The per-site readers, tried on every page: self-hosted Confluence and GitLab live at any address. */
export const siteReaders: readonly MinutesReader[] = [confluence, notion, feishu, taskLists, linear, gdocs];

/** Person chips and @mentions of every reader's site. */
export const mentionSelector = [
  "a.confluence-userlink", // Confluence Server
  "[data-mention-id]", // Confluence Cloud
  "a.user-mention", // GitHub
  "a.gfm-project_member", // GitLab
  ".notion-user-mention", // Notion
  "[data-type='mention']", // Linear
  ".at-user-embed-container, .mention-user, [data-mention-type='user']", // Feishu
  "[data-chip-type='person']", // Google Docs people chips in exported HTML
].join(", ");

/** Date chips and `<time>`: their machine value is read, not their words. */
export const dateSelector = "time[datetime], [data-node-type='date'][data-timestamp], [data-chip-type='date'][data-date]";
