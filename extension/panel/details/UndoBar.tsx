// The side panel's "Undo" after an edit or a delete made in a record's details: offered for ten seconds, then gone.
import { useEffect } from "preact/hooks";
import { t } from "../../ui/i18n";

/** How long an edit or a delete can be undone. */
const undoMs = 10_000;

/** What was just done, and how to take it back. */
export interface Undoable {
  message: string;
  undo: () => Promise<unknown>;
}

/** A small status bar with "Undo", shown for `undoMs` after each change; a newer change replaces it. */
export function UndoBar({ undoable, onGone }: { undoable: Undoable | null; onGone: () => void }) {
  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(onGone, undoMs);
    return () => clearTimeout(timer);
  }, [undoable]);
  if (!undoable) return null;
  return (
    <div class="undo-bar" role="status">
      <span>{undoable.message}</span>{" "}
      <button
        type="button"
        onClick={() => {
          onGone();
          void undoable.undo().catch(() => {});
        }}
      >
        {t("undo")}
      </button>
    </div>
  );
}
