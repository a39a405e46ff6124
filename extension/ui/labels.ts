// The catalogue key for each value of the product's vocabularies, written out so that every key in use can be read in the code (test/extension/locales.test.ts reads them).

import type { ChannelEventKind, ChannelFailureKind, ChannelPlatform, WorkspaceLanguage } from "../../shared/channels";
import type { ForMeKind, ForMeReason } from "../../shared/for-me";
import type { RecordKindName } from "../../shared/kinds";
import type { Attention } from "../../shared/summary";
import type {
  actionItemStatuses,
  annotationVisibilities,
  escalationStatuses,
  goalKinds,
  healthStatuses,
  meetingRepeats,
  priorities,
  raciRoles,
  riskStatuses,
} from "../../shared/vocabulary";
import type { Role } from "../../shared/workspace";
import type { SelfHostedKind } from "../common/self-hosted";
import type { SyncStatus } from "../store/status";
import type { MessageKey } from "./i18n";

type Labels<Value extends string> = Record<Value, MessageKey>;

export const raciLabels = { R: "raci_R", A: "raci_A", C: "raci_C", I: "raci_I" } as const satisfies Labels<(typeof raciRoles)[number]>;

/** A badge's words for what needs attention; a high risk and overdue items are told with their figures instead. */
export const attentionLabels = {
  "no-accountable": "badge_no_accountable",
  "several-accountable": "badge_several_accountable",
  escalated: "badge_escalated",
} as const satisfies Labels<Exclude<Attention, "high-risk" | "overdue">>;

/** How often a recurring meeting comes round; "" is a one-off. */
export const meetingRepeatLabels = {
  "": "repeats_none",
  weekly: "repeats_weekly",
  "every-2-weeks": "repeats_every_2_weeks",
} as const satisfies Labels<(typeof meetingRepeats)[number] | "">;

export const priorityLabels = {
  low: "priority_low",
  medium: "priority_medium",
  high: "priority_high",
  urgent: "priority_urgent",
} as const satisfies Labels<(typeof priorities)[number]>;

export const actionItemStatusLabels = {
  open: "statusOpen",
  done: "statusDone",
  cancelled: "statusCancelled",
} as const satisfies Labels<(typeof actionItemStatuses)[number]>;

export const riskStatusLabels = {
  open: "riskStatus_open",
  mitigating: "riskStatus_mitigating",
  accepted: "riskStatus_accepted",
  closed: "riskStatus_closed",
  occurred: "riskStatus_occurred",
} as const satisfies Labels<(typeof riskStatuses)[number]>;

export const escalationStatusLabels = {
  open: "escalationStatus_open",
  decided: "escalationStatus_decided",
  withdrawn: "escalationStatus_withdrawn",
} as const satisfies Labels<(typeof escalationStatuses)[number]>;

export const healthLabels = {
  "on-track": "health_on_track",
  "at-risk": "health_at_risk",
  "off-track": "health_off_track",
} as const satisfies Labels<(typeof healthStatuses)[number]>;

export const goalKindLabels = { project: "goalKind_project", phase: "goalKind_phase" } as const satisfies Labels<
  (typeof goalKinds)[number]
>;

export const visibilityLabels = {
  workspace: "visibility_workspace",
  private: "visibility_private",
} as const satisfies Labels<(typeof annotationVisibilities)[number]>;

export const roleLabels = { admin: "role_admin", member: "role_member" } as const satisfies Labels<Role>;

export const selfHostedKindLabels = {
  gitlab: "kind_gitlab",
  jira: "kind_jira",
  confluence: "kind_confluence",
  github: "kind_github",
} as const satisfies Labels<SelfHostedKind>;

/** What the panel's search found: the kind of record each hit is. */
/** Every record kind's name, as search hits and lists show it: a kind missing here is a type error. */
export const recordKindLabels = {
  action_item: "kind_action_item",
  annotation: "kind_annotation",
  checkin: "kind_checkin",
  decision: "kind_decision",
  department: "kind_department",
  escalation: "kind_escalation",
  goal: "kind_goal",
  meeting: "kind_meeting",
  responsibility: "kind_responsibility",
  risk: "kind_risk",
  tracker_item: "kind_tracker_item",
} as const satisfies Record<RecordKindName, MessageKey>;

export const syncStateLabels = {
  idle: "syncIdle",
  syncing: "syncSyncing",
  offline: "syncOffline",
  "signed-out": "syncSignedOut",
  removed: "syncRemoved",
} as const satisfies Labels<Exclude<SyncStatus["state"], "error">>;

/** The side panel's tabs. */
export const viewLabels = {
  thisPage: "view_thisPage",
  forMe: "view_forMe",
  myWork: "view_myWork",
  actionItems: "view_actionItems",
  meetings: "view_meetings",
  risks: "view_risks",
  goals: "view_goals",
  gaps: "view_gaps",
  report: "view_report",
  search: "view_search",
  trash: "view_trash",
} as const satisfies Record<string, MessageKey>;

/** Why a "For me" entry landed on me, as its line and its notification say. */
export const forMeReasonLabels = {
  assigned: "forMe_assigned",
  reassigned: "forMe_reassigned",
  addressedToMe: "forMe_addressedToMe",
  addressedToDepartment: "forMe_addressedToDepartment",
  mention: "forMe_mention",
  reply: "forMe_reply",
  escalationDecider: "forMe_escalationDecider",
  escalationParty: "forMe_escalationParty",
  escalationDecided: "forMe_escalationDecided",
  riskReview: "forMe_riskReview",
  riskOccurred: "forMe_riskOccurred",
  help: "forMe_help",
  decision: "forMe_decision",
} as const satisfies Record<ForMeReason, MessageKey>;

/** The kinds of "For me" entries, each with its notification switch in options. */
export const forMeKindLabels = {
  assigned: "forMeKind_assigned",
  reassigned: "forMeKind_reassigned",
  note: "forMeKind_note",
  escalation: "forMeKind_escalation",
  risk: "forMeKind_risk",
  help: "forMeKind_help",
  decision: "forMeKind_decision",
} as const satisfies Record<ForMeKind, MessageKey>;

/** The action item list's filters. */
export const filterLabels = { all: "filterAll", open: "filterOpen", mine: "filterMine" } as const satisfies Record<string, MessageKey>;

/** A record's fields as a history line or a conflict names them; a member id field reads as the person it names. */
export const changedFieldLabels = {
  addressedTo: "changedField_addressedTo",
  agenda: "changedField_agenda",
  attendees: "changedField_attendees",
  blockers: "changedField_blockers",
  body: "changedField_body",
  contingency: "changedField_contingency",
  date: "changedField_date",
  deadline: "changedField_deadline",
  decidedBy: "changedField_decidedBy",
  decider: "changedField_decider",
  decision: "changedField_decision",
  department: "changedField_department",
  departments: "changedField_departments",
  description: "changedField_description",
  due: "changedField_due",
  follows: "changedField_follows",
  goal: "changedField_goal",
  helpNeeded: "changedField_helpNeeded",
  highlights: "changedField_highlights",
  impact: "changedField_impact",
  indicators: "changedField_indicators",
  kind: "changedField_kind",
  lead: "changedField_lead",
  likelihood: "changedField_likelihood",
  meeting: "changedField_meeting",
  mitigation: "changedField_mitigation",
  name: "changedField_name",
  needs: "changedField_needs",
  notes: "changedField_notes",
  owner: "changedField_owner",
  parent: "changedField_parent",
  person: "changedField_person",
  priority: "changedField_priority",
  quote: "changedField_quote",
  repeats: "changedField_repeats",
  resolution: "changedField_resolution",
  resolved: "changedField_resolved",
  reviewOn: "changedField_reviewOn",
  role: "changedField_role",
  selectors: "changedField_selectors",
  source: "changedField_source",
  status: "changedField_status",
  statusOverride: "changedField_statusOverride",
  tags: "changedField_tags",
  target: "changedField_target",
  targets: "changedField_targets",
  text: "changedField_text",
  title: "changedField_title",
  url: "changedField_url",
  visibility: "changedField_visibility",
  week: "changedField_week",
  ownerId: "changedField_owner",
  leadId: "changedField_lead",
  memberId: "changedField_person",
  deciderId: "changedField_decider",
} as const satisfies Record<string, MessageKey>;

/** What a change the server did not take was. */
export const notSavedOpLabels = {
  upsert: "notSavedEdit",
  delete: "notSavedDelete",
  restore: "notSavedRestore",
} as const satisfies Record<string, MessageKey>;

/** The files the side panel's exports save, as their buttons say. */
export const exportLabels = {
  "action-items.csv": "exportActionItems",
  "calendar.ics": "exportCalendar",
  "annotations.jsonld": "exportAnnotations",
} as const satisfies Record<string, MessageKey>;

/** Team chat platforms, as the options page's Channels section names them. */
export const channelPlatformLabels = {
  feishu: "channelPlatform_feishu",
  dingtalk: "channelPlatform_dingtalk",
  wecom: "channelPlatform_wecom",
  slack: "channelPlatform_slack",
  webhook: "channelPlatform_webhook",
} as const satisfies Record<ChannelPlatform, MessageKey>;

/** What a channel can be sent. */
export const channelEventLabels = {
  action_assigned: "channelEvent_action_assigned",
  action_overdue: "channelEvent_action_overdue",
  escalation_opened: "channelEvent_escalation_opened",
  escalation_decided: "channelEvent_escalation_decided",
  risk_recorded: "channelEvent_risk_recorded",
  risk_occurred: "channelEvent_risk_occurred",
  decision_recorded: "channelEvent_decision_recorded",
  help_needed: "channelEvent_help_needed",
  weekly_report: "channelEvent_weekly_report",
} as const satisfies Record<ChannelEventKind, MessageKey>;

/** How a channel's delivery failed, as the Channels section says it: the platform's name and the HTTP status fill it in. */
export const channelFailureLabels = {
  timeout: "channelFailure_timeout",
  unreachable: "channelFailure_unreachable",
  http: "channelFailure_http",
  platform: "channelFailure_platform",
} as const satisfies Record<ChannelFailureKind, MessageKey>;

/** The languages the workspace's chat messages can be written in. */
export const workspaceLanguageLabels = {
  en: "workspaceLanguage_en",
  "zh-CN": "workspaceLanguage_zh_CN",
} as const satisfies Record<WorkspaceLanguage, MessageKey>;
