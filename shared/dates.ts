// Calendar days as YYYY-MM-DD strings: due dates and review dates are days, not instants.

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday that starts the ISO week of `day`. */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** ISO 8601 week label, e.g. 2026-W48. */
export function isoWeek(day: string): string {
  const thursday = addDays(weekStart(day), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(weekStart(`${year}-01-04`), 3);
  const week = 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Is the instant or day `value` (ISO) within the week starting `monday`? */
export function inWeek(value: string, monday: string): boolean {
  const day = value.slice(0, 10);
  return day >= monday && day <= addDays(monday, 6);
}

/**
 * Orders ISO dates, timestamps and ids by code unit, which is their order: far cheaper than
 * localeCompare, which a 5,000-row sort would call tens of thousands of times.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
