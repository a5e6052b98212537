// Council resolution numbers: "<session in Roman numerals>/<running number within the term>/<yy>",
// e.g. "XCIII/610/93". Session and running numbers restart each term, so a number is unique only
// together with its term.
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
    problems.push(
      `Data podjęcia uchwały nie mieści się w ${toRoman(term.number)} kadencji Rady (${term.startDate} – ${term.endDate ?? "obecnie"}).`,
    );
  }
  return problems;
}
