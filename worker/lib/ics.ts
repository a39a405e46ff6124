// Writes iCalendar files of all-day events, for the calendar export and members' calendar feeds.
import { addDays } from "../../shared/dates";
/**
 * iCalendar (RFC 5545) for all-day events: CRLF line ends, content lines folded at 75 octets,
 * TEXT values escaped, dates as DATE values and stamps as UTC DATE-TIME values.
 */

export interface AllDayEvent {
  /** Globally unique and stable for the item, so a re-import updates the event instead of adding one. */
  uid: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  url?: string | null;
  categories?: string[];
  createdAt: string;
  /** When the item was last changed (ISO); also the DTSTAMP, as the calendar carries no METHOD. */
  updatedAt: string;
}

interface Calendar {
  prodId: string;
  name: string;
  /** How often a subscribed calendar app should read the calendar again, when it is a feed. */
  refreshMinutes?: number;
  events: AllDayEvent[];
}

const encoder = new TextEncoder();
const maxOctets = 75;

// TEXT may not hold control characters other than HTAB; line breaks are written as \n.
const isDroppedControl = (char: string) => {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== "\t" && char !== "\n" && char !== "\r") || code === 0x7f;
};

// A UTF-16 surrogate without its other half (a string may hold one; no UTF-8 text can).
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A TEXT value: backslash, semicolon and comma escaped, each line break as \n. A lone surrogate
 * becomes U+FFFD, as it would otherwise reach the file as bytes that are not UTF-8 (and that a
 * calendar app decodes into more octets than the line was folded for).
 */
export function escapeText(value: string): string {
  return [...value.replace(loneSurrogate, "\uFFFD")]
    .filter((char) => !isDroppedControl(char))
    .join("")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Splits a content line into lines of at most 75 octets of UTF-8, each continuation starting
 * with one space, never inside a character.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > maxOctets) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** 2026-03-31 as 20260331. */
const icsDate = (day: string) => day.replaceAll("-", "");

/** The day after a YYYY-MM-DD day, as an iCalendar DATE (an all-day event's exclusive DTEND). */
export function icsNextDate(day: string): string {
  return icsDate(addDays(day, 1));
}

/** An ISO instant as a UTC DATE-TIME, 20260331T101500Z. */
function icsDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/**
 * A link as a URI value, or null when it is not an http(s) URL that parses: such a link is left
 * out of its event, since one odd link must not cost the whole calendar.
 */
export function icsUri(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function eventLines(event: AllDayEvent): string[] {
  const url = icsUri(event.url);
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.updatedAt)}`,
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    `DTEND;VALUE=DATE:${icsNextDate(event.date)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (url) lines.push(`URL:${url}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  lines.push(
    `CREATED:${icsDateTime(event.createdAt)}`,
    `LAST-MODIFIED:${icsDateTime(event.updatedAt)}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  );
  return lines;
}

/**
 * A VCALENDAR of all-day events. With nothing to list it has no component, as the calendars
 * that the common calendar services export when empty.
 */
export function toIcs(calendar: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.prodId}`,
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.refreshMinutes
      ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`]
      : []),
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join("");
}
