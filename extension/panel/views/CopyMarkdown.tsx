// Markdown to paste elsewhere, shown in the side panel with a button that copies it.
import { useState } from "preact/hooks";
import { t } from "../../ui/i18n";

/** Shows Markdown to paste elsewhere, with a button that copies it. */
export function CopyMarkdown({ label, markdown }: { label: string; markdown: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="markdown-export" aria-label={label}>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard
            .writeText(markdown)
            .then(() => setCopied(true))
            .catch(() => setCopied(false))
        }
      >
        {label}
      </button>
      {copied && <span role="status"> {t("copied")}</span>}
      <textarea class="markdown" readOnly rows={14} aria-label={label} value={markdown} />
    </section>
  );
}
