import { useState } from "preact/hooks";
import type { Person, TargetSummary } from "../../shared/summary";
import { t } from "../lib/i18n";

const names = (people: Person[]) => people.map((p) => (p.department ? `${p.person} (${p.department})` : p.person)).join(", ");

export interface ChipProps {
  summary: TargetSummary | null;
  floating: boolean;
  onOpen: () => void;
}

/** The item chip: who is accountable, R/C/I counts, the top risk, decisions and open actions. */
export function Chip({ summary, floating, onOpen }: ChipProps) {
  const [details, setDetails] = useState<{ left: number; top: number } | null>(null);
  const accountable = summary?.accountable ?? [];
  const counts = [
    ["R", summary?.responsible ?? []],
    ["C", summary?.consulted ?? []],
    ["I", summary?.informed ?? []],
  ] as const;
  const toggle = (anchor: HTMLElement) => {
    const rect = anchor.getBoundingClientRect();
    setDetails(details ? null : { left: Math.max(8, rect.right - 240), top: rect.bottom + 4 });
  };
  return (
    <>
      <span class={`chip${floating ? " floating" : ""}`}>
        <button
          type="button"
          class="open"
          aria-label={t("chipLabel")}
          title={counts.map(([role, people]) => `${role}: ${names(people) || "—"}`).join("\n")}
          onClick={onOpen}
        >
          <span class="brand">Liaison</span>
          {accountable.length === 0 ? (
            <span class="none">{t("chipNoAccountable")}</span>
          ) : (
            <span class="accountable">A: {names(accountable)}</span>
          )}
          <span class="sep">·</span>
          <span class="raci">{counts.map(([role, people]) => `${role} ${people.length}`).join(" ")}</span>
          {summary?.topRisk && (
            <>
              <span class="sep">·</span>
              <span class={`risk ${summary.topRisk.level}`} title={summary.topRisk.title}>
                {t("chipRisk", String(summary.topRisk.score))}
              </span>
            </>
          )}
          <span class="sep">·</span>
          <span class="context">{t("chipContext", [String(summary?.decisions ?? 0), String(summary?.openActions ?? 0)])}</span>
          {summary && summary.openEscalations > 0 && (
            <>
              <span class="sep">·</span>
              <span class={`escalated${summary.overdueEscalations > 0 ? " overdue" : ""}`}>
                {t("chipEscalations", String(summary.openEscalations))}
              </span>
            </>
          )}
          {summary && summary.goals.length > 0 && (
            <>
              <span class="sep">·</span>
              <span class="goal">{t("chipGoal", summary.goals.join(", "))}</span>
            </>
          )}
        </button>
        <button
          type="button"
          class="more"
          aria-label={t("chipShowPeople")}
          aria-expanded={details !== null}
          onClick={(event) => toggle(event.currentTarget)}
          onKeyDown={(event) => event.key === "Escape" && setDetails(null)}
        >
          ▾
        </button>
      </span>
      {details && (
        <dl class="details" style={{ left: `${details.left}px`, top: `${details.top}px` }}>
          {[["A", accountable] as const, ...counts].map(([role, people]) => (
            <div key={role}>
              <dt>{t(`raci_${role}`)}</dt>
              <dd>{names(people) || "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
