// Suggested genitive and dative of a candidate's name: a person's (app/domain/person-declension.ts)
// or an institution's (app/domain/institution-declension.ts). Only a suggestion: a person confirms
// or corrects it on the candidate's page before a document prints it, and a confirmed correction
// goes into the lexicon (app/domain/name-lexicon.ts) that the next suggestion consults first.
import type { CandidateKind, Gender } from "./honours";
import { declineInstitution } from "./institution-declension";
import { EMPTY_LEXICON, type NameLexicon } from "./name-lexicon";
import { declinePerson, type FormsSource, type WordForms } from "./person-declension";

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

/** The suggestion with how sure it is; the lexicon holds the forms people confirmed. */
export function suggestNameForms(input: NameFormsInput, lexicon: NameLexicon = EMPTY_LEXICON): NameFormsSuggestion {
  if (input.kind === "ORGANIZATION") {
    const d = declineInstitution(input.organizationName, lexicon);
    const words = input.organizationName.trim().split(/\s+/);
    const wordIndex = d.headIndex === null ? -1 : input.organizationName.trim().split(/(\s+)/).slice(0, d.headIndex).filter((p) => p.trim()).length;
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
