// Every count shown with a noun, with 1, 2, 5, 12, 22 and 25: the forms Polish needs (one, few,
// many, and few again at 22, many at 12 and 25). A table per phrase, written out in full, so a
// wrong form is read at a glance. The space between a number and its noun is non-breaking.
import { describe, expect, test } from "vitest";
import { enoughForLaureates, nominationsWillChange, NOUNS, rowWidthText, shownOfErrors, shownOfRows } from "#app/domain/counts";
import { countOf } from "#app/domain/plural";

const COUNTS = [1, 2, 5, 12, 22, 25] as const;
const plain = (s: string) => s.replace(/\u00a0/g, " ");
const table = (phrase: (n: number) => string) => COUNTS.map((n) => plain(phrase(n)));

describe("counts with nouns, in the Polish plural forms", () => {
  test.each([
    ["diploma", ["1 dyplom", "2 dyplomy", "5 dyplomów", "12 dyplomów", "22 dyplomy", "25 dyplomów"]],
    ["conferral", ["1 nadanie", "2 nadania", "5 nadań", "12 nadań", "22 nadania", "25 nadań"]],
    ["row", ["1 wiersz", "2 wiersze", "5 wierszy", "12 wierszy", "22 wiersze", "25 wierszy"]],
    ["nomination", ["1 wniosek", "2 wnioski", "5 wniosków", "12 wniosków", "22 wnioski", "25 wniosków"]],
    ["person", ["1 osoba", "2 osoby", "5 osób", "12 osób", "22 osoby", "25 osób"]],
    ["seat", ["1 miejsce", "2 miejsca", "5 miejsc", "12 miejsc", "22 miejsca", "25 miejsc"]],
    ["day", ["1 dzień", "2 dni", "5 dni", "12 dni", "22 dni", "25 dni"]],
    ["field", ["1 pole", "2 pola", "5 pól", "12 pól", "22 pola", "25 pól"]],
    ["columnAccusative", ["1 kolumnę", "2 kolumny", "5 kolumn", "12 kolumn", "22 kolumny", "25 kolumn"]],
    ["laureateAccusative", ["1 laureata", "2 laureatów", "5 laureatów", "12 laureatów", "22 laureatów", "25 laureatów"]],
    ["file", ["1 plik", "2 pliki", "5 plików", "12 plików", "22 pliki", "25 plików"]],
  ] as const)("%s", (noun, expected) => {
    expect(table((n) => countOf(n, NOUNS[noun]))).toEqual(expected);
  });

  test("a count and its noun never part at a line end", () => {
    expect(countOf(5, NOUNS.diploma)).toBe("5\u00a0dyplomów");
  });

  test("the bulk change: the verb agrees with the count („5 wnioski zmienią” before)", () => {
    expect(table(nominationsWillChange)).toEqual([
      "1 wniosek zmieni",
      "2 wnioski zmienią",
      "5 wniosków zmieni",
      "12 wniosków zmieni",
      "22 wnioski zmienią",
      "25 wniosków zmieni",
    ]);
  });

  test("the import's row width („Wiersz ma 33 pól” before)", () => {
    expect(table((n) => rowWidthText(n, n))).toEqual([
      "Wiersz ma 1 pole, a nagłówek 1 kolumnę",
      "Wiersz ma 2 pola, a nagłówek 2 kolumny",
      "Wiersz ma 5 pól, a nagłówek 5 kolumn",
      "Wiersz ma 12 pól, a nagłówek 12 kolumn",
      "Wiersz ma 22 pola, a nagłówek 22 kolumny",
      "Wiersz ma 25 pól, a nagłówek 25 kolumn",
    ]);
  });

  test("the import's shown-of-total lines take the genitive after „z”", () => {
    expect(table((n) => shownOfErrors(1, n))).toEqual([
      "Pokazano 1 z 1 błędu",
      "Pokazano 1 z 2 błędów",
      "Pokazano 1 z 5 błędów",
      "Pokazano 1 z 12 błędów",
      "Pokazano 1 z 22 błędów",
      "Pokazano 1 z 25 błędów",
    ]);
    expect(table((n) => shownOfRows(1, n))).toEqual([
      "Pokazano wiersze 1–1 z 1 wiersza",
      "Pokazano wiersze 1–1 z 2 wierszy",
      "Pokazano wiersze 1–1 z 5 wierszy",
      "Pokazano wiersze 1–1 z 12 wierszy",
      "Pokazano wiersze 1–1 z 22 wierszy",
      "Pokazano wiersze 1–1 z 25 wierszy",
    ]);
  });

  test("the badge stock's check", () => {
    expect(table(enoughForLaureates)).toEqual([
      "Wystarczy odznak i blankietów dla 1 laureata.",
      "Wystarczy odznak i blankietów dla 2 laureatów.",
      "Wystarczy odznak i blankietów dla 5 laureatów.",
      "Wystarczy odznak i blankietów dla 12 laureatów.",
      "Wystarczy odznak i blankietów dla 22 laureatów.",
      "Wystarczy odznak i blankietów dla 25 laureatów.",
    ]);
  });
});
