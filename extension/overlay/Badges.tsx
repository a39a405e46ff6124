import type { Attention, TargetSummary } from "../../shared/summary";
import { t } from "../lib/i18n";

export interface PlacedBadge {
  key: string;
  left: number;
  top: number;
  summary: TargetSummary;
}

const flagText = (flag: Attention, summary: TargetSummary) =>
  flag === "high-risk"
    ? t("chipRisk", String(summary.topRisk?.score ?? ""))
    : flag === "overdue"
      ? t("badgeOverdue", String(summary.overdueActions))
      : t(`badge_${flag.replace("-", "_")}`);

/** Every row badge of the page, in one layer that sits over the page without moving it. */
export function Badges({ badges }: { badges: PlacedBadge[] }) {
  return (
    <div class="layer">
      {badges.map((badge) => (
        <span
          key={badge.key}
          class="badge"
          data-liaison-target={badge.key}
          style={{ left: `${badge.left}px`, top: `${badge.top}px` }}
          title={badge.summary.attention.map((flag) => flagText(flag, badge.summary)).join(" · ")}
        >
          {badge.summary.attention.map((flag) => (
            <span key={flag} class={`flag ${flag}`}>
              {flagText(flag, badge.summary)}
            </span>
          ))}
        </span>
      ))}
    </div>
  );
}
