// The side panel's "This page" tab: what the team knows of the item in view (RACI, risks, decisions, actions, escalations, annotations).
import { useState } from "preact/hooks";
import type { Responsibility } from "../../../shared/entities";
import { maxLengths } from "../../../shared/limits";
import { urlForTargetKey } from "../../../shared/sites/keys";
import { riskLevel, riskScore } from "../../../shared/summary";
import { raciRoles, riskStatuses } from "../../../shared/vocabulary";
import type { Member } from "../../../shared/workspace";
import { itemCommentMarkdown } from "../../../shared/write-back";
import { ask } from "../../common/ask";
import { ErrorNote } from "../../ui/ErrorNote";
import { t } from "../../ui/i18n";
import { raciLabels, riskStatusLabels } from "../../ui/labels";
import { departmentChoices, NamePicker } from "../../ui/NamePicker";
import { useStore } from "../../ui/use-store";
import { ActionItemList } from "../ActionItemList";
import { toActionItemView } from "../action-items";
import { emptyAnnotations, readPageAnnotations } from "../annotations-read";
import { RecordLink } from "../details/RecordLink";
import { remove, save } from "../mutate";
import type { PanelData, Row } from "../panel-data";
import { AnnotationsView } from "./AnnotationsView";
import { toggleDone } from "./actions";
import { Escalations } from "./Escalations";
import { ImportMinutes } from "./ImportMinutes";
import { TickedInNotes } from "./TickedInNotes";

interface ThisPageProps {
  data: PanelData;
  /** The item of the page in view (or whose chip was clicked). */
  pageKey: string | null;
  pageTitle?: string;
}

/** Everything Liaison knows about the item in view: RACI by department, risks, decisions, action items. */
export function ThisPage({ data, pageKey, pageTitle, pageUrl, today }: ThisPageProps & { today: string; pageUrl?: string | null }) {
  if (!pageKey)
    return (
      <>
        <p class="empty">{t("thisPageNone")}</p>
        <TickedInNotes data={data} />
        <ImportMinutes data={data} today={today} />
      </>
    );
  const raci = data.responsibilities.filter((row) => row.data.target === pageKey);
  const risks = data.risks.filter((row) => row.data.targets.includes(pageKey)).sort((a, b) => riskScore(b.data) - riskScore(a.data));
  const decisions = data.decisions.filter((row) => row.data.targets.includes(pageKey));
  const items = data.actionItems.filter((row) => row.data.targets.includes(pageKey));
  const meetingTitle = new Map(data.meetings.map((m) => [m.id, m.data.title]));
  // What the tracker last said about the item, as a member saw it on its page.
  const tracker = data.trackerItems.find((row) => row.data.target === pageKey)?.data;
  const count = (role: Responsibility["role"]) => raci.filter((r) => r.data.role === role).length;
  const warnings = [
    count("A") === 0 && t("warnNoAccountable"),
    count("A") > 1 && t("warnSeveralAccountable"),
    count("R") === 0 && t("warnNoResponsible"),
  ].filter((w): w is string => Boolean(w));

  return (
    <div class="this-page">
      <h2 class="page-key">
        {tracker?.title ? `${tracker.title} ` : pageTitle ? `${pageTitle} ` : ""}
        <code>{pageKey}</code>
      </h2>
      {tracker?.state && (
        <p class="tracker-says">
          {t("trackerSays")}: <strong>{tracker.state}</strong> ·{" "}
          {tracker.assignees.length > 0 ? t("trackerAssignees", tracker.assignees.join(", ")) : t("trackerNoAssignee")}
        </p>
      )}
      <CopyAsComment
        markdown={() =>
          itemCommentMarkdown(
            {
              raci: raci.map((r) => r.data),
              risks: risks.map((r) => r.data),
              decisions: decisions.map((r) => r.data),
              actionItems: items.map((r) => r.data),
            },
            commentLabels(),
          )
        }
      />
      <TickedInNotes data={data} />
      <ImportMinutes data={data} today={today} />
      {warnings.length > 0 && (
        <ul class="warnings" aria-label={t("warningsLabel")}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="raci-title">
        <h3 id="raci-title">{t("raciTitle")}</h3>
        <RaciByDepartment rows={raci} />
        <AddResponsibility target={pageKey} members={data.members} />
      </section>
      <section aria-labelledby="risks-title">
        <h3 id="risks-title">
          {t("risksTitle")} ({risks.length})
        </h3>
        <ul class="plain">
          {risks.map(({ id, data: risk }) => (
            <li key={id} class="risk-row">
              <span class={`score ${riskLevel(riskScore(risk))}`}>{riskScore(risk)}</span>{" "}
              <RecordLink entity="risk" id={id}>
                {risk.title}
              </RecordLink>{" "}
              · {t(riskStatusLabels[risk.status])}
              {risk.mitigation && (
                <p class="muted">
                  {t("mitigation")}: {risk.mitigation}
                </p>
              )}
              {risk.contingency && (
                <p class="muted">
                  {t("contingency")}: {risk.contingency}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="decisions-title">
        <h3 id="decisions-title">
          {t("decisionsTitle")} ({decisions.length})
        </h3>
        <ul class="plain">
          {decisions.map(({ id, data: decision }) => (
            <li key={id}>
              <RecordLink entity="decision" id={id}>
                {decision.text}
              </RecordLink>
              {decision.meeting && meetingTitle.get(decision.meeting) && <span class="muted"> · {meetingTitle.get(decision.meeting)}</span>}
            </li>
          ))}
        </ul>
      </section>
      {data.goals.some((g) => g.data.targets.includes(pageKey)) && (
        <p class="goals-line">
          {t("servesGoals")}:{" "}
          {data.goals
            .filter((g) => g.data.targets.includes(pageKey))
            .map((g, index) => (
              <span key={g.id}>
                {index > 0 && ", "}
                <RecordLink entity="goal" id={g.id}>
                  {g.data.title}
                </RecordLink>
              </span>
            ))}
        </p>
      )}
      <Escalations data={data} target={pageKey} today={today} />
      <PageAnnotations key={pageKey} pageKey={pageKey} pageUrl={pageUrl ?? urlForTargetKey(pageKey)} />
      <section aria-labelledby="actions-title">
        <h3 id="actions-title">
          {t("panelTitle")} ({items.length})
        </h3>
        <ActionItemList items={items.map(toActionItemView)} emptyText={t("nothingHere")} onToggleDone={toggleDone} />
      </section>
    </div>
  );
}

/** The comment's headings and words in the user's language. */
function commentLabels() {
  return {
    raci: t("raciTitle"),
    risks: t("commentActiveRisks"),
    decisions: t("decisionsTitle"),
    openActionItems: t("commentOpenActions"),
    owner: t("md_owner"),
    due: t("md_due"),
    none: t("md_none"),
    noDepartment: t("noDepartment"),
    riskStatuses: Object.fromEntries(riskStatuses.map((status) => [status, t(riskStatusLabels[status]).toLowerCase()])) as Record<
      (typeof riskStatuses)[number],
      string
    >,
  };
}

/** "Copy as comment": the item's summary as Markdown on the clipboard, to paste into the tracker. */
function CopyAsComment({ markdown }: { markdown: () => string }) {
  const [copied, setCopied] = useState(false);
  return (
    <p class="copy-comment">
      <button
        type="button"
        onClick={() =>
          navigator.clipboard
            .writeText(markdown())
            .then(() => setCopied(true))
            .catch(() => setCopied(false))
        }
      >
        {t("copyAsComment")}
      </button>
      {copied && <span role="status"> {t("copied")}</span>}
    </p>
  );
}

/** The page's annotations, with orphans and replies (extension/panel/views/AnnotationsView.tsx). */
function PageAnnotations({ pageKey, pageUrl }: { pageKey: string; pageUrl: string | null }) {
  const page = { url: pageUrl ?? "", keys: [pageKey] };
  const { value } = useStore((db) => readPageAnnotations(db, page), emptyAnnotations);
  return (
    <AnnotationsView
      annotations={value.threads}
      anchoring={value.anchoring}
      members={value.members}
      me={value.me}
      focusId={value.focusId}
      pageUrl={pageUrl}
      pageKeys={page.keys}
      onMutate={(change) => ask({ type: "entity.mutate", ...change })}
    />
  );
}

function RaciByDepartment({ rows }: { rows: Row<Responsibility>[] }) {
  const byDepartment = new Map<string, Row<Responsibility>[]>();
  for (const row of rows) byDepartment.set(row.data.department ?? "", [...(byDepartment.get(row.data.department ?? "") ?? []), row]);
  if (rows.length === 0) return <p class="empty">{t("raciEmpty")}</p>;
  return (
    <dl class="raci">
      {[...byDepartment].map(([department, people]) => (
        <div key={department}>
          <dt>{department || t("noDepartment")}</dt>
          {people.map(({ id, data: r }) => (
            <dd key={id}>
              <span class={`role role-${r.role}`} title={t(raciLabels[r.role])}>
                {r.role}
              </span>{" "}
              <RecordLink entity="responsibility" id={id}>
                {r.person}
              </RecordLink>{" "}
              <button type="button" class="link" aria-label={t("removePerson", r.person)} onClick={() => void remove("responsibility", id)}>
                ×
              </button>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

function AddResponsibility({ target, members }: { target: string; members: Member[] }) {
  const [person, setPerson] = useState("");
  const [role, setRole] = useState<Responsibility["role"]>("A");
  const [department, setDepartment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const member = members.find((m) => m.name === person.trim()) ?? null;
  const departments = departmentChoices(members);
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!person.trim()) return setError(t("errorPersonRequired"));
        setError(null);
        save("responsibility", {
          target,
          person: person.trim(),
          memberId: member?.id ?? null,
          department: department.trim() || member?.department || null,
          role,
        })
          .then(() => {
            setPerson("");
            setDepartment("");
          })
          .catch((e: Error) => setError(e.message));
      }}
    >
      <label>
        {t("fieldPerson")}
        <NamePicker people={members} value={person} maxLength={maxLengths.person} onInput={(e) => setPerson(e.currentTarget.value)} />
      </label>
      <label>
        {t("fieldRole")}
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Responsibility["role"])}>
          {raciRoles.map((r) => (
            <option key={r} value={r}>
              {t(raciLabels[r])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("fieldDepartment")}
        <NamePicker
          departments={departments}
          value={department}
          maxLength={maxLengths.department}
          onInput={(e) => setDepartment(e.currentTarget.value)}
        />
      </label>
      <button type="submit">{t("addPerson")}</button>
      <ErrorNote error={error} />
    </form>
  );
}
