// Chat messages of channel events, in the workspace's language and each platform's native format, with links back to the tracker items.
import type { ChannelPlatform, WorkspaceLanguage } from "../../shared/channels";
import { urlForTargetKey } from "../../shared/sites/keys";
import type { ChannelEvent } from "./events";

interface Link {
  text: string;
  url: string;
}

/** One event's part of a message: a heading (in a digest), plain lines, and links to its tracker items. */
interface Part {
  heading: string | null;
  lines: string[];
  links: Link[];
}

/** A message before a platform writes it out. */
interface ChatMessage {
  title: string;
  parts: Part[];
}

type Words = Record<
  | "action_assigned"
  | "action_overdue"
  | "escalation_opened"
  | "escalation_decided"
  | "risk_recorded"
  | "risk_occurred"
  | "decision_recorded"
  | "help_needed"
  | "weekly_report"
  | "digest"
  | "test"
  | "test_line"
  | "by"
  | "owner"
  | "decider"
  | "due"
  | "deadline"
  | "review"
  | "departments"
  | "resolution"
  | "score"
  | "open_actions"
  | "overdue_actions"
  | "done_actions"
  | "high_risks"
  | "open_escalations"
  | "health"
  | "no_checkin"
  | "help_asked"
  | "open_item",
  string
>;

const words: Record<WorkspaceLanguage, Words> = {
  en: {
    action_assigned: "Action item assigned",
    action_overdue: "Action item overdue",
    escalation_opened: "Escalation opened",
    escalation_decided: "Escalation decided",
    risk_recorded: "High risk recorded",
    risk_occurred: "Risk occurred",
    decision_recorded: "Decision recorded",
    help_needed: "Help needed",
    weekly_report: "Weekly report",
    digest: "{n} updates from Liaison",
    test: "Liaison test message",
    test_line: "This channel is connected to Liaison.",
    by: "By",
    owner: "Owner",
    decider: "To decide",
    due: "Due",
    deadline: "Deadline",
    review: "Review on",
    departments: "Departments",
    resolution: "Resolution",
    score: "Score",
    open_actions: "Open action items",
    overdue_actions: "Overdue",
    done_actions: "Done this week",
    high_risks: "High risks",
    open_escalations: "Open escalations",
    health: "Check-in",
    no_checkin: "not posted",
    help_asked: "Help asked for",
    open_item: "Open",
  },
  "zh-CN": {
    action_assigned: "行动项已指派",
    action_overdue: "行动项已逾期",
    escalation_opened: "新的升级事项",
    escalation_decided: "升级事项已决定",
    risk_recorded: "记录了高风险",
    risk_occurred: "风险已发生",
    decision_recorded: "新的决策",
    help_needed: "请求协助",
    weekly_report: "周报",
    digest: "Liaison 的 {n} 条更新",
    test: "Liaison 测试消息",
    test_line: "此频道已连接到 Liaison。",
    by: "操作人",
    owner: "负责人",
    decider: "决策人",
    due: "截止",
    deadline: "截止",
    review: "复查日期",
    departments: "部门",
    resolution: "决定",
    score: "评分",
    open_actions: "未完成的行动项",
    overdue_actions: "已逾期",
    done_actions: "本周完成",
    high_risks: "高风险",
    open_escalations: "未决的升级事项",
    health: "部门周报",
    no_checkin: "未提交",
    help_asked: "请求协助",
    open_item: "打开",
  },
};

const healthWords: Record<WorkspaceLanguage, Record<string, string>> = {
  en: { "on-track": "on track", "at-risk": "at risk", "off-track": "off track" },
  "zh-CN": { "on-track": "正常", "at-risk": "有风险", "off-track": "偏离" },
};

const colon = (language: WorkspaceLanguage) => (language === "zh-CN" ? "：" : ": ");

/** The heading of one event, e.g. "Action item assigned: Ship the export". */
function heading(event: ChannelEvent, language: WorkspaceLanguage): string {
  const w = words[language];
  if (event.kind === "weekly_report") return `${w.weekly_report} ${event.weekly?.week ?? ""}${colon(language)}${event.title}`;
  if (event.kind === "help_needed") return `${w.help_needed}${colon(language)}${event.title}`;
  return `${w[event.kind]}${colon(language)}${event.title}`;
}

function part(event: ChannelEvent, language: WorkspaceLanguage, withHeading: boolean): Part {
  const w = words[language];
  const c = colon(language);
  const lines: string[] = [];
  const field = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") lines.push(`${label}${c}${value}`);
  };
  if (event.kind === "weekly_report" && event.weekly) {
    const f = event.weekly;
    field(w.open_actions, f.openActions);
    field(w.overdue_actions, f.overdueActions);
    field(w.done_actions, f.doneActions);
    field(w.high_risks, f.highRisks);
    field(w.open_escalations, f.openEscalations);
    field(w.health, f.health ? (healthWords[language][f.health] ?? f.health) : w.no_checkin);
    if (f.helpNeeded > 0) field(w.help_asked, f.helpNeeded);
  } else {
    const person = event.kind.startsWith("escalation") ? w.decider : w.owner;
    field(person, event.person);
    if (event.score !== undefined) field(w.score, event.score);
    field(event.kind.startsWith("escalation") ? w.deadline : event.kind.startsWith("risk") ? w.review : w.due, event.due);
    if (event.kind.startsWith("escalation")) field(w.departments, event.departments.join(", "));
    if (event.kind === "escalation_decided") field(w.resolution, event.detail);
    else if (event.detail) lines.push(...event.detail.split("\n"));
    field(w.by, event.by);
  }
  const links = event.targets.slice(0, 3).flatMap((target) => {
    const url = urlForTargetKey(target);
    return url ? [{ text: `${w.open_item} ${target}`, url }] : [];
  });
  return { heading: withHeading ? heading(event, language) : null, lines, links };
}

/** One event as a message; several as one digest message. */
export function chatMessage(events: ChannelEvent[], language: WorkspaceLanguage): ChatMessage {
  if (events.length === 1) return { title: heading(events[0], language), parts: [part(events[0], language, false)] };
  return { title: words[language].digest.replace("{n}", String(events.length)), parts: events.map((event) => part(event, language, true)) };
}

/** The message an admin's "Test" sends. */
export function testMessage(language: WorkspaceLanguage): ChatMessage {
  return { title: words[language].test, parts: [{ heading: null, lines: [words[language].test_line], links: [] }] };
}

/** Markdown (DingTalk, WeCom) shows user text as typed, not as markup. */
const markdownText = (value: string) => value.replace(/([\\`*_[\]#<>|~])/g, "\\$1");
/** Slack's mrkdwn escapes only these three. */
const slackText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function markdownLines(message: ChatMessage, linkOf: (link: Link) => string): string[] {
  const lines: string[] = [];
  for (const p of message.parts) {
    if (p.heading) lines.push(`**${markdownText(p.heading)}**`);
    for (const line of p.lines) lines.push(`> ${markdownText(line)}`);
    for (const link of p.links) lines.push(linkOf(link));
    lines.push("");
  }
  return lines;
}

/** The JSON body a platform's bot takes for a message (before any signature). */
export function platformBody(
  platform: ChannelPlatform,
  message: ChatMessage,
  language: WorkspaceLanguage,
  events: ChannelEvent[],
): Record<string, unknown> {
  if (platform === "feishu") {
    const content: Array<Array<Record<string, string>>> = [];
    for (const p of message.parts) {
      if (p.heading) content.push([{ tag: "text", text: p.heading, style: "bold" } as Record<string, string>]);
      for (const line of p.lines) content.push([{ tag: "text", text: line }]);
      for (const link of p.links) content.push([{ tag: "a", text: link.text, href: link.url }]);
    }
    return { msg_type: "post", content: { post: { [language === "zh-CN" ? "zh_cn" : "en_us"]: { title: message.title, content } } } };
  }
  if (platform === "dingtalk") {
    const text = [
      `#### ${markdownText(message.title)}`,
      "",
      ...markdownLines(message, (link) => `[${markdownText(link.text)}](${link.url})`),
    ];
    return { msgtype: "markdown", markdown: { title: message.title, text: text.join("\n").trim() } };
  }
  if (platform === "wecom") {
    const content = [
      `**${markdownText(message.title)}**`,
      ...markdownLines(message, (link) => `[${markdownText(link.text)}](${link.url})`),
    ];
    return { msgtype: "markdown", markdown: { content: content.join("\n").trim() } };
  }
  if (platform === "slack") {
    const blocks: Array<Record<string, unknown>> = [{ type: "header", text: { type: "plain_text", text: message.title.slice(0, 150) } }];
    for (const p of message.parts) {
      const text = [
        ...(p.heading ? [`*${slackText(p.heading)}*`] : []),
        ...p.lines.map(slackText),
        ...p.links.map((link) => `<${link.url}|${slackText(link.text)}>`),
      ].join("\n");
      if (text) blocks.push({ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } });
    }
    return { text: message.title, blocks: blocks.slice(0, 50) };
  }
  return {
    language,
    title: message.title,
    parts: message.parts,
    events: events.map(({ kind, entity, id, title, departments, person, due, score, detail, targets, by, at, weekly }) => ({
      kind,
      entity,
      id,
      title,
      departments,
      person,
      due,
      score,
      detail,
      targets,
      links: targets.flatMap((target) => urlForTargetKey(target) ?? []),
      by,
      at,
      weekly,
    })),
  };
}
