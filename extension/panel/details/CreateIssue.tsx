// "Create issue in tracker" on an action item's or a decision's details: the tracker's own new-issue page, prefilled, in a new tab.
import { newIssueUrlForTargetKey, urlForTargetKey } from "../../../shared/sites/keys";
import { issueDraft } from "../../../shared/write-back";
import { t } from "../../ui/i18n";

interface CreateIssueProps {
  /** The record's kind, in the user's words ("Action item"). */
  kind: string;
  record: { text: string; owner?: string | null; due?: string | null; targets: string[] };
}

/**
 * One link per tracker item the record is linked to whose site takes a prefilled new-issue URL
 * (GitHub, GitLab, Linear; not Jira, whose page needs a numeric project id): no token needed,
 * the user files the issue as themselves.
 */
export function CreateIssue({ kind, record }: CreateIssueProps) {
  const labels = { kind, owner: t("md_owner"), due: t("md_due"), linkedTo: t("issueLinkedTo") };
  const links = record.targets
    .map((key) => ({ key, href: newIssueUrlForTargetKey(key, issueDraft(record, { key, url: urlForTargetKey(key) }, labels)) }))
    .filter((link): link is { key: string; href: string } => link.href !== null);
  if (links.length === 0) return null;
  return (
    <p class="actions create-issue">
      {links.map(({ key, href }) => (
        <a key={key} class="button" href={href} target="_blank" rel="noopener noreferrer">
          {links.length === 1 ? t("createIssueInTracker") : t("createIssueIn", key)}
        </a>
      ))}
    </p>
  );
}
