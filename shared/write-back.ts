// Writing back to the tracker without tokens: a new issue's title and body from a record, and an item's summary as a comment to paste.
import type { ActionItem, Decision, Responsibility, Risk } from "./entities";
import { inline } from "./markdown-text";
import type { IssueDraft } from "./sites/site-keys";
import { activeRiskStatuses, riskScore } from "./summary";
import type { riskStatuses } from "./vocabulary";

/** The words a new issue's body uses, in the user's language. */
interface IssueLabels {
  /** The record's kind: "Action item", "Decision". */
  kind: string;
  owner: string;
  due: string;
  /** Before the link to the tracker item the record is linked to: "Follows up". */
  linkedTo: string;
}

/**
 * A new issue from an action item or a decision: its text as the title; its kind, owner and due
 * date, and a link back to the tracker item it is linked to (when there is one), as the body.
 */
export function issueDraft(
  record: { text: string; owner?: string | null; due?: string | null },
  linked: { key: string; url: string | null } | null,
  labels: IssueLabels,
): IssueDraft {
  const title = record.text.replace(/\s+/g, " ").trim();
  const details = [record.owner && `${labels.owner}: ${inline(record.owner)}`, record.due && `${labels.due}: ${record.due}`].filter(
    Boolean,
  );
  const lines = [`**${labels.kind}**${details.length > 0 ? ` (${details.join("; ")})` : ""}`, "", record.text.trim()];
  if (linked) lines.push("", `${labels.linkedTo}: ${linked.url ? `[${linked.key}](${linked.url})` : `\`${linked.key}\``}`);
  return { title, body: lines.join("\n") };
}

/** The words an item's comment uses, in the user's language. */
interface CommentLabels {
  raci: string;
  risks: string;
  decisions: string;
  openActionItems: string;
  owner: string;
  due: string;
  none: string;
  noDepartment: string;
  riskStatuses: Record<(typeof riskStatuses)[number], string>;
}

/** What the team knows of one tracker item, as the side panel's This page shows it. */
interface ItemRecords {
  raci: Responsibility[];
  risks: Risk[];
  decisions: Decision[];
  actionItems: ActionItem[];
}

/**
 * A tracker item's RACI (by department), active risks (highest score first), decisions and open
 * action items as Markdown, to paste as a comment on the item.
 */
export function itemCommentMarkdown(records: ItemRecords, labels: CommentLabels): string {
  const section = (title: string, lines: string[]) => [`**${title}**`, "", ...(lines.length > 0 ? lines : [`- ${labels.none}`]), ""];
  const departments = new Map<string, Responsibility[]>();
  for (const r of records.raci) departments.set(r.department ?? "", [...(departments.get(r.department ?? "") ?? []), r]);
  const raci = [...departments].map(
    ([department, people]) =>
      `- ${department ? inline(department) : labels.noDepartment}: ${people.map((p) => `${inline(p.person)} (${p.role})`).join(", ")}`,
  );
  const risks = records.risks
    .filter((risk) => activeRiskStatuses.includes(risk.status))
    .sort((a, b) => riskScore(b) - riskScore(a))
    .map(
      (risk) =>
        `- ${inline(risk.title)} (${riskScore(risk)}, ${labels.riskStatuses[risk.status]})${risk.mitigation ? `: ${inline(risk.mitigation)}` : ""}`,
    );
  const decisions = records.decisions.map((decision) => `- ${inline(decision.text)}`);
  const actions = records.actionItems
    .filter((item) => item.status === "open")
    .map(
      (item) => `- [ ] ${inline(item.text)} (${labels.owner}: ${item.owner ? inline(item.owner) : "—"}; ${labels.due}: ${item.due ?? "—"})`,
    );
  return [
    ...section(labels.raci, raci),
    ...section(labels.risks, risks),
    ...section(labels.decisions, decisions),
    ...section(labels.openActionItems, actions),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
}
