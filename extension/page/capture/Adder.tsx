// The small toolbar by selected text on a page: capture an action item, an annotation or a risk.
import { t } from "../../ui/i18n";

interface AdderProps {
  /** Where to show it, in document coordinates (it scrolls with the text it belongs to). */
  position: { left: number; top: number };
  onActionItem: () => void;
  onAnnotate: () => void;
  onRisk: () => void;
}

/** The small toolbar that appears by selected text. */
export function Adder({ position, onActionItem, onAnnotate, onRisk }: AdderProps) {
  return (
    <div class="adder" role="toolbar" aria-label={t("adderLabel")} style={{ left: `${position.left}px`, top: `${position.top}px` }}>
      <button type="button" aria-label={t("adderActionItem")} onMouseDown={(e) => e.preventDefault()} onClick={onActionItem}>
        {t("adderActionItem")}
      </button>
      <button type="button" aria-label={t("adderAnnotate")} onMouseDown={(e) => e.preventDefault()} onClick={onAnnotate}>
        {t("adderAnnotate")}
      </button>
      <button type="button" aria-label={t("adderRisk")} onMouseDown={(e) => e.preventDefault()} onClick={onRisk}>
        {t("adderRisk")}
      </button>
    </div>
  );
}
