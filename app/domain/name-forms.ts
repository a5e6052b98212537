// Suggested genitive and dative of a candidate's name: a person's (app/domain/person-declension.ts)
// or an institution's (app/domain/institution-declension.ts). Only a suggestion: a person confirms
// or corrects it on the candidate's page before a document prints it, and a confirmed correction
// goes into the lexicon (app/domain/name-lexicon.ts) that the next suggestion consults first.
import type { CandidateKind, Gender } from "./honours";
import { declineInstitution } from "./institution-declension";
import { EMPTY_LEXICON, type LexiconEntry, type LexiconGender, type NameLexicon } from "./name-lexicon";
import { declinePerson, inferGender, type FormsSource, type WordForms } from "./person-declension";

export type { FormsSource } from "./person-declension";

type Forms = { genitive: string; dative: string };

export type NameFormsInput = { kind: CandidateKind; givenNames: string; surname: string; organizationName: string; gender: Gender | null };

export type NameFormsSuggestion = Forms & {
  /** How sure the suggestion is: a rule, the lexicon, a guess, or an unknown word (forms left to a person). */
  source: FormsSource;
  /** Forms Polish also accepts (Dudeka beside Dudka), or null. */
  alternative: Forms | null;
  /** The words that were guessed or unknown, for the person checking the forms. */
  doubts: string[];
  /** Per word, for learning from a person's correction (persons only). */
  words: WordForms[];
  /** The institution's head noun and its position among the name's words (institutions only). */
  head: { word: string; wordIndex: number } | null;
};

export const FORMS_SOURCE_LABEL: Record<FormsSource, string> = {
  rule: "reguła odmiany",
  lexicon: "słownik potwierdzonych form",
  guess: "zgadywanie: sprawdź",
  unknown: "nieznane słowo: uzupełnij ręcznie",
};

/** Where a candidate's stored forms come from (Candidate.nameFormsSource). */
export const NAME_FORMS_ORIGIN_LABEL: Record<string, string> = { ...FORMS_SOURCE_LABEL, person: "wpisane przez osobę" };

/** The suggestion with how sure it is; the lexicon holds the forms people confirmed. */
export function suggestNameForms(input: NameFormsInput, lexicon: NameLexicon = EMPTY_LEXICON): NameFormsSuggestion {
  if (input.kind === "ORGANIZATION") {
    const d = declineInstitution(input.organizationName, lexicon);
    const words = input.organizationName.trim().split(/\s+/);
    const wordIndex =
      d.headIndex === null
        ? -1
        : input.organizationName
            .trim()
            .split(/(\s+)/)
            .slice(0, d.headIndex)
            .filter((p) => p.trim()).length;
    return {
      genitive: d.genitive,
      dative: d.dative,
      source: d.source,
      alternative: null,
      doubts: d.note && d.source !== "rule" ? [d.note] : [],
      words: [],
      head: d.head && wordIndex >= 0 && words[wordIndex] !== undefined ? { word: d.head, wordIndex } : null,
    };
  }
  const d = declinePerson(input.givenNames, input.surname, input.gender, lexicon);
  return {
    genitive: d.genitive,
    dative: d.dative,
    source: d.source,
    alternative: d.alternative,
    doubts: d.words.filter((w) => w.source === "guess" || w.source === "unknown").map((w) => `${w.nominative}${w.note ? ` (${w.note})` : ""}`),
    words: d.words,
    head: null,
  };
}

/** Suggested forms of a person's given names and surname; hyphenated surnames decline part by part. */
export function suggestPersonForms(givenNames: string, surname: string, gender: Gender | null, lexicon: NameLexicon = EMPTY_LEXICON): Forms {
  const { genitive, dative } = declinePerson(givenNames, surname, gender, lexicon);
  return { genitive, dative };
}

export function suggestForms(input: NameFormsInput, lexicon: NameLexicon = EMPTY_LEXICON): Forms {
  const { genitive, dative } = suggestNameForms(input, lexicon);
  return { genitive, dative };
}

/** Words whose forms a confirmation cannot teach: numerals, abbreviations, particles in lower case. */
const UNTEACHABLE = /^([IVXLCDM]+|\p{Ll}+|.*[.\d()„”"«»].*)$/u;

/** The gender an institution's unknown head noun has, read from its confirmed dative and the word after it. */
function headGenderOf(nominative: string, dative: string, nextDative: string | undefined): LexiconGender {
  if (/om$/.test(dative) || /(ym|im)$/.test(nextDative ?? "")) return "PLURAL";
  if (/ej$/.test(nextDative ?? "")) return "FEMININE";
  if (/owi$/.test(dative)) return "MASCULINE";
  if (/(o|e|um)$/.test(nominative)) return "NEUTER";
  if (/emu$/.test(nextDative ?? "")) return "MASCULINE";
  return /a$/.test(nominative) ? "FEMININE" : "MASCULINE";
}

/**
 * What a person's confirmation teaches the lexicon: each word of a person's name (part of a
 * hyphenated surname) whose confirmed forms differ from the suggestion or were only guessed, and
 * an institution's head noun likewise. Nothing when the confirmed forms cannot be lined up word
 * by word with the name (a title added, words dropped).
 */
export function lessonsFromConfirmation(input: NameFormsInput, suggestion: NameFormsSuggestion, confirmed: Forms): LexiconEntry[] {
  const split = (s: string) => s.trim().split(/\s+/).filter(Boolean);
  const gen = split(confirmed.genitive);
  const dat = split(confirmed.dative);
  if (input.kind === "ORGANIZATION") {
    const words = split(input.organizationName);
    const head = suggestion.head;
    if (!head || gen.length !== words.length || dat.length !== words.length) return [];
    const at = head.wordIndex;
    const [g, d] = [gen[at]!.replace(/[,;:]$/, ""), dat[at]!.replace(/[,;:]$/, "")];
    const suggestedGen = split(suggestion.genitive)[at];
    const suggestedDat = split(suggestion.dative)[at];
    if (suggestion.source !== "unknown" && g === suggestedGen?.replace(/[,;:]$/, "") && d === suggestedDat?.replace(/[,;:]$/, "")) return [];
    return [{ kind: "INSTITUTION_HEAD", nominative: head.word, gender: headGenderOf(head.word, d, dat[at + 1]), genitive: g, dative: d }];
  }
  const words = suggestion.words;
  if (gen.length !== words.length || dat.length !== words.length) return [];
  const givenCount = split(input.givenNames).length;
  const gender: LexiconGender = input.gender ?? inferGender(input.givenNames, input.surname).gender;
  const lessons: LexiconEntry[] = [];
  words.forEach((w, i) => {
    const kind = i < givenCount ? "GIVEN_NAME" : "SURNAME";
    const parts = w.nominative.split("-");
    const [gParts, dParts] = [gen[i]!.split("-"), dat[i]!.split("-")];
    const [sgParts, sdParts] = [w.genitive.split("-"), w.dative.split("-")];
    if (gParts.length !== parts.length || dParts.length !== parts.length) return;
    parts.forEach((part, k) => {
      if (!part || UNTEACHABLE.test(part)) return;
      const changed = gParts[k] !== sgParts[k] || dParts[k] !== sdParts[k];
      if (changed || w.source === "guess" || w.source === "unknown") lessons.push({ kind, nominative: part, gender, genitive: gParts[k]!, dative: dParts[k]! });
    });
  });
  return lessons;
}
