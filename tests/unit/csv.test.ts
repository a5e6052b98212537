import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, FORMULA_START, toCsv, unneutraliseCell } from "#app/domain/csv";

describe("CSV for Polish Excel", () => {
  it("starts with a BOM, separates with semicolons and ends lines with CRLF", () => {
    const text = toCsv(
      ["imiona", "nazwisko"],
      [
        ["Łucja", "Ćwiklińska"],
        ["Jan", null],
      ],
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe("imiona;nazwisko\r\nŁucja;Ćwiklińska\r\nJan;\r\n");
  });

  it("quotes fields with semicolons, quotes and line breaks so that they read back unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(["a", "b"], rows);
        const back = parse(text.slice(1), { delimiter: ";", relax_column_count: false }) as string[][];
        expect(back.map((r) => r.map(unneutraliseCell))).toEqual([["a", "b"], ...rows]);
      }),
    );
  });

  it("writes a cell a spreadsheet would run as a formula with a leading quote (issue 15, item 10)", () => {
    const text = toCsv(
      ["nazwa"],
      [['=HYPERLINK("http://evil.example")'], ["+48 12 616 12 00"], ["-1+1"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["Nowak-Kowalska"], [-5]],
    );
    const cells = (parse(text.slice(1), { delimiter: ";" }) as string[][]).slice(1).map((r) => r[0]);
    expect(cells).toEqual(['\'=HYPERLINK("http://evil.example")', "'+48 12 616 12 00", "'-1+1", "'@SUM(A1)", "'\tx", "'\rx", "Nowak-Kowalska", "-5"]);
  });

  it("any text: no written cell starts a formula, and the reader gets the text back", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "''="), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (row) => {
        const written = (
          parse(
            toCsv(
              row.map((_, i) => `k${i}`),
              [row],
            ).slice(1),
            { delimiter: ";" },
          ) as string[][]
        )[1]!;
        for (const w of written) expect(w).not.toMatch(FORMULA_START);
        expect(written.map(unneutraliseCell)).toEqual(row);
      }),
    );
  });
});
