// The side panel's "For me" tab: what landed on me (assignments, notes to me or my department, escalations, risks, help asked, decisions), newest first, unread in bold.
import { useContext, useEffect, useMemo } from "preact/hooks";
import { type ForMeEntry, forMeEntries, maxReadMarksPerRequest, readKeys } from "../../../shared/for-me";
import type { Member } from "../../../shared/workspace";
import { ask } from "../../common/ask";
import { type Db, getKv, openStore } from "../../store/db";
import { storeChannelName } from "../../store/local-rows";
import { formatDay, t } from "../../ui/i18n";
import { forMeReasonLabels } from "../../ui/labels";
import { useStore } from "../../ui/use-store";
import { OpenRecord, type RecordRef } from "../details/RecordLink";
import type { PanelData } from "../panel-data";

/** What "For me" reads besides the rows: the read marks (sent and not yet) and the action items taken from me. */
async function readMarks(db: Db) {
  const [server, pending, reassigned] = await Promise.all([getKv(db, "readMarks"), getKv(db, "readPending"), getKv(db, "forMeReassigned")]);
  return { server: server ?? [], pending: pending ?? [], reassigned: reassigned ?? [] };
}
const noMarks = { server: [], pending: [], reassigned: [] };

const markRead = (keys: string[]) => void ask({ type: "forMe.read", keys }).catch(() => {});
/** Marks many read, as many messages as the background takes at a time. */
const markAllRead = (keys: string[]) => {
  for (let at = 0; at < keys.length; at += maxReadMarksPerRequest) markRead(keys.slice(at, at + maxReadMarksPerRequest));
};

/** My entries and which are read, from the panel's rows and the read marks; recomputed as either changes. */
export function useForMe(data: PanelData, me: Member | null, today: string) {
  const { value: marks } = useStore(readMarks, noMarks);
  const entries = useMemo(
    () =>
      me
        ? forMeEntries({
            me,
            members: data.members,
            today,
            reassigned: marks.reassigned,
            actionItems: data.actionItems,
            annotations: data.annotations,
            escalations: data.escalations,
            risks: data.risks,
            checkins: data.checkins,
            decisions: data.decisions,
            responsibilities: data.responsibilities,
          })
        : [],
    [data, marks.reassigned, me, today],
  );
  const read = useMemo(() => readKeys(marks.server, marks.pending), [marks]);
  return { entries, read, unread: entries.filter((entry) => !read.has(entry.key)) };
}

/** My entries, newest first: an unread one in bold; opening one opens its record and marks it read in all my browsers. */
export function ForMe({ data, me, forMe }: { data: PanelData; me: Member | null; forMe: ReturnType<typeof useForMe> }) {
  const open = useContext(OpenRecord);
  if (!me) return <p class="empty">{t("connectPrompt")}</p>;
  const { entries, read, unread } = forMe;
  const name = (id: string | null) => data.members.find((member) => member.id === id)?.name ?? null;
  const openEntry = (entry: ForMeEntry) => {
    if (!read.has(entry.key)) markRead([entry.key]);
    open?.({ entity: entry.entity, id: entry.id });
  };
  return (
    <div class="for-me">
      <p class="for-me-summary" role="status">
        {t("forMeUnread", String(unread.length))}{" "}
        {unread.length > 0 && (
          <button type="button" class="link" onClick={() => markAllRead(unread.map((entry) => entry.key))}>
            {t("forMeMarkAllRead")}
          </button>
        )}
      </p>
      {entries.length === 0 ? (
        <p class="empty">{t("forMeEmpty")}</p>
      ) : (
        <ul class="for-me-entries">
          {entries.map((entry) => {
            const isUnread = !read.has(entry.key);
            return (
              <li key={entry.key} class={isUnread ? "unread" : "read"} data-entry={entry.key}>
                <button type="button" class="link record-link" onClick={() => openEntry(entry)}>
                  {isUnread ? <strong>{entry.title}</strong> : entry.title}
                </button>
                <p class="meta">
                  {[t(forMeReasonLabels[entry.reason]), name(entry.by), formatDay(entry.at.slice(0, 10))].filter(Boolean).join(" · ")}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * A notification clicked while the panel was closed or open: the panel shows "For me", and the
 * entry's record when it was one. Requests from before the panel opened (more than 30 s) are old news.
 */
export function usePanelRequest(onRequest: (record: RecordRef | null) => void): void {
  useEffect(() => {
    let handled = new Date(Date.now() - 30_000).toISOString();
    const check = async () => {
      const request = await getKv(await openStore(), "panelRequest");
      if (!request || request.at <= handled) return;
      handled = request.at;
      onRequest(request.record);
    };
    void check();
    const channel = new BroadcastChannel(storeChannelName);
    channel.onmessage = () => void check();
    return () => channel.close();
  }, []);
}
