import { describe, expect, test } from "vitest";
import { HEAD_NOUNS } from "#app/domain/institution-declension";
import { suggestForms, suggestNameForms, suggestPersonForms } from "#app/domain/name-forms";
import { buildLexicon } from "#app/domain/name-lexicon";
import { INSTITUTIONS, PERSONS } from "#tests/fixtures/declension-table";

const person = (givenNames: string, surname: string, gender: "MASCULINE" | "FEMININE" | null) =>
  suggestNameForms({ kind: "PERSON", givenNames, surname, organizationName: "", gender });
const institution = (organizationName: string) => suggestNameForms({ kind: "ORGANIZATION", givenNames: "", surname: "", organizationName, gender: null });

describe("suggested name forms", () => {
  test.each([
    ["Jan", "Kowalski", "MASCULINE", "Jana Kowalskiego", "Janowi Kowalskiemu"],
    ["Bolesław", "Żółkiewski", "MASCULINE", "Bolesława Żółkiewskiego", "Bolesławowi Żółkiewskiemu"],
    ["Zdzisław", "Przykładowy", "MASCULINE", "Zdzisława Przykładowego", "Zdzisławowi Przykładowemu"],
    ["Grzegorz Ignacy", "Nowak", "MASCULINE", "Grzegorza Ignacego Nowaka", "Grzegorzowi Ignacemu Nowakowi"],
    ["Marek", "Paweł", "MASCULINE", "Marka Pawła", "Markowi Pawłowi"],
    ["Jadwiga", "Wzorcowa-Żółkiewska", "FEMININE", "Jadwigi Wzorcowej-Żółkiewskiej", "Jadwidze Wzorcowej-Żółkiewskiej"],
    ["Małgorzata", "Nowak", "FEMININE", "Małgorzaty Nowak", "Małgorzacie Nowak"],
    ["Anna Maria", "Zmyślona", "FEMININE", "Anny Marii Zmyślonej", "Annie Marii Zmyślonej"],
    ["Agnieszka", "Rajčić", "FEMININE", "Agnieszki Rajčić", "Agnieszce Rajčić"],
    ["Halina", "Zawadzka", "FEMININE", "Haliny Zawadzkiej", "Halinie Zawadzkiej"],
  ] as const)("%s %s (%s)", (given, surname, gender, genitive, dative) => {
    expect(suggestPersonForms(given, surname, gender)).toEqual({ genitive, dative });
  });

  test("the issue's examples: mobile -e-, alternations, adjectival surnames, -ja/-ia, numerals", () => {
    expect(person("Bartek", "Dudek", "MASCULINE").genitive).toBe("Bartka Dudka");
    expect(person("Przemek", "Pawelec", "MASCULINE").dative).toBe("Przemkowi Pawelcowi");
    expect(person("Józef", "Szczygieł", "MASCULINE").genitive).toBe("Józefa Szczygła");
    expect(person("Jadwiga Agata Barbara", "Boruta", "FEMININE").dative).toBe("Jadwidze Agacie Barbarze Borucie");
    expect(person("Ewa", "Smuga-Zaręba", "FEMININE").dative).toBe("Ewie Smudze-Zarębie");
    expect(person("Zoja Julia", "Wojtasowa", "FEMININE").dative).toBe("Zoi Julii Wojtasowej");
    expect(person("Tadeusz", "Boy-Żeleński", "MASCULINE").dative).toBe("Tadeuszowi Boyowi-Żeleńskiemu");
    expect(person("Hanna", "Gronkiewicz-Waltz", "FEMININE").dative).toBe("Hannie Gronkiewicz-Waltz");
    expect(person("Benedykt", "XVI", "MASCULINE").dative).toBe("Benedyktowi XVI");
    expect(person("Jan Paweł II", "", "MASCULINE").genitive).toBe("Jana Pawła II");
    expect(person("Maria Magdalena", "Czarna", "FEMININE").dative).toBe("Marii Magdalenie Czarnej");
    expect(person("Tadeusz", "Kościuszko", "MASCULINE").dative).toBe("Tadeuszowi Kościuszce");
  });

  test("both forms where Polish accepts both; the office's form first", () => {
    const dudek = person("Marek", "Dudek", "MASCULINE");
    expect(dudek.genitive).toBe("Marka Dudka");
    expect(dudek.alternative).toEqual({ genitive: "Marka Dudeka", dative: "Markowi Dudekowi" });
    expect(person("Jan", "Kowalski", "MASCULINE").alternative).toBeNull();
  });

  test("each suggestion says where it comes from; an unknown word is left to a person", () => {
    expect(person("Jan", "Kowalski", "MASCULINE").source).toBe("rule");
    expect(person("Joe", "Biden", "MASCULINE").source).toBe("guess");
    expect(person("Joe", "Biden", "MASCULINE").doubts).toEqual(["Joe (obce nieme -e)"]);
    const unknown = institution("Cricoteka");
    expect(unknown).toMatchObject({ source: "unknown", genitive: "Cricoteka", dative: "Cricoteka" });
    expect(unknown.doubts[0]).toContain("Nieznany rzeczownik „Cricoteka”");
    expect(person("Anna", "Nowak", null)).toMatchObject({ genitive: "Anny Nowak", source: "rule" });
  });

  test("institutions: head noun and agreeing adjectives change, the tail stays", () => {
    expect(suggestForms({ kind: "ORGANIZATION", givenNames: "", surname: "", organizationName: "Okręgowa Izba Lekarska", gender: null })).toEqual({
      genitive: "Okręgowej Izby Lekarskiej",
      dative: "Okręgowej Izbie Lekarskiej",
    });
    expect(institution("Chór Chłopięcy i Męski Katedry Wawelskiej").dative).toBe("Chórowi Chłopięcemu i Męskiemu Katedry Wawelskiej");
    expect(institution("Zakłady Mięsne „Krakowiak” sp. z o.o.").dative).toBe("Zakładom Mięsnym „Krakowiak” sp. z o.o.");
    expect(institution("Schola Gregoriana Silesiensis")).toMatchObject({ dative: "Schola Gregoriana Silesiensis", source: "rule" });
    expect(institution("Siostry Prezentki").source).toBe("guess");
    expect(HEAD_NOUNS.size).toBeGreaterThanOrEqual(80);
  });

  test("the lexicon's confirmed forms win over the rules", () => {
    const lexicon = buildLexicon([
      { kind: "SURNAME", nominative: "Dudek", gender: "MASCULINE", genitive: "Dudeka", dative: "Dudekowi" },
      { kind: "INSTITUTION_HEAD", nominative: "Cricoteka", gender: "FEMININE", genitive: "Cricoteki", dative: "Cricotece" },
    ]);
    expect(person("Marek", "Dudek", "MASCULINE").genitive).toBe("Marka Dudka");
    expect(suggestNameForms({ kind: "PERSON", givenNames: "Marek", surname: "Dudek", organizationName: "", gender: "MASCULINE" }, lexicon)).toMatchObject({
      genitive: "Marka Dudeka",
      source: "lexicon",
    });
    // A woman's Dudek does not take the man's forms.
    expect(suggestPersonForms("Anna", "Dudek", "FEMININE", lexicon).genitive).toBe("Anny Dudek");
    expect(suggestNameForms({ kind: "ORGANIZATION", givenNames: "", surname: "", organizationName: "Cricoteka Nowa", gender: null }, lexicon)).toMatchObject({
      dative: "Cricotece Nowej",
      source: "lexicon",
    });
  });
});

describe("our table of Kraków honorees (tests/fixtures/declension-table.ts)", () => {
  const check = (rows: { want: [string, string]; got: ReturnType<typeof suggestNameForms>; label: string }[]) => {
    let right = 0;
    const silentlyWrong: string[] = [];
    for (const { want, got, label } of rows) {
      for (const [i, form] of [got.genitive, got.dative].entries()) {
        if (form === want[i]) right++;
        else if (got.source === "rule" || got.source === "lexicon") silentlyWrong.push(`${label}: ${form} ≠ ${want[i]}`);
      }
    }
    return { right, total: rows.length * 2, silentlyWrong };
  };

  test("persons: at least 97 % of forms right, the rest marked as guesses", () => {
    const result = check(
      PERSONS.map(([g, s, sex, gen, dat]) => ({ want: [gen, dat], got: person(g, s, sex === "M" ? "MASCULINE" : "FEMININE"), label: `${g} ${s}` })),
    );
    console.log(`Osoby: ${result.right}/${result.total} form poprawnych (${((100 * result.right) / result.total).toFixed(1)} %), ${PERSONS.length} nazwisk.`);
    expect(result.silentlyWrong).toEqual([]);
    expect(result.right / result.total).toBeGreaterThanOrEqual(0.97);
  });

  test("institutions: at least 90 % of forms right, the rest marked as guesses", () => {
    const result = check(INSTITUTIONS.map(([name, gen, dat]) => ({ want: [gen, dat], got: institution(name), label: name })));
    console.log(
      `Instytucje: ${result.right}/${result.total} form poprawnych (${((100 * result.right) / result.total).toFixed(1)} %), ${INSTITUTIONS.length} nazw.`,
    );
    expect(result.silentlyWrong).toEqual([]);
    expect(result.right / result.total).toBeGreaterThanOrEqual(0.9);
  });

  test("the table has at least 150 names of persons of both genders and institutions", () => {
    expect(PERSONS.length + INSTITUTIONS.length).toBeGreaterThanOrEqual(150);
    expect(PERSONS.filter((p) => p[2] === "K").length).toBeGreaterThan(40);
    expect(PERSONS.filter((p) => p[2] === "M").length).toBeGreaterThan(40);
  });
});
