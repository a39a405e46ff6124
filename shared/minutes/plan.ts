// What importing a page's minutes would do: each task and decision matched to members, tracker items and what an earlier import of the page already made (new, changed, ticked or already there).
import type { ActionItem, Decision, Meeting, TextQuoteSelector } from "../kinds/schemas";
import { jiraKey } from "../sites/jira/key";
import { targetKeyForUrl } from "../sites/keys";
import { parseTargetInput } from "../target-input";
import type { Member } from "../workspace";
import type { MinutesReading, ReadItem } from "./items";

/** A page's minutes as the page reads them for the side panel: each item with the quote it keeps. */
export type MinutesPage = MinutesReading<{ quote: TextQuoteSelector | null }> & { url: string };
type PageItem = MinutesPage["items"][number];

/**
 * `new`: not imported yet. `changed`: imported, and the page now names another owner or date.
 * `ticked`: imported, still open, and ticked in the page. `imported`: nothing to do.
 */
type CandidateStatus = "new" | "changed" | "ticked" | "imported";

export interface Candidate {
  kind: ReadItem["kind"];
  text: string;
  owner: string | null;
  ownerId: string | null;
  department: string | null;
  due: string | null;
  targets: string[];
  checked: boolean;
  quote: TextQuoteSelector | null;
  status: CandidateStatus;
  /** The record an earlier import made. */
  existingId: string | null;
  /** What differs from that record (owner, due). */
  changes: Array<"owner" | "due">;
}

interface Existing {
  meetings: Array<{ id: string; data: Meeting }>;
  decisions: Array<{ id: string; data: Decision }>;
  actionItems: Array<{ id: string; data: ActionItem }>;
  members: Member[];
  /** Every item the workspace's records name: a bare key resolves against them. */
  knownKeys: Iterable<string>;
}

/** A page's address without its fragment: the same notes whatever heading was in view. */
function notesUrl(href: string): string {
  return href.split("#")[0];
}

/**
 * The address a meeting keeps for its notes page: without the fragment, cut to what a record
 * holds (2,048 characters). The page's meeting is found again by this same form, so a longer
 * address matches the meeting an earlier import made rather than making a new one each time.
 */
export function meetingUrl(href: string): string {
  return notesUrl(href).slice(0, 2048);
}

const sameText = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
const squeezed = (text: string) => text.toLowerCase().replace(/[\s._-]+/g, "");

/** The member a mention names: by name, by handle, by name without spaces, else by a first name only one member has. */
export function memberFor(owner: string | null, handle: string | null, members: Member[]): Member | null {
  if (!owner && !handle) return null;
  const tries = [owner, handle].filter((value): value is string => Boolean(value)).map(squeezed);
  const exact = members.find((member) => tries.includes(squeezed(member.name)));
  if (exact) return exact;
  const first = members.filter((member) => tries.includes(squeezed(member.name.split(/\s+/)[0] ?? "")));
  return first.length === 1 ? first[0] : null;
}

/** The tracker items a line names: its links (trackers only) and bare keys, resolved as the rest of Liaison does. */
export function targetsOf(refs: string[], pageUrl: string, knownKeys: Iterable<string>): string[] {
  const known = [...knownKeys];
  const page = notesUrl(pageUrl);
  const host = /^https?:\/\/([^/]+)/.exec(pageUrl)?.[1]?.toLowerCase() ?? "";
  const keys = new Set<string>();
  for (const ref of refs) {
    if (/^https?:\/\//i.test(ref)) {
      if (notesUrl(ref) === page) continue;
      let key = targetKeyForUrl(ref);
      // A Jira Server link (/browse/KEY-1) from a Confluence Server page.
      if (!key || key.startsWith("url:"))
        key = /\/browse\/[A-Z][A-Z0-9_]+-\d+/.test(ref) ? jiraKey(new URL(ref), { selfHosted: true }) : null;
      if (key) keys.add(key);
      continue;
    }
    const key =
      parseTargetInput(ref, known) ?? (host.endsWith(".atlassian.net") && /^[A-Z][A-Z0-9_]+-\d+$/.test(ref) ? `jira:${host}/${ref}` : null);
    if (key) keys.add(key);
  }
  return [...keys].slice(0, 20);
}

/** What importing the page would do, item by item, in the page's order; and the meeting an earlier import made. */
export function planImport(page: MinutesPage, existing: Existing): { meetingId: string | null; candidates: Candidate[] } {
  const url = meetingUrl(page.url);
  const meetingId = existing.meetings.find((meeting) => meeting.data.url && meetingUrl(meeting.data.url) === url)?.id ?? null;
  const actions = meetingId ? existing.actionItems.filter((row) => row.data.meeting === meetingId) : [];
  const decisions = meetingId ? existing.decisions.filter((row) => row.data.meeting === meetingId) : [];
  const used = new Set<string>();
  const match = <T extends { id: string }>(rows: T[], same: (row: T) => boolean): T | null => {
    const row = rows.find((candidate) => !used.has(candidate.id) && same(candidate)) ?? null;
    if (row) used.add(row.id);
    return row;
  };
  const rowsOf = (item: PageItem): Array<{ id: string; data: Decision | ActionItem }> => (item.kind === "decision" ? decisions : actions);
  // First by the words, for every item; then an item whose record's words were edited in Liaison
  // by the quote the record kept of the same line (the line unchanged in the page).
  const found = page.items.map((item) => match(rowsOf(item), (row) => sameText(row.data.text) === sameText(item.text.slice(0, 2000))));
  page.items.forEach((item, k) => {
    const quote = item.quote?.exact;
    if (found[k] || !quote) return;
    found[k] = match(rowsOf(item), (row) => {
      const kept = row.data.source?.selector?.exact;
      return Boolean(kept) && sameText(kept ?? "") === sameText(quote);
    });
  });
  const candidates = page.items.map((item: PageItem, k): Candidate => {
    const member = memberFor(item.owner, item.ownerHandle, existing.members);
    const base = {
      kind: item.kind,
      text: item.text.slice(0, 2000),
      owner: (member?.name ?? item.owner)?.slice(0, 80) ?? null,
      ownerId: member?.id ?? null,
      department: member?.department || null,
      due: item.due,
      targets: targetsOf(item.refs, page.url, existing.knownKeys),
      checked: item.checked,
      quote: item.quote,
    };
    if (item.kind === "decision") {
      const row = found[k];
      return { ...base, status: row ? "imported" : "new", existingId: row?.id ?? null, changes: [] };
    }
    const row = found[k] as { id: string; data: ActionItem } | null;
    if (!row) return { ...base, status: "new", existingId: null, changes: [] };
    const changes: Candidate["changes"] = [];
    if (base.owner && (base.owner !== row.data.owner || (base.ownerId ?? null) !== (row.data.ownerId ?? null))) changes.push("owner");
    if (base.due && base.due !== row.data.due) changes.push("due");
    const status = changes.length > 0 ? "changed" : base.checked && row.data.status === "open" ? "ticked" : "imported";
    return { ...base, status, existingId: row.id, changes };
  });
  return { meetingId, candidates };
}
