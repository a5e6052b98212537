// Calendar dates as the office writes them: "24 kwietnia 2018 r.". Dates are "YYYY-MM-DD"
// strings throughout the app (see docs/decisions/002-data-model.md).
import { z } from "zod";
import { now } from "./clock";

const MONTHS_GENITIVE = [
  "stycznia",
  "lutego",
  "marca",
  "kwietnia",
  "maja",
  "czerwca",
  "lipca",
  "sierpnia",
  "września",
  "października",
  "listopada",
  "grudnia",
];

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
