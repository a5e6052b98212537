import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  EXPORT_COLUMNS,
  type HistoricalRecord,
  parseCsvDate,
  readHistoricalCsv,
  REQUIRED_COLUMNS,
  toHistoricalCsv,
  validateRow,
} from "#app/domain/historical-csv";

const TERMS = [
  { number: 1, startDate: "1990-06-08", endDate: "1994-06-30" },
  { number: 2, startDate: "1994-07-01", endDate: "1998-10-31" },
  { number: 3, startDate: "1998-11-01", endDate: "2002-10-31" },
  { number: 4, startDate: "2002-11-01", endDate: "2006-11-30" },
];
const HEADER = REQUIRED_COLUMNS.join(";");
const bytes = (text: string) => new TextEncoder().encode(text);

/** Reads a file of data lines under the standard header and validates every row. */
async function check(lines: string[], header = HEADER) {
  const read = await readHistoricalCsv(bytes([header, ...lines].join("\r\n")));
  const results = read.rows.map((r) => validateRow(r, { terms: TERMS }));
  return { read, results, issues: [...read.issues, ...results.flatMap((r) => r.issues)] };
}
const where = (issues: { row: number | null; column: string | null }[]) => issues.map((i) => `${i.row}:${i.column}`);

describe("historical CSV: dates", () => {
  it("reads YYYY-MM-DD and DD.MM.YYYY, and refuses dates that do not exist", () => {
    expect(parseCsvDate("1993-04-24")).toEqual({ ok: true, value: "1993-04-24" });
    expect(parseCsvDate("24.04.1993")).toEqual({ ok: true, value: "1993-04-24" });
    expect(parseCsvDate("3.5.1993")).toEqual({ ok: true, value: "1993-05-03" });
    expect(parseCsvDate("31.04.2001")).toMatchObject({ ok: false, message: "Data „31.04.2001” nie istnieje." });
    expect(parseCsvDate("2023-02-29").ok).toBe(false);
    expect(parseCsvDate("24/04/1993")).toMatchObject({ ok: false });
  });
});

describe("historical CSV: reading the file", () => {
  it("takes header names with diacritics and any case, UTF-8 with a BOM, and ';'", async () => {
    const header = REQUIRED_COLUMNS.map((c) => (c === "wyroznienie" ? "Wyróżnienie" : c === "plec" ? "PŁEĆ" : c)).join(";");
    const { read, issues } = await check(["HO;;;osoba;Jan;Źdźbło;;M;XXIII/210/92;16.09.1992;I;;;;"], `\uFEFF${header}`);
    expect(issues).toEqual([]);
    expect(read).toMatchObject({ encoding: "UTF-8", delimiter: ";" });
    expect(read.rows[0]!.values.nazwisko).toBe("Źdźbło");
  });

  it("detects ',' as the separator", async () => {
    const { read, issues } = await check(['HG,,12,instytucja,,,"Chór „Wawel”, Kraków",,,,,2010-05-12,,,'], REQUIRED_COLUMNS.join(","));
    expect(issues).toEqual([]);
    expect(read.delimiter).toBe(",");
    expect(read.rows[0]!.values.nazwa).toBe("Chór „Wawel”, Kraków");
  });

  it("decodes a Windows-1250 file and says so", async () => {
    const text = [HEADER, "CM;srebrny;7;osoba;Łucja;Ćwiklińska-Śliwa;;K;XXIII/211/92;1992-09-16;;;;;Za zasługi dla Żółkiewki."].join("\r\n");
    const read = await readHistoricalCsv(iconv.encode(text, "win1250"));
    expect(read.encoding).toBe("Windows-1250");
    expect(read.rows[0]!.values).toMatchObject({ imiona: "Łucja", nazwisko: "Ćwiklińska-Śliwa", opis: "Za zasługi dla Żółkiewki." });
  });

  it("refuses what is not CSV, an empty file and a file without its columns", async () => {
    expect((await readHistoricalCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2]))).issues[0]!.message).toMatch(/nie jest plikiem CSV/);
    expect((await readHistoricalCsv(bytes("%PDF-1.7\n\0\0binary"))).issues[0]!.message).toMatch(/nie jest plikiem CSV/);
    expect((await readHistoricalCsv(bytes("Lorem ipsum dolor sit amet\nconsectetur"))).issues[0]!.message).toMatch(/nie jest plikiem CSV/);
    expect((await readHistoricalCsv(new Uint8Array())).issues[0]!.message).toBe("Plik jest pusty.");
    const missing = await readHistoricalCsv(bytes("wyroznienie;klasa;numer;typ;imiona;nazwisko;uchwala_nr\nCM;srebrny;1;osoba;Jan;Nowak;I/1/90"));
    expect(missing.rows).toEqual([]);
    expect(missing.issues).toEqual([
      { row: 1, column: null, message: "Brak kolumn: nazwa, plec, uchwala_data, kadencja, decyzja_data, wreczono_data, wreczono_miejsce, opis." },
    ]);
  });

  it("reads a file of many batches whole, in UTF-8 and in Windows-1250", async () => {
    // Each row is 100 bytes or so: 2 000 of them cross the reader's 64 KB batches many times.
    const lines = Array.from({ length: 2_000 }, (_, i) => `HG;;${i + 1};osoba;Jan;Żółć-${"ą".repeat(i % 7)};;M;;;;2010-05-12;;;Za zasługi dla Krakowa.`);
    for (const encode of [(text: string) => bytes(text), (text: string) => iconv.encode(text, "win1250")]) {
      const read = await readHistoricalCsv(encode([HEADER, ...lines].join("\r\n")));
      expect(read.issues).toEqual([]);
      expect(read.rows).toHaveLength(2_000);
      expect(read.rows.map((r) => r.values.nazwisko)).toEqual(lines.map((_, i) => `Żółć-${"ą".repeat(i % 7)}`));
      expect(read.rows.at(-1)).toMatchObject({ row: 2_001, values: { numer: "2000", opis: "Za zasługi dla Krakowa." } });
    }
  });

  it("reads a UTF-8 letter whose two bytes fall in two batches, and a quoted line break across them", async () => {
    const BATCH = 64 * 1024;
    // A first row padded so that „Ż” begins on the batch's last byte, then a quoted citation whose
    // line break crosses the next boundary.
    const head = bytes(`${HEADER}\r\nHG;;1;osoba;Jan;Nowak;;M;;;;2010-05-12;;;`).length;
    const first = `HG;;1;osoba;Jan;Nowak;;M;;;;2010-05-12;;;${"x".repeat(BATCH - 1 - head)}Żółć`;
    const prefix = bytes(`${HEADER}\r\n${first}\r\nHG;;2;osoba;Ewa;Nowak;;K;;;;2010-05-12;;;"`).length;
    const citation = `${"y".repeat(2 * BATCH - 1 - prefix)}\r\nZa zasługi`;
    const file = bytes(`${HEADER}\r\n${first}\r\nHG;;2;osoba;Ewa;Nowak;;K;;;;2010-05-12;;;"${citation}"\r\nHG;;3;osoba;Ola;Nowak;;K;;;;2010-05-12;;;`);
    expect(file[BATCH - 1]).toBe(0xc5);
    expect(file[BATCH]! & 0xc0).toBe(0x80);
    expect(file.subarray(2 * BATCH - 1, 2 * BATCH + 1)).toEqual(new Uint8Array([0x0d, 0x0a]));
    const read = await readHistoricalCsv(file);
    expect(read.issues).toEqual([]);
    expect(read.rows.map((r) => r.values.opis)).toEqual([first.slice(first.lastIndexOf(";") + 1), citation, ""]);
  });

  it("a file that breaks off in an open quote is not CSV, whatever rows came before", async () => {
    const read = await readHistoricalCsv(
      bytes([HEADER, "HG;;1;osoba;Jan;Nowak;;M;;;;2010-05-12;;;", 'HG;;2;osoba;Jan;Kowalski;;M;;;;2010-05-12;;;"Za zasługi'].join("\r\n")),
    );
    expect(read.issues).toEqual([
      {
        row: null,
        column: null,
        message: expect.stringMatching(/^Plik nie jest plikiem CSV\. .* Cudzysłów otwarty w wierszu 3 nie jest zamknięty do końca pliku\.$/),
      },
    ]);
  });

  it("reports a row with the wrong number of fields by its spreadsheet row", async () => {
    const { issues } = await check(["HG;;1;osoba;Jan;Nowak;;M;;;;2010-05-12;;;", "HG;;2;osoba;Jan"]);
    expect(where(issues)).toEqual(["3:null"]);
  });
});

describe("historical CSV: rows against the rules", () => {
  it("reports every problem of every row with its row and column", async () => {
    const { issues } = await check([
      "CM;srebrny;1;osoba;Jan;Nowak;;M;XXIII/210/92;1992-09-16;I;;1992-10-01;Sala Obrad;", // 2: fine
      "XX;;1;osoba;Jan;Nowak;;M;XXIII/210/92;1992-09-16;;;;;", // 3: unknown honour
      "CM;;2;osoba;Jan;Nowak;;M;XXIII/210/92;1992-09-16;;;;;", // 4: class missing
      "HG;zloty;3;osoba;Jan;Nowak;;M;;;;2010-05-12;;;", // 5: class for a badge
      "CM;złoty;4;osoba;Jan;Nowak;;M;XX/200/99;1999-06-09;III;;;;", // 6: gold for a person after 1997
      "CM;brązowy;5;osoba;Jan;Nowak;;M;12/2005;2005-03-16;;;;;", // 7: resolution number of the wrong form
      "CM;brazowy;6;osoba;Jan;Nowak;;M;XL/450/04;2005-03-16;;;;;", // 8: year of the number ≠ year adopted
      "CM;brazowy;7;osoba;Jan;Nowak;;M;XL/450/05;2005-03-16;III;;;;", // 9: term named wrong
      "HO;;;osoba;Jan;Nowak;;M;L/520/00;31.04.2000;;;;;", // 10: date that does not exist
      "HO;;8;instytucja;;;Chór;;L/521/00;2000-05-24;;;;;", // 11: a number for HO, and HO for an organisation
      "HG;;9;osoba;;Nowak;;X;;;;2010-05-12;2010-05-01;;", // 12: no given names, bad gender, handed over before the decision
    ]);
    expect(where(issues)).toEqual([
      "3:wyroznienie",
      "4:klasa",
      "5:klasa",
      "6:klasa",
      "7:uchwala_nr",
      "8:uchwala_nr",
      "9:kadencja",
      "10:uchwala_data",
      "11:numer",
      "11:typ",
      "12:imiona",
      "12:plec",
      "12:wreczono_data",
    ]);
    const messages = issues.map((i) => i.message);
    expect(messages[0]).toBe("Nieznane wyróżnienie „XX”: wpisz CM, HO lub HG.");
    expect(messages[3]).toMatch(/Od 1997 r. złoty medal przyznaje się wyłącznie instytucjom/);
    expect(messages[5]).toMatch(/nie zgadzają się z rokiem podjęcia uchwały/);
    expect(messages[6]).toBe("Uchwała z 2005-03-16 należy do IV kadencji Rady, nie do III.");
    expect(messages[7]).toBe("Data „31.04.2000” nie istnieje.");
    expect(messages[9]).toMatch(/wyłącznie osobom/);
  });

  it("a resolution date outside every council term is an error at uchwala_data", async () => {
    const { issues } = await check(["HO;;;osoba;Jan;Nowak;;M;I/1/89;1989-05-01;;;;;"]);
    expect(where(issues)).toEqual(["2:uchwala_data"]);
  });

  it("accepts full Polish names of the honours and classes with diacritics", async () => {
    const { results, issues } = await check([
      "Medal „Cracoviae Merenti”;Srebrny;1;osoba;Jan;Nowak;;M;XXIII/210/92;1992-09-16;;;;;",
      "Honorowe Obywatelstwo;;;osoba;Jan;Nowak;;M;XXIII/211/92;1992-09-16;;;;;",
      "Odznaka „Honoris Gratia”;;2;osoba;Jan;Nowak;;M;;;;2010-05-12;;;",
    ]);
    expect(issues).toEqual([]);
    expect(results.map((r) => [r.record!.honour, r.record!.medalClass, r.record!.termNumber])).toEqual([
      ["CRACOVIAE_MERENTI", "SILVER", 1],
      ["HONORARY_CITIZENSHIP", null, 1],
      ["HONORIS_GRATIA", null, null],
    ]);
  });
});

describe("historical CSV: writing and reading back", () => {
  const text = fc
    .string({ maxLength: 30 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const record: fc.Arbitrary<HistoricalRecord> = fc
    .record({
      honour: fc.constantFrom("CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"),
      medalClass: fc.constantFrom("SILVER", "BRONZE"),
      number: fc.integer({ min: 1, max: 99999 }),
      org: fc.boolean(),
      a: text,
      b: text,
      gender: fc.constantFrom("FEMININE", "MASCULINE"),
      running: fc.integer({ min: 1, max: 2000 }),
      day: fc.integer({ min: 0, max: 1000 }),
      handedOver: fc.boolean(),
      place: fc.string({ maxLength: 20 }).map((s) => s.trim()),
      citation: fc
        .oneof(
          fc.string({ maxLength: 80 }),
          fc.string({ maxLength: 80 }).map((s) => `=${s}`),
          fc.string({ maxLength: 80 }).map((s) => `'-${s}`),
        )
        .map((s) => s.trim()),
      decisionNumber: fc.constantFrom("", "12", "1201"),
    })
    .map((g): HistoricalRecord => {
      // Honoris Gratia exists from 17 September 2005.
      const date = new Date(Date.UTC(g.honour === "HONORIS_GRATIA" ? 2006 : 1999, 0, 1 + g.day)).toISOString().slice(0, 10);
      const council = g.honour !== "HONORIS_GRATIA";
      const org = g.org && g.honour !== "HONORARY_CITIZENSHIP";
      return {
        honour: g.honour as HistoricalRecord["honour"],
        medalClass: g.honour === "CRACOVIAE_MERENTI" ? (g.medalClass as "SILVER" | "BRONZE") : null,
        number: g.honour === "HONORARY_CITIZENSHIP" ? null : g.number,
        kind: org ? "ORGANIZATION" : "PERSON",
        givenNames: org ? "" : g.a,
        surname: org ? "" : g.b,
        organizationName: org ? `${g.a} ${g.b}` : "",
        gender: org ? null : (g.gender as HistoricalRecord["gender"]),
        resolutionNumber: council ? `XX/${g.running}/${date.slice(2, 4)}` : null,
        adoptedOn: council ? date : null,
        termNumber: council ? 3 : null,
        decisionNumber: council || !g.decisionNumber ? "" : `${g.decisionNumber}/${date.slice(0, 4)}`,
        decidedOn: council ? null : date,
        handedOverOn: g.handedOver ? date : null,
        handoverPlace: g.place,
        citation: g.citation,
      };
    });

  it("every record written to the file reads back equal (quotes, separators, line breaks, diacritics)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (records) => {
        const read = await readHistoricalCsv(bytes(toHistoricalCsv(records)));
        expect(read.issues).toEqual([]);
        const back = read.rows.map((r) => validateRow(r, { terms: TERMS }));
        expect(back.flatMap((b) => b.issues)).toEqual([]);
        expect(back.map((b) => b.record)).toEqual(records);
      }),
      { numRuns: 200 },
    );
  });

  it("warns on values a spreadsheet would run as formulas, and reads back the quote its export puts before them (issue 15, item 10)", async () => {
    const { read, results } = await check(['HG;;12;osoba;=HYPERLINK("http://evil.example");Nowak;;M;;;;2010-05-12;;;@SUM(A1)']);
    expect(read.warnings.map((w) => `${w.row}:${w.column}`)).toEqual(["2:imiona", "2:opis"]);
    expect(read.warnings[0]!.message).toMatch(/^Wartość zaczyna się od „=” i arkusz kalkulacyjny może ją wykonać jako formułę/);
    const record = results[0]!.record!;
    expect(record.givenNames).toBe('=HYPERLINK("http://evil.example")');
    const exported = toHistoricalCsv([record]);
    expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(exported).toContain(";'@SUM(A1)");
    const again = await readHistoricalCsv(bytes(exported));
    expect(again.warnings).toEqual([]);
    expect(validateRow(again.rows[0]!, { terms: TERMS }).record).toEqual(record);
  });

  it("writes the columns in the documented order, decyzja_nr last", () => {
    const text = toHistoricalCsv([]);
    expect(text).toBe(`\uFEFF${EXPORT_COLUMNS.join(";")}\r\n`);
    expect(EXPORT_COLUMNS.at(-1)).toBe("decyzja_nr");
  });
});
