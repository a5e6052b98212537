// Calendar dates as the office writes them: "24 kwietnia 2018 r.". Dates are "YYYY-MM-DD"
// strings throughout the app (see docs/decisions/002-data-model.md).
import { z } from "zod";
import { now } from "./clock";

const MONTHS_GENITIVE = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"];

export const MONTHS_NOMINATIVE = [
  "styczeń",
  "luty",
  "marzec",
  "kwiecień",
  "maj",
  "czerwiec",
  "lipiec",
  "sierpień",
  "wrzesień",
  "październik",
  "listopad",
  "grudzień",
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the string is a real calendar date (no 31 April, no 29 February 2023). */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || y < 1000) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** A zod field for a calendar date typed into an <input type="date">. */
export const IsoDate = z
  .string({ error: "Podaj datę." })
  .trim()
  .min(1, "Podaj datę.")
  .refine(isValidIsoDate, "Taka data nie istnieje (oczekiwany format RRRR-MM-DD).");

/** A date as the office types it: „12.03.2026” (also „12.3.2026”, „12.03.2026 r.”). */
const TYPED_SHORT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*r\.?)?$/;

/**
 * The ISO date of what was typed into a date field („12.03.2026” or „2026-03-12”), "invalid"
 * for a date that does not exist (31.04.2026), or null when the text is not a date at all.
 */
export function isoFromTypedDate(value: string): string | "invalid" | null {
  const text = value.trim();
  const short = TYPED_SHORT_DATE.exec(text);
  const iso = short ? `${short[3]}-${short[2]!.padStart(2, "0")}-${short[1]!.padStart(2, "0")}` : ISO_DATE.test(text) ? text : null;
  if (!iso) return null;
  return isValidIsoDate(iso) ? iso : "invalid";
}

/**
 * The one zod field for a date typed into a text field (one tab stop instead of the date
 * picker's three segments): accepts „12.03.2026” and „2026-03-12”, answers "2026-03-12".
 */
export const TypedDate = z
  .string({ error: "Podaj datę." })
  .trim()
  .min(1, "Podaj datę.")
  .transform((value, ctx) => {
    const iso = isoFromTypedDate(value);
    if (iso === null) ctx.addIssue({ code: "custom", message: "Wpisz datę jako DD.MM.RRRR (np. 12.03.2026) albo RRRR-MM-DD." });
    else if (iso === "invalid") ctx.addIssue({ code: "custom", message: `Taka data nie istnieje: ${value}.` });
    else return iso;
    return z.NEVER;
  });

/** What a date field shows for a stored date: „12.03.2026”; anything else (a user's typing) as it is. */
export function typedDateValue(value: unknown): string {
  if (typeof value !== "string") return "";
  return isValidIsoDate(value) ? formatShortDate(value) : value;
}

/** The value when it is a real ISO date (a refinement may run on a field that failed). */
export function validIso(value: unknown): string | null {
  return typeof value === "string" && isValidIsoDate(value) ? value : null;
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(value);
  if (!m || !isValidIsoDate(value)) throw new RangeError(`Nieprawidłowa data: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** "24 kwietnia 2018 r." (with a non-breaking space before "r."). */
export function formatPolishDate(value: string): string {
  const { year, month, day } = parseIsoDate(value);
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year}\u00a0r.`;
}

/** "z dnia 24 kwietnia 2018 r." */
export function formatPolishDateWithDnia(value: string): string {
  return `z dnia ${formatPolishDate(value)}`;
}

/** "24.04.2018" for dense tables. */
export function formatShortDate(value: string): string {
  const { year, month, day } = parseIsoDate(value);
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

export function todayIso(at: Date = now()): string {
  // The office works in Kraków: "today" is the Warsaw calendar day.
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(at);
}

export function addDays(value: string, days: number): string {
  const { year, month, day } = parseIsoDate(value);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return d.toISOString().slice(0, 10);
}

export function yearOf(value: string): number {
  return parseIsoDate(value).year;
}
