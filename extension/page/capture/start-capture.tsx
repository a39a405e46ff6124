// Starts capture on a page: the toolbar by selected text and the forms it opens (the context menu and the shortcut open them too).
import { render } from "preact";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { annotationUrl, isCanvasRendered } from "../../../shared/annotation-page";
import { maxLengths } from "../../../shared/limits";
import { ask } from "../../common/ask";
import { t } from "../../ui/i18n";
import { describeRange, quoteOf } from "../anchoring/describe";
import { describeQuote } from "../anchoring/text-quote";
import { createShadowHost } from "../shadow-host";
import { Adder } from "./Adder";
import { type AnnotationDraft, AnnotationForm } from "./AnnotationForm";
import { type CaptureDraft, CaptureForm } from "./CaptureForm";
import css from "./capture.css?inline";
import { RiskForm } from "./RiskForm";

type View =
  | { kind: "none" }
  | { kind: "adder"; range: Range; left: number; top: number }
  | { kind: "form"; draft: CaptureDraft; anchor?: { left: number; top: number } }
  | { kind: "annotate"; draft: AnnotationDraft; anchor?: { left: number; top: number } }
  | { kind: "risk"; draft: CaptureDraft; anchor?: { left: number; top: number } }
  | { kind: "toast"; text: string };

interface CaptureHooks {
  /** An annotation was saved from this page: it is highlighted at once. */
  onAnnotationSaved?: () => void;
}

/**
 * Capture from the page: a small toolbar by selected text, and the action item and annotation
 * forms it opens (also opened by the context menu and the shortcut: see `open`).
 */
export function startCapture(ctx: ContentScriptContext, pageKeys: (href: string) => string[], hooks: CaptureHooks = {}) {
  /** The item this page shows, as its site adapter reads it (self-hosted pages and ids read from the page included). */
  const pageTargetKey = (): string | null => pageKeys(location.href)[0] ?? null;
  let ui: ReturnType<typeof createShadowHost> | null = null;
  let view: View = { kind: "none" };
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  const show = (next: View) => {
    view = next;
    if (next.kind === "none" && !ui) return;
    ui ??= createShadowHost("liaison-capture", css);
    ui.host.dataset.liaisonTarget = pageTargetKey() ?? "";
    render(renderView(), ui.root);
  };

  function draftFrom(range: Range | null, selectionText?: string): CaptureDraft {
    const quote = range ? describeQuote(range) : null;
    return {
      quote:
        quote ??
        (selectionText?.trim()
          ? { type: "TextQuoteSelector", exact: selectionText.trim().slice(0, maxLengths.source.quote), prefix: "", suffix: "" }
          : null),
      url: location.href,
      title: document.title,
      targets: [pageTargetKey()].filter((key): key is string => Boolean(key)),
    };
  }

  /**
   * An annotation of the selection, described by every W3C selector while the selection is
   * still there. On a page drawn on a canvas (Google Docs) there is nothing to select in the
   * DOM: the annotation is about the whole page, with the words the context menu saw, if any.
   */
  function annotationDraftFrom(range: Range | null, selectionText?: string): AnnotationDraft {
    const selectors = range && !isCanvasRendered(location.href) ? describeRange(range) : [];
    const quote = quoteOf(selectors)?.exact ?? selectionText?.trim().replace(/\s+/g, " ").slice(0, maxLengths.source.quote) ?? "";
    return {
      selectors,
      quote,
      url: annotationUrl(location.href),
      targets: [pageTargetKey()].filter((key): key is string => Boolean(key)),
    };
  }

  function toast(text: string) {
    clearTimeout(toastTimer);
    show({ kind: "toast", text });
    toastTimer = setTimeout(() => view.kind === "toast" && show({ kind: "none" }), 2500);
  }

  /** Opens the action item or the annotation form by the selection, then fills in who can own it. */
  async function openPanel(kind: "form" | "annotate" | "risk", range: Range | null, selectionText?: string) {
    const rect = range?.getBoundingClientRect();
    const anchor = rect && rect.width > 0 ? { left: rect.left, top: rect.bottom + 8 } : undefined;
    show(
      kind === "annotate"
        ? { kind, draft: annotationDraftFrom(range, selectionText), anchor }
        : { kind, draft: draftFrom(range, selectionText), anchor },
    );
    try {
      context = await ask({ type: "capture.context" });
      if (view.kind === kind) show(view);
    } catch {
      // The forms work without members: owners, departments and names can be typed.
    }
  }

  const openForm = (range: Range | null, selectionText?: string) => openPanel("form", range, selectionText);
  const openAnnotate = (range: Range | null, selectionText?: string) => openPanel("annotate", range, selectionText);

  let context: { session: import("../../common/session").PublicSession | null; members: import("../../../shared/workspace").Member[] } = {
    session: null,
    members: [],
  };

  function renderView() {
    switch (view.kind) {
      case "none":
        return null;
      case "adder": {
        const { range } = view;
        return (
          <Adder
            position={{ left: view.left, top: view.top }}
            onActionItem={() => void openForm(range)}
            onAnnotate={() => void openAnnotate(range.cloneRange())}
            onRisk={() => void openPanel("risk", range)}
          />
        );
      }
      case "form":
        return (
          <CaptureForm
            draft={view.draft}
            anchor={view.anchor}
            session={context.session}
            members={context.members}
            onClose={() => show({ kind: "none" })}
            onSave={async (fields) => {
              await ask({ type: "record.create", kind: "action_item", fields });
              toast(t("toastSaved"));
            }}
          />
        );
      case "annotate":
        return (
          <AnnotationForm
            draft={view.draft}
            anchor={view.anchor}
            session={context.session}
            members={context.members}
            onClose={() => show({ kind: "none" })}
            onSave={async (fields) => {
              await ask({ type: "record.create", kind: "annotation", fields });
              window.getSelection()?.removeAllRanges();
              toast(t("toastAnnotationSaved"));
              hooks.onAnnotationSaved?.();
            }}
          />
        );
      case "risk":
        return (
          <RiskForm
            draft={view.draft}
            anchor={view.anchor}
            session={context.session}
            members={context.members}
            onClose={() => show({ kind: "none" })}
            onSave={async (fields) => {
              await ask({ type: "record.create", kind: "risk", fields });
              toast(t("toastRiskSaved"));
            }}
          />
        );
      case "toast":
        return (
          <div class="toast" role="status">
            {view.text}
          </div>
        );
    }
  }

  /** Words, outside Liaison's own UI. */
  function worthCapturing(range: Range): boolean {
    return !range.collapsed && range.toString().trim() !== "" && !ui?.host.contains(range.commonAncestorContainer);
  }

  function selectedRange(): Range | null {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return worthCapturing(range) ? range : null;
  }

  /** Shows the toolbar by the selection, if there is one worth capturing, once it has settled. */
  function offerSelection() {
    // Let the selection settle: a click inside a selection clears it only after mouseup.
    setTimeout(() => {
      if (view.kind === "form" || view.kind === "annotate" || view.kind === "risk") return;
      const range = selectedRange();
      if (!range) {
        if (view.kind === "adder") show({ kind: "none" });
        return;
      }
      const rect = range.getBoundingClientRect();
      show({ kind: "adder", range, left: rect.left + window.scrollX, top: rect.bottom + window.scrollY + 6 });
    }, 0);
  }

  function onSelectionEnd(event: Event) {
    // Only the user's own selecting offers capture, not a selection a script made and announced.
    if (!event.isTrusted || (ui && event.composedPath().includes(ui.host))) return;
    offerSelection();
  }

  ctx.addEventListener(document, "mouseup", onSelectionEnd);
  ctx.addEventListener(document, "keyup", (event) => {
    if ((event as KeyboardEvent).shiftKey) onSelectionEnd(event);
  });
  ctx.addEventListener(document, "mousedown", (event) => {
    if (view.kind === "adder" && ui && !event.composedPath().includes(ui.host)) show({ kind: "none" });
  });

  ctx.onInvalidated(() => ui?.remove());
  return {
    offerSelection,
    /** Opens the action item or the annotation form on `range` or else the selection, if any (the context menu or the shortcut asked). */
    open(kind: "actionItem" | "annotation", selectionText?: string, range: Range | null = null) {
      const words = range && worthCapturing(range) ? range : selectedRange();
      if (kind === "annotation") void openAnnotate(words?.cloneRange() ?? null, selectionText);
      else void openForm(words, selectionText);
    },
  };
}
