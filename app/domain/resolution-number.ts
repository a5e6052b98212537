// Council resolution numbers: "<session in Roman numerals>/<running number within the term>/<yy>",
// e.g. "XCIII/610/93". Session and running numbers restart each term, so a number is unique only
// together with its term.
import { formatPolishDate } from "./polish-dates";
import { fromRoman, toRoman } from "./roman";

export type ResolutionNumber = { session: number; running: number; year2: number };

export type Term = { number: number; startDate: string; endDate: string | null };

const SHAPE = /^\s*([IVXLCDM]+)\s*\/\s*(\d{1,5})\s*\/\s*(\d{2})\s*$/i;

export type ParseResult = { ok: true; value: ResolutionNumber } | { ok: false; message: string };

export function parseResolutionNumber(text: string): ParseResult {
  const m = SHAPE.exec(text);
  if (!m) {
    return { ok: false, message: "Numer uchwały ma postać: numer sesji cyframi rzymskimi / numer kolejny / dwie cyfry roku, np. XCIII/610/93." };
  }
  const session = fromRoman(m[1]!);
  if (session === null) return { ok: false, message: `„${m[1]}” nie jest poprawną liczbą rzymską (numer sesji).` };
  const running = Number(m[2]);
  if (running < 1) return { ok: false, message: "Numer kolejny uchwały musi być większy od zera." };
  return { ok: true, value: { session, running, year2: Number(m[3]) } };
}

export function formatResolutionNumber(n: ResolutionNumber): string {
  return `${toRoman(n.session)}/${n.running}/${String(n.year2).padStart(2, "0")}`;
}

/** Checks a parsed number against its adoption date and council term; returns Polish problems. */
export function checkResolutionNumber(n: ResolutionNumber, adoptedOn: string, term: Term): string[] {
  const problems: string[] = [];
  if (Number(adoptedOn.slice(2, 4)) !== n.year2) {
    problems.push(`Dwie ostatnie cyfry numeru („${String(n.year2).padStart(2, "0")}”) nie zgadzają się z rokiem podjęcia uchwały (${adoptedOn.slice(0, 4)}).`);
  }
  if (adoptedOn < term.startDate || (term.endDate !== null && adoptedOn > term.endDate)) {
    problems.push(`Data podjęcia uchwały nie mieści się w ${toRoman(term.number)} kadencji Rady (${term.startDate} – ${term.endDate ?? "obecnie"}).`);
  }
  return problems;
}

/** An earlier or later resolution of the same term, as the session-order check reads it. */
export type TermResolution = { number: string; sessionNumber: number; adoptedOn: string };

/**
 * Sessions are numbered in the order they sit within a term: a resolution whose session numeral
 * goes backwards against one adopted earlier in the term (II/321/25 after session XX) is probably
 * mistyped. A warning: the Council's own record decides.
 */
export function sessionOrderWarnings(n: ResolutionNumber, adoptedOn: string, termResolutions: readonly TermResolution[]): string[] {
  const earlierHigher = termResolutions
    .filter((r) => r.adoptedOn < adoptedOn && r.sessionNumber > n.session)
    .sort((a, b) => b.sessionNumber - a.sessionNumber || b.adoptedOn.localeCompare(a.adoptedOn))[0];
  if (!earlierHigher) return [];
  return [
    `Numer sesji się cofa w tej kadencji: uchwała z sesji ${toRoman(n.session)} z ${formatPolishDate(adoptedOn)}, a wcześniej zapisano uchwałę nr ${earlierHigher.number} z sesji ${toRoman(earlierHigher.sessionNumber)} (${formatPolishDate(earlierHigher.adoptedOn)}). Sprawdź numer.`,
  ];
}

// Mayor's ordinances: "<running number>/<four-digit year>", e.g. "1234/2018"; the year is the ordinance's.
const ORDINANCE_SHAPE = /^\s*(\d{1,6})\s*\/\s*(\d{4})\s*$/;

export type OrdinanceNumberResult = { ok: true; value: string } | { ok: false; message: string };

/** Parses and checks a Mayor's ordinance number against its date; the value is the normalised number. */
export function checkOrdinanceNumber(text: string, issuedOn: string): OrdinanceNumberResult {
  const m = ORDINANCE_SHAPE.exec(text);
  const example = `np. 1234/${issuedOn.slice(0, 4)}`;
  if (!m) return { ok: false, message: `Numer zarządzenia ma postać: numer / rok czterema cyframi (${example}); „${text.trim()}” jej nie ma.` };
  if (Number(m[1]) < 1) return { ok: false, message: "Numer zarządzenia musi być większy od zera." };
  if (m[2] !== issuedOn.slice(0, 4)) {
    return { ok: false, message: `Rok w numerze zarządzenia (${m[2]}) nie zgadza się z rokiem jego daty (${issuedOn.slice(0, 4)}).` };
  }
  return { ok: true, value: `${Number(m[1])}/${m[2]}` };
}
