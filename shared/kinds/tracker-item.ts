// What the tracker itself says about an item (title, state, assignees), as members' browsers last read it: titles for bare keys, two gap rules, and what closed in the tracker that week.
import { inWeek } from "../dates";
import { inline } from "../markdown-text";
import type { TrackerStatus } from "../vocabulary";
import { defineKind } from "./kind";
import type { ActionItem, Responsibility, TrackerItem } from "./schemas";

/** Whether the tracker is done with the item: closed, merged or done. */
export const closedInTracker = (status: TrackerStatus | null): boolean => status === "closed" || status === "merged" || status === "done";

/** A name folded for comparing: width-folded, lower case, without a leading @ and without spaces, dots, dashes or underscores. */
const squash = (name: string) =>
  name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^@/, "")
    .replace(/[\s._·-]+/g, "");

/** The forms a name often takes as a login: "Pat Lee" is patlee, leepat, plee, patl, pat and lee. */
function nameForms(name: string): Set<string> {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^@/, "")
    .split(/[\s._·-]+/)
    .filter(Boolean);
  const forms = new Set([squash(name)]);
  if (words.length >= 2) {
    const first = words[0];
    const last = words[words.length - 1];
    for (const form of [last + first, first[0] + last, first + last[0], last + first[0]]) forms.add(form);
  }
  for (const word of words) if (word.length >= 3) forms.add(word);
  forms.delete("");
  return forms;
}

/**
 * Whether a member's name and a tracker's login or display name are loosely the same person.
 * The tracker shows logins ("plee", "pat-lee42") or display names ("Pat Lee"); the team records
 * display names. They match when, folded (case, width, spaces, dots, dashes, underscores, a
 * leading @), one is the other, one starts with the other (3+ letters: "patlee42"), or they
 * share a usual login form of a name: first and last name run together either way, an initial
 * and the other name ("plee", "patl"), or one whole name of 3+ letters ("pat"). Loose on
 * purpose: a gap shown wrongly costs the team's trust more than one missed. A Chinese name
 * and a pinyin login ("张伟", "zhangwei") do not match.
 */
function samePerson(memberName: string, trackerName: string): boolean {
  const member = squash(memberName);
  const tracker = squash(trackerName);
  if (!member || !tracker) return false;
  if ((member.length >= 3 && tracker.startsWith(member)) || (tracker.length >= 3 && member.startsWith(tracker))) return true;
  const trackerForms = nameForms(trackerName);
  for (const form of nameForms(memberName)) if (form.length >= 2 && trackerForms.has(form)) return true;
  return false;
}

/** Open action items per item key. */
function openActionsByItem(actions: Array<{ data: ActionItem }>): Map<string, number> {
  const count = new Map<string, number>();
  for (const { data } of actions) if (data.status === "open") for (const key of data.targets) count.set(key, (count.get(key) ?? 0) + 1);
  return count;
}

/** An item as a report line names it: its tracker title, with the key after it. */
const itemLine = (item: TrackerItem) => (item.title ? `${inline(item.title)} (${item.target})` : item.target);

export const trackerItemKind = defineKind({
  name: "tracker_item",
  list: "trackerItems",
  // A reading is the newest sight of the page, not an edit of someone's words: no conflicts to settle.
  policy: { lastSeenWins: true },
  links: "target",
  search: (r) => ({ title: r.title || r.target, text: [r.target, r.state, ...r.assignees] }),
  report: {
    // What the tracker closed that week (as members first saw it), with the action items still open on it.
    section(records, { monday, labels, records: others }) {
      const closed = records.filter(({ data }) => data.closedOn !== null && closedInTracker(data.status) && inWeek(data.closedOn, monday));
      if (closed.length === 0) return [];
      const open = openActionsByItem(others("action_item") as Array<{ data: ActionItem }>);
      return [
        `## ${labels.closedInTracker} (${closed.length})`,
        "",
        ...closed.map(({ data }) => {
          const left = open.get(data.target) ?? 0;
          return `- ${itemLine(data)}${data.state ? `: ${inline(data.state)}` : ""}${left > 0 ? ` · ${labels.openActionsLeft}: ${left}` : ""}`;
        }),
        "",
      ];
    },
  },
  gaps(records, { records: others }) {
    const open = openActionsByItem(others("action_item") as Array<{ data: ActionItem }>);
    const accountable = new Map<string, string[]>();
    for (const { data } of others("responsibility") as Array<{ data: Responsibility }>)
      if (data.role === "A") accountable.set(data.target, [...(accountable.get(data.target) ?? []), data.person]);
    return {
      closedWithOpenActions: records
        .filter(({ data }) => closedInTracker(data.status) && (open.get(data.target) ?? 0) > 0)
        .map(({ data }) => data.target)
        .sort(),
      // Only where the team named someone accountable (no one is a gap of its own) and the tracker names assignees.
      assigneeNotAccountable: records
        .filter(({ data }) => {
          const people = accountable.get(data.target) ?? [];
          if (closedInTracker(data.status) || people.length === 0 || data.assignees.length === 0) return false;
          return !data.assignees.some((assignee) => people.some((person) => samePerson(person, assignee)));
        })
        .map(({ data }) => data.target)
        .sort(),
    };
  },
});
