// Polish typography and grammar for printed documents: non-breaking spaces where a line must not
// break, „Polish quotes”, and the forms that depend on the honoree's grammatical gender.
import type { CandidateKind, Gender } from "./honours";

const NBSP = "\u00a0";

/**
 * Non-breaking spaces after one-letter words (a, i, o, u, w, z, in either case) so they never
 * end a line, and between "§", "nr", "ust.", "pkt", "art." and the number that follows.
 */
export function bindShortWords(text: string): string {
  return text
    .replace(/(?<=^|[\s(„"])([aiouwzAIOUWZ])[ \t\n]+/g, `$1${NBSP}`)
    .replace(/(§|\bnr|\bust\.|\bpkt|\bart\.|\bpoz\.)\s+(?=\d)/g, `$1${NBSP}`)
    .replace(/(\d)\s+(r\.|zł|%)/g, `$1${NBSP}$2`);
}

/** Straight double quotes become „lower and upper” Polish quotes. */
export function polishQuotes(text: string): string {
  let open = true;
  return text.replace(/"/g, () => {
    const q = open ? "„" : "”";
    open = !open;
    return q;
  });
}

export function typeset(text: string): string {
  return bindShortWords(polishQuotes(text));
}

export type Addressee = { kind: CandidateKind; gender: Gender | null };

/** "Pan" / "Pani" in the case the sentence needs (for persons; organisations have none). */
export function honorific(a: Addressee, grammaticalCase: "nominative" | "genitive" | "dative"): string {
  if (a.kind === "ORGANIZATION") return "";
  const masculine = a.gender !== "FEMININE";
  return { nominative: masculine ? "Pan" : "Pani", genitive: masculine ? "Pana" : "Pani", dative: masculine ? "Panu" : "Pani" }[grammaticalCase];
}

/** "Jego" / "Jej" (capitalised, as in dedications); for an organisation its own possessive "jej". */
export function possessive(a: Addressee): string {
  if (a.kind === "ORGANIZATION") return "jej";
  return a.gender === "FEMININE" ? "Jej" : "Jego";
}

/** "Honorowy Obywatel" / "Honorowa Obywatelka". */
export function honoraryCitizenTitle(gender: Gender | null): string {
  return gender === "FEMININE" ? "Honorowa Obywatelka Stołecznego Królewskiego Miasta Krakowa" : "Honorowy Obywatel Stołecznego Królewskiego Miasta Krakowa";
}
