// "Import from this page": reads the notes page in view, lists its decisions and action items as a checklist, and imports the ticked ones into one meeting.
import { useEffect, useState } from "preact/hooks";
import { knownTargetKeys } from "../../../shared/kinds/items";
import { type Candidate, type MinutesPage, meetingUrl, planImport } from "../../../shared/minutes/plan";
import { ask } from "../../common/ask";
import { ErrorNote } from "../../ui/ErrorNote";
import { t } from "../../ui/i18n";
import { save } from "../mutate";
import type { PanelData } from "../panel-data";

type State =
  | { phase: "idle" }
  | { phase: "reading" }
  | { phase: "ready"; page: MinutesPage; ticked: Set<number> }
  | { phase: "importing"; page: MinutesPage }
  | { phase: "done"; created: number; updated: number };

/** The candidates worth offering: new, changed, and open items ticked in the notes. */
const offered = (candidate: Candidate) => candidate.status !== "imported";

/**
 * Saves what the user kept: the meeting (once per page), new decisions and action items, changed
 * owners and dates, ticked items done. Each keeps its quote with the context either side, read
 * from the page now (the line alone if the page no longer shows it).
 */
async function importChosen(page: MinutesPage, picked: Array<readonly [Candidate, number]>, meetingId: string | null) {
  const { quotes } = await ask({ type: "minutes.quotes", indexes: picked.map(([, index]) => index) }).catch(() => ({
    quotes: [] as Array<Candidate["quote"]>,
  }));
  const chosen = picked.map(([candidate], k) => ({ ...candidate, quote: quotes[k] ?? candidate.quote }));
  let meeting = meetingId;
  if (!meeting) {
    const owners = [...new Set(chosen.map((c) => c.owner).filter((name): name is string => Boolean(name)))];
    const departments = [...new Set(chosen.map((c) => c.department).filter((name): name is string => Boolean(name)))];
    meeting = (
      await save("meeting", {
        title: page.title.slice(0, 200),
        date: page.date,
        url: meetingUrl(page.url),
        attendees: owners.slice(0, 100),
        departments: departments.slice(0, 30),
      })
    ).id;
  }
  const source = (c: Candidate) => ({ url: page.url.slice(0, 2048), title: page.title.slice(0, 300), selector: c.quote });
  let created = 0;
  let updated = 0;
  for (const c of chosen) {
    if (c.status === "new" && c.kind === "decision") {
      await save("decision", { meeting, text: c.text, targets: c.targets, date: page.date, source: source(c) });
      created++;
    } else if (c.status === "new") {
      await save("action_item", {
        meeting,
        text: c.text,
        owner: c.owner,
        ownerId: c.ownerId,
        department: c.department,
        due: c.due,
        targets: c.targets,
        status: c.checked ? "done" : "open",
        source: source(c),
      });
      created++;
    } else if (c.status === "changed" && c.existingId) {
      const fields: Record<string, unknown> = { source: source(c) };
      if (c.changes.includes("owner")) Object.assign(fields, { owner: c.owner, ownerId: c.ownerId, department: c.department });
      if (c.changes.includes("due")) fields.due = c.due;
      if (c.checked) fields.status = "done";
      await save("action_item", fields, c.existingId);
      updated++;
    } else if (c.status === "ticked" && c.existingId) {
      await save("action_item", { status: "done" }, c.existingId);
      updated++;
    }
  }
  return { created, updated };
}

function CandidateLine({ candidate }: { candidate: Candidate }) {
  return (
    <>
      <span class="minutes-kind">{candidate.kind === "decision" ? t("kind_decision") : t("kind_action_item")}</span>{" "}
      <span class="minutes-text">{candidate.text}</span>
      {candidate.kind === "action" && (
        <span class="muted">
          {" "}
          · <span class="minutes-owner">{candidate.owner ?? t("chipNoOwner")}</span>
          {candidate.department ? ` (${candidate.department})` : ""} · <span class="minutes-due">{candidate.due ?? t("chipNoDue")}</span>
        </span>
      )}
      {candidate.targets.length > 0 && (
        <span class="minutes-targets">
          {" "}
          {candidate.targets.map((key) => (
            <code key={key}>{key}</code>
          ))}
        </span>
      )}
    </>
  );
}

/** The import's entry and its checklist, on This page. */
export function ImportMinutes({ data, today }: { data: PanelData; today: string }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const [error, setError] = useState<string | null>(null);

  const read = () => {
    setError(null);
    setState({ phase: "reading" });
    ask({ type: "minutes.read", today })
      .then(({ page }) => {
        const { candidates } = plan(page);
        setState({ phase: "ready", page, ticked: new Set(candidates.flatMap((c, i) => (offered(c) ? [i] : []))) });
      })
      .catch((e: Error) => {
        setError(e.message);
        setState({ phase: "idle" });
      });
  };
  const plan = (page: MinutesPage) =>
    planImport(page, {
      meetings: data.meetings,
      decisions: data.decisions,
      actionItems: data.actionItems,
      members: data.members,
      knownKeys: knownTargetKeys(data),
    });

  // Opened by the context menu's "Import from this page": read at once.
  useEffect(() => {
    void ask({ type: "minutes.asked" })
      .then(({ asked }) => asked && read())
      .catch(() => {});
  }, []);

  if (state.phase === "idle" || state.phase === "done" || state.phase === "reading")
    return (
      <section class="import-minutes" aria-label={t("minutesImportFromPage")}>
        <button type="button" disabled={state.phase === "reading"} onClick={read}>
          {t("minutesImportFromPage")}
        </button>
        {state.phase === "reading" && <span role="status"> {t("minutesReading")}</span>}
        {state.phase === "done" && <span role="status"> {t("minutesImported", [String(state.created), String(state.updated)])}</span>}
        <ErrorNote error={error} />
      </section>
    );

  const { page } = state;
  // Planned again on every drawing: a teammate's import meanwhile shows as imported.
  const { meetingId, candidates } = plan(page);
  const ticked = state.phase === "ready" ? state.ticked : new Set<number>();
  const fresh = candidates.map((c, i) => [c, i] as const).filter(([c]) => offered(c));
  const already = candidates.filter((c) => !offered(c));
  const toggle = (index: number, on: boolean) => {
    if (state.phase !== "ready") return;
    const next = new Set(state.ticked);
    if (on) next.add(index);
    else next.delete(index);
    setState({ ...state, ticked: next });
  };
  const chosen = fresh.filter(([, i]) => ticked.has(i));

  return (
    <section class="import-minutes" aria-label={t("minutesImportFromPage")}>
      <p class="minutes-meeting">{t("minutesMeetingOn", [page.title, page.date])}</p>
      {candidates.length === 0 ? (
        <p class="empty">{t("minutesNothingFound")}</p>
      ) : fresh.length === 0 ? (
        <p class="empty">{t("minutesNothingNew")}</p>
      ) : (
        <ul class="plain minutes-candidates" aria-label={t("minutesListLabel")}>
          {fresh.map(([candidate, index]) => (
            <li key={index} data-status={candidate.status}>
              <label>
                <input
                  type="checkbox"
                  checked={ticked.has(index)}
                  disabled={state.phase !== "ready"}
                  onChange={(event) => toggle(index, event.currentTarget.checked)}
                />{" "}
                <CandidateLine candidate={candidate} />{" "}
                <span class="minutes-status">
                  {candidate.status === "new"
                    ? t("minutesNew")
                    : candidate.status === "ticked"
                      ? t("minutesTicked")
                      : candidate.changes
                          .map((change) => (change === "owner" ? t("minutesChangedOwner") : t("minutesChangedDue")))
                          .join(", ")}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {already.length > 0 && (
        <details class="minutes-imported">
          <summary>{t("minutesAlreadyImported", String(already.length))}</summary>
          <ul class="plain">
            {already.map((candidate) => (
              <li key={candidate.existingId ?? candidate.text}>
                <CandidateLine candidate={candidate} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="minutes-actions">
        {fresh.length > 0 && (
          <button
            type="button"
            disabled={state.phase !== "ready" || chosen.length === 0}
            onClick={() => {
              setState({ phase: "importing", page });
              importChosen(page, chosen, meetingId)
                .then((counts) => setState({ phase: "done", ...counts }))
                .catch((e: Error) => {
                  setError(e.message);
                  setState({ phase: "ready", page, ticked });
                });
            }}
          >
            {t("minutesImport")}
          </button>
        )}{" "}
        <button type="button" class="link" onClick={() => setState({ phase: "idle" })}>
          {t("cancel")}
        </button>
      </p>
      <ErrorNote error={error} />
    </section>
  );
}
