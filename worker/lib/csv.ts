/**
 * CSV as RFC 4180 describes it: CRLF between records, a field quoted when it holds a comma, a
 * double quote, CR or LF, and a double quote inside a quoted field doubled.
 *
 * Exports are opened in spreadsheets, which run a cell that starts with = + - @ (or a tab or CR,
 * which some of them skip first) as a formula: such a cell gets a leading apostrophe, so it is
 * shown as the text that was typed (OWASP's advice on CSV injection).
 */

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header record and one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
}
