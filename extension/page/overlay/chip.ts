// The chip by an item's title on a tracker page: who is accountable, the top risk, decisions and open actions.
import type { Person, TargetSummary } from "../../../shared/summary";
import { t } from "../../ui/i18n";
import { raciLabels } from "../../ui/labels";

const names = (people: Person[]) => people.map((p) => (p.department ? `${p.person} (${p.department})` : p.person)).join(", ");

/** An element with a class and children; text is always set as text, never parsed. */
function el(doc: Document, tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/**
 * The item chip: who is accountable, R/C/I counts, the top risk, decisions and open actions;
 * a click opens the side panel on the item, the arrow lists the people by role. Plain DOM, so
 * that the script a page loads at start carries no UI library (the chip is one small element).
 */
export class ChipView {
  private summary: TargetSummary | null = null;
  private floating = false;
  /** Where the people list is open, if it is. */
  private details: { left: number; top: number } | null = null;
  /** What the chip shows, as last drawn: a summary that reads the same redraws nothing. */
  private drawn = "";

  constructor(
    private readonly root: HTMLElement,
    private readonly onOpen: () => void,
  ) {}

  /** Shows this summary, floating or after the title, in the page's theme; a scroll, which changes none of them, draws nothing. */
  draw(summary: TargetSummary | null, floating: boolean, theme: "light" | "dark" = "light"): void {
    if (summary === this.summary && floating === this.floating && theme === this.root.dataset.theme && this.root.firstChild) return;
    this.summary = summary;
    this.floating = floating;
    this.root.dataset.theme = theme;
    this.redraw();
  }

  /**
   * Draws the chip again if what it shows changed. The button that had the focus has it again
   * afterwards: a teammate's edit arriving must not throw a keyboard user out of the chip.
   */
  private redraw(): void {
    const summary = this.summary;
    const shown = JSON.stringify([summary && { ...summary, key: "", attention: [] }, this.floating, this.details]);
    if (shown === this.drawn && this.root.firstChild) return;
    this.drawn = shown;
    const focused = (this.root.getRootNode() as Document | ShadowRoot).activeElement;
    const refocus = focused && this.root.contains(focused) ? (focused as HTMLElement).className : null;
    this.build(summary);
    if (refocus) this.root.querySelector<HTMLElement>(`button.${refocus}`)?.focus();
  }

  private build(summary: TargetSummary | null): void {
    const doc = this.root.ownerDocument;
    const accountable = summary?.accountable ?? [];
    const counts = [
      ["R", summary?.responsible ?? []],
      ["C", summary?.consulted ?? []],
      ["I", summary?.informed ?? []],
    ] as const;
    const sep = () => el(doc, "span", "sep", "·");

    const open = el(
      doc,
      "button",
      "open",
      el(doc, "span", "brand", "Liaison"),
      accountable.length === 0
        ? el(doc, "span", "none", t("chipNoAccountable"))
        : el(doc, "span", "accountable", `A: ${names(accountable)}`),
      sep(),
      el(doc, "span", "raci", counts.map(([role, people]) => `${role} ${people.length}`).join(" ")),
    );
    if (summary?.topRisk) {
      const risk = el(doc, "span", `risk ${summary.topRisk.level}`, t("chipRisk", String(summary.topRisk.score)));
      risk.title = summary.topRisk.title;
      open.append(sep(), risk);
    }
    open.append(sep(), el(doc, "span", "context", t("chipContext", [String(summary?.decisions ?? 0), String(summary?.openActions ?? 0)])));
    if (summary && summary.openEscalations > 0) {
      open.append(
        sep(),
        el(
          doc,
          "span",
          `escalated${summary.overdueEscalations > 0 ? " overdue" : ""}`,
          t("chipEscalations", String(summary.openEscalations)),
        ),
      );
    }
    if (summary && summary.goals.length > 0) open.append(sep(), el(doc, "span", "goal", t("chipGoal", summary.goals.join(", "))));
    Object.assign(open, { type: "button", title: counts.map(([role, people]) => `${role}: ${names(people) || "—"}`).join("\n") });
    open.setAttribute("aria-label", t("chipLabel"));
    open.addEventListener("click", () => this.onOpen());

    const more = el(doc, "button", "more", "▾");
    more.setAttribute("type", "button");
    more.setAttribute("aria-label", t("chipShowPeople"));
    more.setAttribute("aria-expanded", String(this.details !== null));
    more.addEventListener("click", () => {
      const rect = more.getBoundingClientRect();
      this.details = this.details ? null : { left: Math.max(8, rect.right - 240), top: rect.bottom + 4 };
      more.focus();
      this.redraw();
    });
    more.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !this.details) return;
      this.details = null;
      this.redraw();
    });

    const parts: Node[] = [el(doc, "span", `chip${this.floating ? " floating" : ""}`, open, more)];
    if (this.details) {
      const list = el(
        doc,
        "dl",
        "details",
        ...[["A", accountable] as const, ...counts].map(([role, people]) =>
          el(doc, "div", "", el(doc, "dt", "", t(raciLabels[role])), el(doc, "dd", "", names(people) || "—")),
        ),
      );
      const next = summary?.nextAction;
      if (next)
        list.append(
          el(
            doc,
            "div",
            "",
            el(doc, "dt", "", t("chipNextAction")),
            el(doc, "dd", "", [next.text, next.owner ?? t("chipNoOwner"), next.due ?? t("chipNoDue")].join(" · ")),
          ),
        );
      list.style.left = `${this.details.left}px`;
      list.style.top = `${this.details.top}px`;
      parts.push(list);
    }
    this.root.replaceChildren(...parts);
  }

  destroy(): void {
    this.drawn = "";
    this.root.replaceChildren();
  }
}
