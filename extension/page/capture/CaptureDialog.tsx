// The frame every in-page capture form shares: placed by the selection, kept on screen, with Cancel and Save.
import type { ComponentChildren } from "preact";
import { ErrorNote } from "../../ui/ErrorNote";
import { t } from "../../ui/i18n";

const panelWidth = 340;

interface CaptureDialogProps {
  title: string;
  /** The quote the form was opened on, shown above the fields. */
  quote: string | null;
  /** Where to show the panel, in viewport coordinates; top right when absent. */
  anchor?: { left: number; top: number };
  /** How tall the form is, to keep it on screen. */
  height: number;
  /** Not connected to a workspace: the form says the item stays in this browser until it is. */
  connected: boolean;
  error: string | null;
  saving?: boolean;
  onSubmit: (event: Event) => void;
  onClose: () => void;
  children: ComponentChildren;
}

/** The frame of the in-page forms: placed by the selection and kept on screen, with Cancel and Save; Escape closes, Ctrl+Enter saves. */
export function CaptureDialog({
  title,
  quote,
  anchor,
  height,
  connected,
  error,
  saving = false,
  onSubmit,
  onClose,
  children,
}: CaptureDialogProps) {
  const left = anchor ? Math.min(Math.max(8, anchor.left), window.innerWidth - panelWidth - 8) : window.innerWidth - panelWidth - 16;
  const top = anchor ? Math.min(Math.max(8, anchor.top), Math.max(8, window.innerHeight - height)) : 16;
  return (
    <form
      class="panel"
      role="dialog"
      aria-label={title}
      style={{ left: `${left}px`, top: `${top}px` }}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) onSubmit(event);
      }}
    >
      <h2>{title}</h2>
      {quote && <blockquote class="quote">{quote}</blockquote>}
      {children}
      {!connected && <p class="hint">{t("hintNotConnected")}</p>}
      <ErrorNote error={error} />
      <div class="actions">
        <button type="button" onClick={onClose}>
          {t("cancel")}
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
