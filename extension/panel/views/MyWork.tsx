// The side panel's "My work" tab: my open action items, overdue, due this week and later, and my department's check-in.
import { addDays, compareCodeUnits, isoWeek } from "../../../shared/dates";
import type { Member } from "../../../shared/workspace";
import { t } from "../../ui/i18n";
import { ActionItemList } from "../ActionItemList";
import { toActionItemView } from "../action-items";
import { isMine, type PanelData } from "../panel-data";
import { toggleDone } from "./actions";
import { CheckinForm, CheckinsForMe } from "./Checkins";

/** My open action items: overdue, due this week, later (and undated). */
export function MyWork({ data, me, today }: { data: PanelData; me: Member | null; today: string }) {
  const mine = data.actionItems.filter((row) => row.data.status === "open" && isMine(row.data, me));
  const weekEnd = addDays(today, 7);
  const groups = [
    ["myOverdue", t("myOverdue"), mine.filter((row) => row.data.due !== null && row.data.due < today)],
    ["myThisWeek", t("myThisWeek"), mine.filter((row) => row.data.due !== null && row.data.due >= today && row.data.due < weekEnd)],
    ["myLater", t("myLater"), mine.filter((row) => row.data.due === null || row.data.due >= weekEnd)],
  ] as const;
  if (!me) return <p class="empty">{t("connectPrompt")}</p>;
  return (
    <div class="my-work">
      {mine.length === 0 && <p class="empty">{t("emptyMine")}</p>}
      {groups.map(([label, title, rows]) => (
        <section key={label} aria-labelledby={`group-${label}`}>
          <h2 id={`group-${label}`}>
            {title} ({rows.length})
          </h2>
          <ActionItemList
            items={rows.map(toActionItemView).sort((a, b) => compareCodeUnits(a.item.due ?? "9999", b.item.due ?? "9999"))}
            emptyText={t("nothingHere")}
            onToggleDone={toggleDone}
          />
        </section>
      ))}
      <CheckinsForMe checkins={data.checkins} department={me.department} week={isoWeek(today)} />
      <CheckinForm data={data} me={me} today={today} />
    </div>
  );
}
