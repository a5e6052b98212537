// Properties of the name-form suggester over generated names (fast-check).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { HEAD_NOUNS } from "#app/domain/institution-declension";
import { suggestNameForms } from "#app/domain/name-forms";
import { buildLexicon, type LexiconGender } from "#app/domain/name-lexicon";

const LOWER = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżčøé".split("");
const wordArb = fc
  .array(fc.constantFrom(...LOWER), { minLength: 2, maxLength: 12 })
  .map((letters) => letters.join(""))
  .map((w) => w.charAt(0).toLocaleUpperCase("pl") + w.slice(1));
const genderArb = fc.constantFrom("MASCULINE" as const, "FEMININE" as const);
const formArb = fc.string({ minLength: 1, maxLength: 15 }).filter((s) => !/\s/.test(s) && s.trim() === s);

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

describe("name-form suggestions (properties)", () => {
  test("a confirmed correction always wins", () => {
    fc.assert(
      fc.property(wordArb, wordArb, genderArb, formArb, formArb, fc.boolean(), (given, surname, gender, genitive, dative, onGiven) => {
        const lexicon = buildLexicon([{ kind: onGiven ? "GIVEN_NAME" : "SURNAME", nominative: onGiven ? given : surname, gender, genitive, dative }]);
        const s = suggestNameForms({ kind: "PERSON", givenNames: given, surname, organizationName: "", gender }, lexicon);
        const at = onGiven ? 0 : 1;
        // The lexicon's form in the word's case pattern (capitalised like the name).
        const cased = (f: string) => f.charAt(0).toLocaleUpperCase("pl") + f.slice(1);
        expect(s.genitive.split(" ")[at]).toBe(cased(genitive));
        expect(s.dative.split(" ")[at]).toBe(cased(dative));
        expect(s.source).not.toBe("rule");
      }),
      { numRuns: 300 },
    );
  });

  test("a confirmed institution head noun always wins, and the adjectives follow its gender", () => {
    fc.assert(
      fc.property(wordArb, formArb, formArb, fc.constantFrom<LexiconGender>("MASCULINE", "FEMININE", "NEUTER", "PLURAL"), (head, genitive, dative, gender) => {
        const lexicon = buildLexicon([{ kind: "INSTITUTION_HEAD", nominative: head, gender, genitive, dative }]);
        const s = suggestNameForms({ kind: "ORGANIZATION", givenNames: "", surname: "", organizationName: `${head} w Krakowie`, gender: null }, lexicon);
        const cased = (f: string) => f.charAt(0).toLocaleUpperCase("pl") + f.slice(1);
        expect(s.genitive).toBe(`${cased(genitive)} w Krakowie`);
        expect(s.dative).toBe(`${cased(dative)} w Krakowie`);
        expect(s.source).toBe("lexicon");
      }),
      { numRuns: 200 },
    );
  });

  test("a suggestion never loses or adds letters outside the endings", () => {
    fc.assert(
      fc.property(
        fc.array(wordArb, { minLength: 1, maxLength: 3 }),
        fc.array(wordArb, { minLength: 1, maxLength: 2 }),
        genderArb,
        (given, surnames, gender) => {
          const surname = surnames.join("-");
          const s = suggestNameForms({ kind: "PERSON", givenNames: given.join(" "), surname, organizationName: "", gender });
          const nominative = [...given, ...surnames].flatMap((w) => w.split("-"));
          for (const form of [s.genitive, s.dative]) {
            const words = form.split(/[ -]/);
            expect(words).toHaveLength(nominative.length);
            words.forEach((w, i) => {
              const nom = nominative[i]!;
              const kept = commonPrefix(nom, w);
              // Only the last letters change (an ending, a mobile -e-, an alternation such as -sta → -ście).
              expect(nom.length - kept).toBeLessThanOrEqual(4);
              expect(w.length - kept).toBeLessThanOrEqual(6);
            });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test("an institution's tail after a preposition is unchanged", () => {
    const heads = [...HEAD_NOUNS.values()].map((h) => h.nominative);
    const tailArb = fc.array(fc.oneof(wordArb, fc.constantFrom("Krakowie", "Baranami", "Wawelu", "im.", "Jana", "„Cracovia”", "nr", "1", "SA")), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...heads),
        fc.constantFrom("", "Krakowska", "Krakowski", "Krakowskie", "Narodowy"),
        fc.constantFrom("w", "na", "pod", "przy", "im.", "dla", "nad"),
        tailArb,
        (head, adjective, preposition, tail) => {
          const tailText = `${preposition} ${tail.join(" ")}`;
          const name = [head, adjective, tailText].filter(Boolean).join(" ");
          const s = suggestNameForms({ kind: "ORGANIZATION", givenNames: "", surname: "", organizationName: name, gender: null });
          expect(s.genitive.endsWith(` ${tailText}`)).toBe(true);
          expect(s.dative.endsWith(` ${tailText}`)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
