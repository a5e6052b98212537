// CSV downloads; the text itself is written by toCsv (app/domain/csv.ts).
import { toCsv, type CsvValue } from "#app/domain/csv";
import { downloadResponse } from "./download";

/** A CSV download named `fileName` (give it the .csv extension). */
export function csvResponse(fileName: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): Response {
  return downloadResponse(toCsv(header, rows), { fileName, contentType: "text/csv; charset=utf-8" });
}
