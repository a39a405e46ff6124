import { findGaps } from "../../../shared/gaps";
import { urlForTargetKey } from "../../../shared/targets";
import { t } from "../../lib/i18n";
import type { PanelData } from "../panel-data";

function TargetList({ keys }: { keys: string[] }) {
  if (keys.length === 0) return <p class="empty">{t("md_none")}</p>;
  return (
    <ul class="plain">
      {keys.map((key) => {
        const url = urlForTargetKey(key);
        return (
          <li key={key}>
            {url ? (
              <a href={url} target="_blank" rel="noreferrer noopener">
                {key}
              </a>
            ) : (
              key
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Coordination gaps: ownerless items, unowned or undated actions, and where overdue work piles up. */
export function Gaps({ data, today }: { data: PanelData; today: string }) {
  const gaps = findGaps(
    {
      responsibilities: data.responsibilities.map((r) => r.data),
      risks: data.risks.map((r) => r.data),
      decisions: data.decisions.map((r) => r.data),
      actionItems: data.actionItems.map((r) => ({ id: r.id, item: r.data })),
    },
    today,
  );
  const text = new Map(data.actionItems.map((r) => [r.id, r.data.text]));
  const sections: Array<[string, string, preact.ComponentChild]> = [
    ["gaps-no-a", `${t("gapsNoAccountable")} (${gaps.noAccountable.length})`, <TargetList keys={gaps.noAccountable} />],
    ["gaps-several-a", `${t("gapsSeveralAccountable")} (${gaps.severalAccountable.length})`, <TargetList keys={gaps.severalAccountable} />],
    [
      "gaps-unowned",
      `${t("gapsUnowned")} (${gaps.unownedActions.length})`,
      <ul class="plain">
        {gaps.unownedActions.map((id) => (
          <li key={id}>{text.get(id)}</li>
        ))}
      </ul>,
    ],
    [
      "gaps-undated",
      `${t("gapsUndated")} (${gaps.undatedActions.length})`,
      <ul class="plain">
        {gaps.undatedActions.map((id) => (
          <li key={id}>{text.get(id)}</li>
        ))}
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
