// The lexicon of name forms people have confirmed: a surname, a given name or an institution's
// head noun with its genitive and dative. It is data (a table an administrator edits, exports and
// seeds); the suggester receives it as an argument and looks words up before applying its rules.
import { z } from "zod";
import { foldText } from "./search-text";
import { RecordVersion } from "./form-fields";

export const LEXICON_KINDS = ["GIVEN_NAME", "SURNAME", "INSTITUTION_HEAD"] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];
export const LEXICON_KIND_LABEL: Record<LexiconKind, string> = {
  GIVEN_NAME: "imię",
  SURNAME: "nazwisko",
  INSTITUTION_HEAD: "rzeczownik główny nazwy instytucji",
};

/** Grammatical gender (and number) of a lexicon word; persons use MASCULINE or FEMININE. */
export const LEXICON_GENDERS = ["MASCULINE", "FEMININE", "NEUTER", "PLURAL"] as const;
export type LexiconGender = (typeof LEXICON_GENDERS)[number];
export const LEXICON_GENDER_LABEL: Record<LexiconGender, string> = {
  MASCULINE: "męski",
  FEMININE: "żeński",
  NEUTER: "nijaki",
  PLURAL: "liczba mnoga",
};

export type LexiconEntry = {
  kind: LexiconKind;
  nominative: string;
  /** null: the entry holds for either gender (a surname that does not change with it). */
  gender: LexiconGender | null;
  genitive: string;
  dative: string;
};

export type NameLexicon = { find(kind: LexiconKind, word: string, gender: LexiconGender | null): LexiconEntry | null; size: number };

const keyOf = (kind: LexiconKind, word: string, gender: LexiconGender | null) => `${kind}|${gender ?? ""}|${word.normalize("NFC").toLocaleLowerCase("pl")}`;

/**
 * A lexicon to look words up in. A person's word: the entry for its gender, else one for either
 * gender. An institution's head noun (asked for with gender null): the entry of any gender.
 */
export function buildLexicon(entries: readonly LexiconEntry[]): NameLexicon {
  const byKey = new Map(entries.map((e) => [keyOf(e.kind, e.nominative, e.gender), e]));
  const anyGender = new Map(entries.map((e) => [keyOf(e.kind, e.nominative, null), e]));
  return {
    size: byKey.size,
    find: (kind, word, gender) =>
      (gender ? (byKey.get(keyOf(kind, word, gender)) ?? byKey.get(keyOf(kind, word, null))) : anyGender.get(keyOf(kind, word, null))) ?? null,
  };
}

export const EMPTY_LEXICON: NameLexicon = buildLexicon([]);

/** The key a word is stored under (the table's unique column): case and Unicode form do not matter. */
export const lexiconKeyOf = (nominative: string) => nominative.normalize("NFC").toLocaleLowerCase("pl");
/** For search in the administrator's list. */
export const lexiconSearchKeyOf = (nominative: string) => foldText(nominative);

const word = (label: string) =>
  z
    .string({ error: `Podaj ${label}.` })
    .trim()
    .min(1, `Podaj ${label}.`)
    .max(120, "Najwyżej 120 znaków.")
    .refine((v) => !/\s/.test(v), "Jedno słowo (bez spacji).");

/** The administrator's form for one entry. */
export const LexiconEntrySchema = z.object({
  kind: z.enum(LEXICON_KINDS, { error: "Wybierz rodzaj wpisu." }),
  nominative: word("słowo w mianowniku"),
  gender: z
    .enum(LEXICON_GENDERS)
    .optional()
    .transform((v) => v ?? null),
  genitive: word("dopełniacz"),
  dative: word("celownik"),
});
export type LexiconEntryInput = z.infer<typeof LexiconEntrySchema>;
/** A correction of an entry: the version the form was read at (two administrators, one entry). */
export const LexiconEntryEditSchema = LexiconEntrySchema.extend({ version: RecordVersion });
export type LexiconEntryEdit = z.infer<typeof LexiconEntryEditSchema>;

/** Makes the word's case pattern the lexicon form's: „NOWAK” finds „Nowak” and gets „NOWAKA”. */
export function inCaseOf(model: string, form: string): string {
  if (model.length > 1 && model === model.toLocaleUpperCase("pl") && model !== model.toLocaleLowerCase("pl")) return form.toLocaleUpperCase("pl");
  const first = model.charAt(0);
  if (first && first === first.toLocaleUpperCase("pl")) return form.charAt(0).toLocaleUpperCase("pl") + form.slice(1);
  return form.charAt(0).toLocaleLowerCase("pl") + form.slice(1);
}

export const LEXICON_CSV_COLUMNS = ["rodzaj", "mianownik", "rodzaj_gramatyczny", "dopelniacz", "celownik"] as const;
