// The side panel's "Report" tab: the weekly progress report for a chosen week, shown formatted, to copy as Markdown or save, beside the workspace's exports.
import { useState } from "preact/hooks";
import { addDays, isoWeek, weekStart } from "../../../shared/dates";
import { weeklyReportMarkdown } from "../../../shared/markdown";
import { t } from "../../ui/i18n";
import { Markdown } from "../../ui/Markdown";
import type { PanelData } from "../panel-data";
import { Exports } from "./Exports";
import { markdownLabels } from "./labels";

/** The weekly progress report per department, for a chosen week: formatted to read, Markdown to copy or save. */
export function Report({ data, today }: { data: PanelData; today: string }) {
  const [monday, setMonday] = useState(weekStart(today));
  const [copied, setCopied] = useState(false);
  const markdown = weeklyReportMarkdown({ ...data, monday, today }, markdownLabels());
  const pick = (day: string) => {
    setMonday(day);
    setCopied(false);
  };
  return (
    <div class="report">
      <fieldset class="week-picker">
        <legend class="visually-hidden">{t("reportWeek")}</legend>
        <div class="week-step">
          <button type="button" aria-label={t("previousWeek")} onClick={() => pick(addDays(monday, -7))}>
            ‹
          </button>
          <span class="week-name">
            {t("reportWeek")} {isoWeek(monday)}
          </span>
          <button type="button" aria-label={t("nextWeek")} onClick={() => pick(addDays(monday, 7))}>
            ›
          </button>
        </div>
        <label class="block">
          {t("reportWeek")}
          <input type="date" value={monday} onInput={(e) => e.currentTarget.value && pick(weekStart(e.currentTarget.value))} />
        </label>
      </fieldset>
      <div class="report-actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            navigator.clipboard
              .writeText(markdown)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {t("copyReport")}
        </button>
        {copied && <span role="status"> {t("copied")}</span>}
      </div>
      <article class="report-body" aria-label={`${t("reportWeek")} ${isoWeek(monday)}`}>
        <Markdown source={markdown} />
      </article>
      {/* The Markdown itself, to select a part of it by hand. */}
      <details class="report-source">
        <summary>{t("reportMarkdownSource")}</summary>
        <textarea class="markdown" readOnly rows={14} aria-label={t("reportMarkdownSource")} value={markdown} />
      </details>
      <Exports report={{ filename: `liaison-report-${isoWeek(monday)}.md`, markdown }} />
    </div>
  );
}
