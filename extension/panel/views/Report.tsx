// The side panel's "Report" tab: the weekly progress report for a chosen week, as Markdown to paste.
import { useState } from "preact/hooks";
import { addDays, isoWeek, weekStart } from "../../../shared/dates";
import { weeklyReportMarkdown } from "../../../shared/markdown";
import { t } from "../../ui/i18n";
import type { PanelData } from "../panel-data";
import { CopyMarkdown } from "./CopyMarkdown";
import { markdownLabels } from "./labels";

/** The weekly progress report per department, for a chosen week, as Markdown to paste. */
export function Report({ data, today }: { data: PanelData; today: string }) {
  const [monday, setMonday] = useState(weekStart(today));
  const markdown = weeklyReportMarkdown({ ...data, monday, today }, markdownLabels());
  return (
    <div class="report">
      <fieldset class="week-picker">
        <legend class="visually-hidden">{t("reportWeek")}</legend>
        <button type="button" aria-label={t("previousWeek")} onClick={() => setMonday(addDays(monday, -7))}>
          ‹
        </button>
        <label>
          {t("reportWeek")} {isoWeek(monday)}
          <input type="date" value={monday} onInput={(e) => e.currentTarget.value && setMonday(weekStart(e.currentTarget.value))} />
        </label>
        <button type="button" aria-label={t("nextWeek")} onClick={() => setMonday(addDays(monday, 7))}>
          ›
        </button>
      </fieldset>
      <CopyMarkdown label={t("copyReport")} markdown={markdown} />
    </div>
  );
}
