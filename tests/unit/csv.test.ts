import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, toCsv } from "#app/domain/csv";

describe("CSV for Polish Excel", () => {
  it("starts with a BOM, separates with semicolons and ends lines with CRLF", () => {
    const text = toCsv(["imiona", "nazwisko"], [["Łucja", "Ćwiklińska"], ["Jan", null]]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe("imiona;nazwisko\r\nŁucja;Ćwiklińska\r\nJan;\r\n");
  });

  it("quotes fields with semicolons, quotes and line breaks so that they read back unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(["a", "b"], rows);
        const back = parse(text.slice(1), { delimiter: ";", relax_column_count: false }) as string[][];
        expect(back).toEqual([["a", "b"], ...rows]);
      }),
    );
  });
});
