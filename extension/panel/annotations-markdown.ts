// A page's annotations as Markdown, for the side panel's copy button: quotes, notes, authors, tags and replies.
import type { AnchoringStatus } from "../../shared/vocabulary";
import type { Member } from "../../shared/workspace";
import { type AnnotationThread, addresseeName, memberName, replyKind } from "../common/annotation-threads";
import { t } from "../ui/i18n";

/**
 * A page's annotations as Markdown to paste into a doc or a chat: per thread the quote, the
 * note as written (it is Markdown already), who wrote it, for whom, its tags, and the replies
 * (resolutions included), oldest first.
 */
export function annotationsMarkdown(
  threads: AnnotationThread[],
  options: { members: Member[]; pageUrl: string | null; anchoring?: Record<string, AnchoringStatus> },
): string {
  const { members } = options;
  const name = (id: string | null) => memberName(members, id) ?? t("someone");
  const out: string[] = [`## ${t("markdownTitle", options.pageUrl ?? "")}`.trimEnd(), ""];
  for (const { root, replies, resolved } of threads) {
    const { annotation } = root;
    if (annotation.quote) out.push(...annotation.quote.split("\n").map((line) => `> ${line}`), "");
    if (annotation.body) out.push(annotation.body, "");
    const to = addresseeName(annotation, members);
    const meta = [
      `— ${name(root.authorId)}`,
      root.createdAt.slice(0, 10),
      to && t("markdownTo", to),
      annotation.tags.length > 0 && annotation.tags.map((tag) => `#${tag}`).join(" "),
      resolved && t("annotationResolved"),
      options.anchoring?.[root.id] === "orphan" && t("markdownOrphan"),
    ].filter(Boolean);
    out.push(meta.join(" · "), "");
    for (const reply of replies) {
      const kind = replyKind(reply.annotation);
      if (kind === "resolved")
        out.push(`- _${t("replyResolved", name(reply.authorId))}_${reply.annotation.body ? `: ${indent(reply.annotation.body)}` : ""}`);
      else if (kind === "reopened") out.push(`- _${t("replyReopened", name(reply.authorId))}_`);
      else out.push(`- **${name(reply.authorId)}**: ${indent(reply.annotation.body)}`);
    }
    if (replies.length > 0) out.push("");
    out.push("---", "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Later lines of a multi-line reply stay inside its list item. */
const indent = (text: string) => text.split("\n").join("\n  ");
