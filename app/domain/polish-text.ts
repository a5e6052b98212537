// Polish typography and grammar for printed documents: non-breaking spaces where a line must not
// break, „Polish quotes”, and the forms that depend on the honoree's grammatical gender.
import type { CandidateKind, Gender } from "./honours";

const NBSP = "\u00a0";

/**
 * Abbreviations that introduce a name and must not end a line: street, avenue, square, estate,
 * saint, "imienia", the academic and clerical titles, and "o." (ojciec). Whole words only, so
 * "dr" in "drzewo" or "o." after a letter does not count; the ones that can open a sentence or an
 * address line also capitalised ("Prof.", "Ul."). "im." and "o." only in lower case: "Im." and
 * "O." are not these abbreviations.
 */
const NAME_ABBREVIATION = /(?<![\p{L}\p{N}.])((?:[uU]l|[aA]l|[pP]l|[oO]s|[śŚ]w|im|[pP]rof|[hH]ab|[kK]s|o)\.|[dD]r)(\s+)(?=\S)/gu;

/** Each whitespace character becomes a non-breaking space, so the length stays the same. */
const bound = (space: string) => NBSP.repeat(space.length);

/**
 * Non-breaking spaces after one-letter words (a, i, o, u, w, z, in either case) and after the
 * abbreviations that introduce a name ("ul.", "prof.", "dr", …) so they never end a line, between
 * "§", "nr", "ust.", "pkt", "art.", "poz." and the number that follows, and between a number and
 * "r.", "zł" or "%". Only whitespace characters change, one for one: `buildRuns` relies on the
 * length staying the same.
 */
export function bindShortWords(text: string): string {
  return text
    .replace(/(?<=^|[\s(„"])([aiouwzAIOUWZ])([ \t\n]+)/g, (_, word: string, space: string) => word + bound(space))
    .replace(NAME_ABBREVIATION, (_, word: string, space: string) => word + bound(space))
    .replace(/(§|\bnr|\bust\.|\bpkt|\bart\.|\bpoz\.)(\s+)(?=\d)/g, (_, word: string, space: string) => word + bound(space))
    .replace(/(\d)(\s+)(r\.|zł|%)/g, (_, digit: string, space: string, unit: string) => digit + bound(space) + unit);
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
