// Field schemas shared by the forms: one definition of a text field, of a page number and of a
// birth year for every form, each with its Polish message.
import { z } from "zod";
import { todayIso } from "./polish-dates";
import "./zod-polish";

/** Control characters (NUL, escape…) other than the tab and line breaks a text area sends. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Characters that reorder the text around them (U+202E prints "abc" as "cba"): a spoofing tool. */
const BIDI_CONTROL = /\p{Bidi_Control}/u;
const LINE_BREAK = /[\n\r\t\u2028\u2029]/u;

export const TEXT_MESSAGES = {
  control: "Usuń z tekstu znaki sterujące (niewidoczne znaki specjalne, np. wklejone z innego programu).",
  bidi: "Usuń z tekstu niewidoczne znaki zmieniające kierunek pisma (np. U+202E).",
  lineBreak: "Wpisz tekst w jednym wierszu, bez tabulatorów i znaków nowego wiersza.",
};

type TextOptions = {
  /** Longest accepted text, after trimming. */
  max: number;
  /** The message when the field is too long (default: „Najwyżej N znaków.”). */
  tooLong?: string;
  /** Names, titles, numbers: one line. Descriptions and notes (text areas) may have several. */
  multiline?: boolean;
};

/** A trimmed text of at most `max` characters with no control or direction-changing characters. */
function cleanText({ max, tooLong = `Najwyżej ${max} znaków.`, multiline = false }: TextOptions, missing?: string) {
  const base = z.string(missing ? { error: missing } : undefined).trim();
  return (missing ? base.min(1, missing) : base)
    .max(max, tooLong)
    .refine((v) => !CONTROL.test(v), TEXT_MESSAGES.control)
    .refine((v) => !BIDI_CONTROL.test(v), TEXT_MESSAGES.bidi)
    .refine((v) => multiline || !LINE_BREAK.test(v), TEXT_MESSAGES.lineBreak);
}

/** A required text field; `missing` is the message when it is empty. */
export const requiredText = (options: TextOptions, missing: string) => cleanText(options, missing);

/** An optional text field: "" when left out. Several lines are allowed unless `multiline` is false. */
export const optionalText = (max: number, message = `Najwyżej ${max} znaków.`, { multiline = true }: { multiline?: boolean } = {}) =>
  cleanText({ max, tooLong: message, multiline })
    .optional()
    .transform((v) => v ?? "");

/** An optional one-line text field (a name, a title, a number): "" when left out. */
export const optionalLine = (max: number, message = `Najwyżej ${max} znaków.`) => optionalText(max, message, { multiline: false });

/** The highest page number any list accepts: past it, and for anything that is not a page number, page 1. */
export const MAX_PAGE = 100_000;

const PAGE_MESSAGE = `Numer strony musi być liczbą całkowitą od 1 do ${MAX_PAGE.toLocaleString("pl-PL")}.`;

/** `?page=`: a whole number from 1 to MAX_PAGE; anything else (empty, "abc", 10^21) is page 1. */
export const PageParam = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce
    .number({ error: PAGE_MESSAGE })
    .int(PAGE_MESSAGE)
    .min(1, PAGE_MESSAGE)
    .max(MAX_PAGE, PAGE_MESSAGE)
    .optional()
    // A hand-edited or stale link still gives a list, never a 500.
    .catch(undefined)
    .transform((v) => v ?? 1),
);

/** The page number of a list's query string. */
export function pageOf(params: URLSearchParams): number {
  return PageParam.parse(params.get("page"));
}

/** A year of birth: from 1850 up to this year. */
export const BirthYear = z.coerce
  .number({ error: "Rok urodzenia musi być liczbą." })
  .int("Rok urodzenia musi być liczbą całkowitą.")
  .min(1850, "Rok urodzenia nie może być wcześniejszy niż 1850.")
  .refine((year) => year <= Number(todayIso().slice(0, 4)), "Rok urodzenia nie może być z przyszłości.");

const VERSION_MESSAGE = "Formularz nie zawiera wersji danych: odśwież stronę i spróbuj ponownie.";

/** The hidden version of a record the form was filled in on (optimistic locking). */
export const RecordVersion = z.coerce.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).min(1, VERSION_MESSAGE);
