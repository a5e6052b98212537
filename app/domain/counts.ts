// Every count the app shows with a noun, in one place, each phrase agreeing with its number
// through app/domain/plural.ts (tests/unit/counts.test.ts checks 1, 2, 5, 12, 22 and 25).
import { countOf, pluralForm, type PluralForms } from "./plural";

export const NOUNS = {
  diploma: { one: "dyplom", few: "dyplomy", many: "dyplomów" },
  conferral: { one: "nadanie", few: "nadania", many: "nadań" },
  row: { one: "wiersz", few: "wiersze", many: "wierszy" },
  nomination: { one: "wniosek", few: "wnioski", many: "wniosków" },
  person: { one: "osoba", few: "osoby", many: "osób" },
  seat: { one: "miejsce", few: "miejsca", many: "miejsc" },
  day: { one: "dzień", few: "dni", many: "dni" },
  field: { one: "pole", few: "pola", many: "pól" },
  /** Accusative: „nagłówek ma 1 kolumnę”. */
  columnAccusative: { one: "kolumnę", few: "kolumny", many: "kolumn" },
  /** Accusative of a person: „zaplanowano 1 laureata, 2 laureatów”. */
  laureateAccusative: { one: "laureata", few: "laureatów", many: "laureatów" },
  file: { one: "plik", few: "pliki", many: "plików" },
} satisfies Record<string, PluralForms>;

/** After „z” (genitive): „3 z 1 błędu”, „z 22 błędów”. */
const GENITIVE = {
  error: { one: "błędu", few: "błędów", many: "błędów" },
  row: { one: "wiersza", few: "wierszy", many: "wierszy" },
  laureate: { one: "laureata", few: "laureatów", many: "laureatów" },
} satisfies Record<string, PluralForms>;

/** „1 wniosek zmieni”, „2 wnioski zmienią”, „5 wniosków zmieni”: the verb agrees too. */
export function nominationsWillChange(n: number): string {
  return `${countOf(n, NOUNS.nomination)} ${pluralForm(n, { one: "zmieni", few: "zmienią", many: "zmieni" })}`;
}

/** „Wiersz ma 33 pola, a nagłówek 30 kolumn”. */
export function rowWidthText(fields: number, columns: number): string {
  return `Wiersz ma ${countOf(fields, NOUNS.field)}, a nagłówek ${countOf(columns, NOUNS.columnAccusative)}`;
}

/** „Pokazano 10 z 12 błędów”. */
export function shownOfErrors(shown: number, total: number): string {
  return `Pokazano ${shown} z ${countOf(total, GENITIVE.error)}`;
}

/** „Pokazano wiersze 1–10 z 22 wierszy”. */
export function shownOfRows(shown: number, total: number): string {
  return `Pokazano wiersze 1–${shown} z ${countOf(total, GENITIVE.row)}`;
}

/** „Wystarczy odznak i blankietów dla 1 laureata / 22 laureatów”. */
export function enoughForLaureates(n: number): string {
  return `Wystarczy odznak i blankietów dla ${countOf(n, GENITIVE.laureate)}.`;
}
