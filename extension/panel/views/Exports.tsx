// The side panel's exports: the workspace's files the API makes (fetched by the background, which holds the token) and the weekly report, saved as files.
import { useState } from "preact/hooks";
import { ask } from "../../common/ask";
import { isOffline } from "../../common/offline";
import { ErrorNote } from "../../ui/ErrorNote";
import { t } from "../../ui/i18n";
import { exportLabels } from "../../ui/labels";
import { saveFile } from "../save-file";

const serverFiles = ["action-items.csv", "calendar.ics", "annotations.jsonld"] as const;

/** Buttons that save the workspace's action items, calendar and annotations as the server exports them, and this report as Markdown. */
export function Exports({ report }: { report: { filename: string; markdown: string } }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchAndSave = (file: (typeof serverFiles)[number]) => {
    setBusy(file);
    setError(null);
    setSaved(null);
    ask({ type: "export.fetch", file })
      .then(({ filename, mimeType, text }) => {
        saveFile(document, filename, text, mimeType);
        setSaved(filename);
      })
      .catch((failure: Error) => setError(isOffline(failure) ? t("exportOffline") : failure.message))
      .finally(() => setBusy(null));
  };
  return (
    <section class="exports" aria-labelledby="exports-title">
      <h2 id="exports-title">{t("exportTitle")}</h2>
      <div class="export-buttons">
        {serverFiles.map((file) => (
          <button key={file} type="button" disabled={busy !== null} aria-busy={busy === file} onClick={() => fetchAndSave(file)}>
            {t(exportLabels[file])}
          </button>
        ))}
        <button
          type="button"
          onClick={() => {
            saveFile(document, report.filename, report.markdown, "text/markdown");
            setSaved(report.filename);
          }}
        >
          {t("exportReport")}
        </button>
      </div>
      {saved && <p role="status">{t("exportSaved", saved)}</p>}
      <ErrorNote error={error} />
    </section>
  );
}
