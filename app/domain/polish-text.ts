// Polish typography and grammar for printed documents: non-breaking spaces where a line must not
// break, „Polish quotes”, and the forms that depend on the honoree's grammatical gender.
import type { CandidateKind, Gender } from "./honours";

const NBSP = "\u00a0";

/**
 * Abbreviations that introduce a name and must not end a line: street, avenue, square, estate,
 * saint, "imienia", the academic and clerical titles, and "o." (ojciec). Whole words only (at the
 * start, or after a space, a bracket or a quote), so "dr" in "drzewo" or "Kodr." does not count;
 * the ones that can open a sentence or an address line also capitalised ("Prof.", "Ul."). "im."
 * and "o." only in lower case: "Im." and "O." are not these abbreviations.
 */
const NAME_ABBREVIATION = String.raw`((?:[uUaApP]l|[oO]s|[śŚ]w|im|[pP]rof|[hH]ab|[kK]s|o)\.|[dD]r)\s(?=\S)`;
/** A one-letter word ($1) or a name abbreviation ($2) and the space after it: one pass for both. */
const BOUND_WORD = new RegExp(String.raw`(?<=^|[\s(„"])(?:([aiouwzAIOUWZ])[ \t\n]|${NAME_ABBREVIATION})`, "g");

/**
 * „§”, „nr”, „art.”, „ust.”, „pkt”, „poz.” as whole words and the space after them, whatever
 * follows: a number, a resolution number in Roman numerals („nr XCIII/610/93”) or a blank to fill
 * in („nr ……”). None of them may end a line.
 */
const LEGAL_REFERENCE = /(?<=^|[\s(„"])(§|nr|Nr|NR|ust\.|pkt|art\.|poz\.)\s(?=\S)/g;

/**
 * Non-breaking spaces after one-letter words (a, i, o, u, w, z, in either case) and after the
 * abbreviations that introduce a name ("ul.", "prof.", "dr", …) so they never end a line, between
 * "§", "nr", "ust.", "pkt", "art.", "poz." and the number that follows, and between a number and
 * "r.", "zł" or "%" (or a blank „…” and "r."). Expects whitespace collapsed to single characters (buildRuns does that): each
 * replacement turns one whitespace character into one non-breaking space, and `buildRuns` relies
 * on the length staying the same. String replacements, no callbacks: diploma batches run this on
 * every paragraph.
 */
export function bindShortWords(text: string): string {
  return text
    .replace(BOUND_WORD, `$1$2${NBSP}`)
    .replace(LEGAL_REFERENCE, `$1${NBSP}`)
    .replace(/([\d…])\s(r\.|zł|%)/g, `$1${NBSP}$2`);
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

/**
 * The feminine form of a word about one honoree for a woman, the masculine one otherwise: for a man,
 * an organisation ("laureat", as the glossary names any conferral's holder) or an unknown gender.
 */
export function byGender(a: Addressee, masculine: string, feminine: string): string {
  return a.kind === "PERSON" && a.gender === "FEMININE" ? feminine : masculine;
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

/** The title in the genitive, as a resolution names it (no quotes): „tytułu Honorowego Obywatela …”. */
export function honoraryCitizenTitleGenitive(gender: Gender | null): string {
  return gender === "FEMININE"
    ? "Honorowej Obywatelki Stołecznego Królewskiego Miasta Krakowa"
    : "Honorowego Obywatela Stołecznego Królewskiego Miasta Krakowa";
}
