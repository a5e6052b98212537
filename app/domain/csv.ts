// CSV as Polish Excel opens it: UTF-8 with a BOM, ";" between fields, CRLF line ends.
// Every staff export and the historical-record format use this one writer (pure: no I/O), which
// also keeps spreadsheets from running a cell as a formula.
import { stringify } from "csv-stringify/sync";

export const CSV_BOM = "\uFEFF";
export const CSV_DELIMITER = ";";

export type CsvValue = string | number | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula (CSV injection): it starts with "=", "+",
 * "-", "@", a tab or a carriage return.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells written with an extra leading quote: formula-like ones, and ones already quoted so, so a reader can tell. */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

/**
 * OWASP's rule for CSV injection: such a cell is written with a leading single quote, which
 * Excel and LibreOffice read as "text" and do not show. Numbers are ours and stay numbers.
 */
export function neutraliseCell(value: CsvValue): string {
  if (value == null) return "";
  if (typeof value === "number") return String(value);
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** The cell's value as it was before neutraliseCell: the reader's half of a round trip. */
export function unneutraliseCell(text: string): string {
  return text.startsWith("'") && NEEDS_QUOTE.test(text.slice(1)) ? text.slice(1) : text;
}

/** Rows as lines of the file, each ending in CRLF; fields quoted only when needed. */
export function csvLines(rows: Iterable<readonly CsvValue[]>): string {
  const records: string[][] = [];
  for (const row of rows) records.push(row.map(neutraliseCell));
  return stringify(records, { delimiter: CSV_DELIMITER, record_delimiter: "windows" });
}

/** The file's text: BOM, header row, then one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return CSV_BOM + csvLines([header, ...rows]);
}
