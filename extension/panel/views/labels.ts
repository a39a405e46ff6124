// The headings of the side panel's Markdown exports (minutes, weekly report) and of drafted agendas, in the user's language.
import type { AgendaLabels } from "../../../shared/agenda";
import { recordKinds } from "../../../shared/kinds";
import type { MarkdownLabels } from "../../../shared/markdown";
import { riskStatuses } from "../../../shared/vocabulary";
import { t } from "../../ui/i18n";
import { recordKindLabels, riskStatusLabels } from "../../ui/labels";

/** The Markdown exports' headings in the user's language. */
export function markdownLabels(): MarkdownLabels {
  return {
    minutes: t("md_minutes"),
    date: t("fieldDate"),
    departments: t("fieldDepartments"),
    attendees: t("fieldAttendees"),
    notes: t("meetingNotes"),
    decisions: t("decisionsTitle"),
    actionItems: t("panelTitle"),
    owner: t("md_owner"),
    due: t("md_due"),
    none: t("md_none"),
    weeklyReport: t("md_weeklyReport"),
    done: t("statusDone"),
    open: t("statusOpen"),
    overdue: t("overdue"),
    risks: t("md_risks"),
    noDepartment: t("noDepartment"),
    goals: t("view_goals"),
    checkins: t("md_checkins"),
    escalationsOpened: t("md_escalationsOpened"),
    escalationsDecided: t("md_escalationsDecided"),
    sinceLastWeek: t("md_sinceLastWeek"),
    closedInTracker: t("md_closedInTracker"),
    openActionsLeft: t("md_openActionsLeft"),
    health: { "on-track": t("health_on_track"), "at-risk": t("health_at_risk"), "off-track": t("health_off_track") },
    riskLevels: { low: t("level_low"), medium: t("level_medium"), high: t("level_high"), critical: t("level_critical") },
    riskStatuses: Object.fromEntries(
      riskStatuses.map((status) => [status, t(riskStatusLabels[status]).toLowerCase()]),
    ) as MarkdownLabels["riskStatuses"],
    kinds: Object.fromEntries(recordKinds.map((kind) => [kind.name, t(recordKindLabels[kind.name])])),
  };
}

/** The drafted agenda's headings and words in the user's language. */
export function agendaLabels(): AgendaLabels {
  return {
    openActionItems: t("agendaOpenActionItems"),
    escalations: t("agendaEscalations"),
    risksToReview: t("agendaRisksToReview"),
    decisionsToConfirm: t("agendaDecisionsToConfirm"),
    owner: t("md_owner"),
    due: t("md_due"),
    decider: t("agendaDecider"),
    deadline: t("agendaDeadline"),
    review: t("agendaReview"),
    none: t("md_none"),
  };
}
