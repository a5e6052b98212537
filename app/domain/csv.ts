// CSV as Polish Excel opens it: UTF-8 with a BOM, ";" between fields, CRLF line ends.
// Every staff export and the historical-record format use this one writer (pure: no I/O).
import { stringify } from "csv-stringify/sync";

export const CSV_BOM = "\uFEFF";
export const CSV_DELIMITER = ";";

export type CsvValue = string | number | null | undefined;

/** The file's text: BOM, header row, then one line per row; fields quoted only when needed. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const records: string[][] = [header.slice()];
  for (const row of rows) records.push(row.map((v) => (v == null ? "" : String(v))));
  return CSV_BOM + stringify(records, { delimiter: CSV_DELIMITER, record_delimiter: "windows" });
}
