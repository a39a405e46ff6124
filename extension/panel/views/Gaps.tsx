// The side panel's "Gaps" tab: items nobody is accountable for, actions without owner or date, and where overdue work piles up.
import { addDays, isoWeek } from "../../../shared/dates";
import { findGaps } from "../../../shared/gaps";
import { t } from "../../ui/i18n";
import { RecordLink } from "../details/RecordLink";
import { ItemName } from "../ItemName";
import type { PanelData } from "../panel-data";

function TargetList({ keys }: { keys: string[] }) {
  if (keys.length === 0) return <p class="empty">{t("md_none")}</p>;
  return (
    <ul class="plain">
      {keys.map((key) => (
        <li key={key}>
          <ItemName target={key} />
        </li>
      ))}
    </ul>
  );
}

/** Coordination gaps: ownerless items, unowned or undated actions, and where overdue work piles up. */
export function Gaps({ data, today }: { data: PanelData; today: string }) {
  const gaps = findGaps(data, today);
  const text = new Map(data.actionItems.map((r) => [r.id, r.data.text]));
  // Departments that have not checked in: for last week (closed) and, from Friday on, this one too.
  const thisWeek = isoWeek(today);
  const lastWeek = isoWeek(addDays(today, -7));
  const departments = [...new Set([...data.departments.map((d) => d.data.name), ...data.members.map((m) => m.department)])].sort();
  const missing = (week: string) => departments.filter((d) => !data.checkins.some((c) => c.data.department === d && c.data.week === week));
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const openEscalations = data.escalations.filter((e) => e.data.status === "open");
  const tracker = new Map(data.trackerItems.map((r) => [r.data.target, r.data]));
  const accountable = (key: string) =>
    data.responsibilities.filter((r) => r.data.target === key && r.data.role === "A").map((r) => r.data.person);
  const sections: Array<[string, string, preact.ComponentChild]> = [
    ["gaps-no-a", `${t("gapsNoAccountable")} (${gaps.noAccountable.length})`, <TargetList keys={gaps.noAccountable} />],
    ["gaps-several-a", `${t("gapsSeveralAccountable")} (${gaps.severalAccountable.length})`, <TargetList keys={gaps.severalAccountable} />],
    [
      "gaps-tracker-closed",
      `${t("gapsClosedWithOpenActions")} (${gaps.closedWithOpenActions.length})`,
      gaps.closedWithOpenActions.length === 0 ? (
        <p class="empty">{t("md_none")}</p>
      ) : (
        <ul class="plain">
          {gaps.closedWithOpenActions.map((key) => {
            const open = data.actionItems.filter((r) => r.data.status === "open" && r.data.targets.includes(key));
            return (
              <li key={key}>
                <ItemName target={key} /> · {tracker.get(key)?.state} · {t("gapsOpenActionsOn", String(open.length))}
                <ul class="plain">
                  {open.map(({ id, data: item }) => (
                    <li key={id}>
                      <RecordLink entity="action_item" id={id}>
                        {item.text}
                      </RecordLink>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      ),
    ],
    [
      "gaps-tracker-assignee",
      `${t("gapsAssigneeNotAccountable")} (${gaps.assigneeNotAccountable.length})`,
      gaps.assigneeNotAccountable.length === 0 ? (
        <p class="empty">{t("md_none")}</p>
      ) : (
        <ul class="plain">
          {gaps.assigneeNotAccountable.map((key) => (
            <li key={key}>
              <ItemName target={key} />
              <p class="muted">
                {t("gapsAssigneeAndAccountable", [tracker.get(key)?.assignees.join(", ") ?? "", accountable(key).join(", ")])}
              </p>
            </li>
          ))}
        </ul>
      ),
    ],
    [
      "gaps-unowned",
      `${t("gapsUnowned")} (${gaps.unownedActions.length})`,
      <ul class="plain">
        {gaps.unownedActions.map((id) => (
          <li key={id}>
            <RecordLink entity="action_item" id={id}>
              {text.get(id)}
            </RecordLink>
          </li>
        ))}
      </ul>,
    ],
    [
      "gaps-undated",
      `${t("gapsUndated")} (${gaps.undatedActions.length})`,
      <ul class="plain">
        {gaps.undatedActions.map((id) => (
          <li key={id}>
            <RecordLink entity="action_item" id={id}>
              {text.get(id)}
            </RecordLink>
          </li>
        ))}
      </ul>,
    ],
    [
      "gaps-checkins",
      t("gapsNoCheckin"),
      <ul class="plain">
        {missing(lastWeek).map((d) => (
          <li key={`last-${d}`}>
            {d} · {lastWeek}
          </li>
        ))}
        {weekday >= 4 &&
          missing(thisWeek).map((d) => (
            <li key={`this-${d}`}>
              {d} · {thisWeek}
            </li>
          ))}
      </ul>,
    ],
    [
      "gaps-escalations",
      `${t("gapsOpenEscalations")} (${openEscalations.length})`,
      <ul class="plain">
        {openEscalations.map(({ id, data: e }) => {
          const overdue = e.deadline !== null && e.deadline < today;
          return (
            <li key={id} class={overdue ? "overdue" : ""}>
              <RecordLink entity="escalation" id={id}>
                {e.title}
              </RecordLink>{" "}
              · {e.departments.join(" / ")}
              {e.deadline && ` · ${t("deadline", e.deadline)}`}
              {overdue && ` · ${t("overdue")}`}
            </li>
          );
        })}
      </ul>,
    ],
    [
      "gaps-overdue",
      t("gapsOverdueByDepartment"),
      gaps.overdueByDepartment.length === 0 ? (
        <p class="empty">{t("md_none")}</p>
      ) : (
        <table class="overdue-table">
          <tbody>
            {gaps.overdueByDepartment.map(({ department, count }) => (
              <tr key={department}>
                <th scope="row">{department || t("noDepartment")}</th>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
    ],
  ];
  return (
    <div class="gaps">
      {sections.map(([id, title, body]) => (
        <section key={id} aria-labelledby={id}>
          <h3 id={id}>{title}</h3>
          {body}
        </section>
      ))}
    </div>
  );
}
