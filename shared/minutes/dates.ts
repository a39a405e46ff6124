// Due dates written in minutes, in English and Chinese ("by Dec 12", "12月12日前", "下周五", "next Friday"), resolved against the page's date.
import { addDays as addDaysTo } from "../dates";

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthName =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const weekdayName = "(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
/** 一 to 日 (or 天), Monday first. */
const chineseWeekdays = "一二三四五六日";
const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A due date read from text, and the words it was read from (taken out of the item's text). */
interface WrittenDate {
  due: string;
  phrase: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Days from a day, remembered: every line of a page counts from the page's date, and to the same few days. */
const daysFrom = new Map<string, string>();
function addDays(day: string, days: number): string {
  const key = `${day}|${days}`;
  let found = daysFrom.get(key);
  if (found === undefined) {
    if (daysFrom.size > 1000) daysFrom.clear();
    found = addDaysTo(day, days);
    daysFrom.set(key, found);
  }
  return found;
}

/** A real day as YYYY-MM-DD, or null (Feb 30 is none). */
function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Monday 0 .. Sunday 6; the last day asked is kept, as every line of a page is read against the page's date. */
let lastWeekday = { day: "", weekday: 0 };
function weekdayOf(day: string): number {
  if (lastWeekday.day !== day) lastWeekday = { day, weekday: (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 };
  return lastWeekday.weekday;
}

/** A month and day without a year: the page's year, or the next one when that day is long past (minutes of Dec 20 say "Jan 5"). */
function withYear(month: number, day: number, pageDate: string): string | null {
  const year = Number(pageDate.slice(0, 4));
  const same = isoDay(year, month, day);
  if (same && same >= addDays(pageDate, -60)) return same;
  return isoDay(year + 1, month, day) ?? same;
}

/** The weekday in the week `weeksAhead` after the page's (weeks start on Monday). */
function weekdayIn(pageDate: string, weekday: number, weeksAhead: number): string {
  return addDays(pageDate, weeksAhead * 7 + weekday - weekdayOf(pageDate));
}

/** The first such weekday on or after the page's date ("by Friday", "周五前"). */
function comingWeekday(pageDate: string, weekday: number): string {
  return addDays(pageDate, (weekday - weekdayOf(pageDate) + 7) % 7);
}

const englishWeekdayIndex = (name: string) => weekdays.findIndex((day) => day.startsWith(name.toLowerCase().slice(0, 3)));
const englishMonth = (name: string) => months.indexOf(name.toLowerCase().slice(0, 3)) + 1;
const chineseWeekday = (char: string) => (char === "天" ? 6 : chineseWeekdays.indexOf(char));
const chineseNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : (chineseDigits[value] ?? Number.NaN));

/**
 * A rule: its pattern, how a match resolves, and a cheap test a text must pass before the
 * pattern is tried (`lower` is the text in lower case): most lines of minutes name no date, or
 * only one kind, and a page holds thousands of lines.
 */
type Rule = [RegExp, (match: RegExpExecArray, pageDate: string) => string | null, (lower: string, digits: boolean) => boolean];

/** Connecting words kept with a date phrase, so that "Ship it by Dec 12" leaves "Ship it". */
const lead = "(?:(?:due|by|before|on|until|till|no later than|deadline:?)\\s+)?";

const hasDigits = (_: string, digits: boolean) => digits;
const hasAny =
  (...words: string[]) =>
  (lower: string) => {
    for (const word of words) if (lower.includes(word)) return true;
    return false;
  };
const chineseWeek = hasAny("周", "星期", "礼拜");
const daysOrWeeks = hasAny("day", "week");
const hasMonthName = hasAny("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
const englishWeekday = hasAny("mon", "tue", "wed", "thu", "fri", "sat", "sun");

// Most specific first; each tried over the whole text, and the earliest match in the text wins.
const rules: Rule[] = [
  [/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3])), hasDigits],
  [/(\d{4})年(\d{1,2})月(\d{1,2})[日号](?:\s*之?前|截止)?/, (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3])), hasAny("月")],
  [/(\d{1,2})月(\d{1,2})[日号](?:\s*之?前|截止)?/, (m, page) => withYear(Number(m[1]), Number(m[2]), page), hasAny("月")],
  [
    new RegExp(`${lead}${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "i"),
    (m, page) => (m[3] ? isoDay(Number(m[3]), englishMonth(m[1]), Number(m[2])) : withYear(englishMonth(m[1]), Number(m[2]), page)),
    (lower, digits) => digits && hasMonthName(lower),
  ],
  [
    new RegExp(`${lead}(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName}(?:,?\\s+(\\d{4}))?\\b`, "i"),
    (m, page) => (m[3] ? isoDay(Number(m[3]), englishMonth(m[2]), Number(m[1])) : withYear(englishMonth(m[2]), Number(m[1]), page)),
    (lower, digits) => digits && hasMonthName(lower),
  ],
  [/(?:下下)(?:周|星期|礼拜)([一二三四五六日天])(?:\s*之?前)?/, (m, page) => weekdayIn(page, chineseWeekday(m[1]), 2), chineseWeek],
  [/下(?:个)?(?:周|星期|礼拜)([一二三四五六日天])(?:\s*之?前)?/, (m, page) => weekdayIn(page, chineseWeekday(m[1]), 1), chineseWeek],
  [/(?:本|这)(?:个)?(?:周|星期|礼拜)([一二三四五六日天])(?:\s*之?前)?/, (m, page) => weekdayIn(page, chineseWeekday(m[1]), 0), chineseWeek],
  [/(?:周|星期|礼拜)([一二三四五六日天])(?:\s*之?前)?/, (m, page) => comingWeekday(page, chineseWeekday(m[1])), chineseWeek],
  [/下(?:个)?(?:周|星期)(?:之?内|之?前)?/, (_, page) => weekdayIn(page, 4, 1), chineseWeek],
  [/(?:本|这)(?:周|星期)(?:之?内|之?前|末)/, (m, page) => weekdayIn(page, m[0].endsWith("末") ? 6 : 4, 0), chineseWeek],
  [/(\d+|[一二两三四五六七八九十])(?:天|日)(?:之?内|后)/, (m, page) => addDays(page, chineseNumber(m[1])), hasAny("内", "后")],
  [/后天/, (_, page) => addDays(page, 2), hasAny("后天")],
  [/明天|明日/, (_, page) => addDays(page, 1), hasAny("明")],
  [/今天(?:之?内)?|今日/, (_, page) => page, hasAny("今")],
  [new RegExp(`${lead}next\\s+${weekdayName}\\b`, "i"), (m, page) => weekdayIn(page, englishWeekdayIndex(m[1]), 1), englishWeekday],
  [new RegExp(`${lead}this\\s+${weekdayName}\\b`, "i"), (m, page) => weekdayIn(page, englishWeekdayIndex(m[1]), 0), englishWeekday],
  [
    new RegExp(`(?:due|by|before|on|until|till)\\s+${weekdayName}\\b`, "i"),
    (m, page) => comingWeekday(page, englishWeekdayIndex(m[1])),
    englishWeekday,
  ],
  [
    /(?:(?:by|before|due)\s+)?(?:the\s+)?end of (?:the\s+)?(this\s+|next\s+)?week\b|\bEOW\b/i,
    (m, page) => weekdayIn(page, 4, m[1]?.trim() === "next" ? 1 : 0),
    hasAny("end of", "eow"),
  ],
  [/(?:(?:by|due)\s+)?next week\b/i, (_, page) => weekdayIn(page, 4, 1), hasAny("next week")],
  [
    /\bin\s+(\d+)\s+(day|week)s?\b/i,
    (m, page) => addDays(page, Number(m[1]) * (m[2].toLowerCase() === "week" ? 7 : 1)),
    (lower, digits) => digits && daysOrWeeks(lower),
  ],
  [/(?:(?:by|due)\s+)?\btomorrow\b/i, (_, page) => addDays(page, 1), hasAny("tomorrow")],
  [/(?:(?:by|due)\s+)?\b(?:today|EOD)\b/i, (_, page) => page, hasAny("today", "eod")],
];

/** The due date a line of minutes names, read against the page's date (YYYY-MM-DD); null when it names none. */
export function writtenDate(text: string, pageDate: string): WrittenDate | null {
  const lower = text.toLowerCase();
  const digits = /\d/.test(text);
  let best: { index: number; found: WrittenDate } | null = null;
  for (const [pattern, resolve, worthTrying] of rules) {
    if (!worthTrying(lower, digits)) continue;
    const match = pattern.exec(text);
    if (!match || (best && match.index >= best.index)) continue;
    const due = resolve(match, pageDate);
    if (due) best = { index: match.index, found: { due, phrase: match[0] } };
  }
  return best?.found ?? null;
}

/** A date chip's or `<time>`'s machine value (ISO date or date-time, or milliseconds since 1970) as YYYY-MM-DD. */
export function dayOfValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{11,14}$/.test(trimmed)) return new Date(Number(trimmed)).toISOString().slice(0, 10);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  return iso ? isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** A date written in a page's title ("2026-12-01 Payments sync", "12月1日 周会", "Dec 1, 2026 sync"), read absolutely. */
export function titleDate(title: string, today: string): string | null {
  const iso = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(title) ?? /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(title);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const written = writtenDate(title.replace(/\b(?:next|this)\b|下|本|这|明天|今天/gi, " "), today);
  return written && /\d/.test(written.phrase) ? written.due : null;
}
