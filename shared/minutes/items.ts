// What reading a page's minutes gives: each task or decision with its owner, date and the items it names (no DOM here: the Worker's types leave the readers out).

export type MinutesKind = "action" | "decision";

/** One task or decision read from the page, before it is matched to members and tracker items. */
export interface ReadItem {
  kind: MinutesKind;
  /** What to do or what was decided, without its owner, date or marker. */
  text: string;
  /** The whole line, as the page shows it (the quote the item keeps). */
  line: string;
  /** The @mention or person chip, as written (without the @). */
  owner: string | null;
  /** The mention's handle, when it has one apart from the name (a username). */
  ownerHandle: string | null;
  due: string | null;
  /** Ticked in the page. */
  checked: boolean;
  /** Links and bare keys on the line (ACME-42, acme/app#7), resolved later against the workspace's items. */
  refs: string[];
  /** Where it came from: a site's reader, or "lines" for plain lines and headings. */
  reader: string;
}

export interface MinutesReading<Extra = object> {
  title: string;
  /** The meeting's day: the page's own date, else one in its title, else the first date shown, else today. */
  date: string;
  items: Array<ReadItem & Extra>;
}
