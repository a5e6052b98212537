import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bindShortWords, byGender, honoraryCitizenTitle, honorific, polishQuotes, possessive, typeset } from "#app/domain/polish-text";

const NB = "\u00a0";

describe("Polish typography", () => {
  test.each([
    ["w dowód uznania", `w${NB}dowód uznania`],
    ["zasług i w Krakowie", `zasług i${NB}w${NB}Krakowie`],
    ["a o u z W", `a${NB}o${NB}u${NB}z${NB}W`],
    ["Kraków i okolice", `Kraków i${NB}okolice`],
    ["§ 1. Nadaje się", `§${NB}1. Nadaje się`],
    ["medal nr 7", `medal nr${NB}7`],
    ["art. 18 ust. 2 pkt 14", `art.${NB}18 ust.${NB}2 pkt${NB}14`],
    ["24 kwietnia 2018 r.", `24 kwietnia 2018${NB}r.`],
    // Issue 16: none of „nr”, „§”, „art.”, „ust.”, „pkt” ends a line, whatever follows.
    ["uchwały nr XCIII/610/93", `uchwały nr${NB}XCIII/610/93`],
    ["UCHWAŁA NR …………… RADY", `UCHWAŁA NR${NB}…………… RADY`],
    ["z dnia …………… r.", `z${NB}dnia ……………${NB}r.`],
    ["(Dz. U. z 2024 r. poz. 1465", `(Dz. U. z${NB}2024${NB}r. poz.${NB}1465`],
    ["§ 2 ust. 1a pkt 3b", `§${NB}2 ust.${NB}1a pkt${NB}3b`],
    ["znr 5 i partnr x", `znr 5 i${NB}partnr x`],
    ["(w sprawie", `(w${NB}sprawie`],
    ["bawi się", "bawi się"],
    ["Wawel", "Wawel"],
  ])("%s", (input, expected) => {
    expect(bindShortWords(input)).toBe(expected);
  });

  test("no one-letter word is ever followed by a breakable space", () => {
    const out = bindShortWords("Nadaje się medal i dyplom w uznaniu zasług a także z okazji u progu o świcie");
    expect(out).not.toMatch(/(^|\s)[aiouwz] /i);
  });

  test.each([
    ["ul. Floriańska 1", `ul.${NB}Floriańska 1`],
    ["al. Mickiewicza, pl. Wszystkich Świętych, os. Centrum", `al.${NB}Mickiewicza, pl.${NB}Wszystkich Świętych, os.${NB}Centrum`],
    ["Szkoła im. Jana Pawła II", `Szkoła im.${NB}Jana Pawła II`],
    ["prof. dr hab. Anna Nowak", `prof.${NB}dr${NB}hab.${NB}Anna Nowak`],
    ["Prof. Jan Nowak i Dr Ewa Kos", `Prof.${NB}Jan Nowak i${NB}Dr${NB}Ewa Kos`],
    ["ks. Jan Twardowski, o. Jacek Salij, św. Florian", `ks.${NB}Jan Twardowski, o.${NB}Jacek Salij, św.${NB}Florian`],
    ["Ul. Grodzka, Św. Anna, Ks. Jan", `Ul.${NB}Grodzka, Św.${NB}Anna, Ks.${NB}Jan`],
    ["(ul. Długa)", `(ul.${NB}Długa)`],
    ["Rady Miasta Krakowa", "Rady Miasta Krakowa"],
  ])("name abbreviation: %s", (input, expected) => {
    expect(bindShortWords(input)).toBe(expected);
  });

  test.each([
    ["drzewo rośnie", "drzewo rośnie"],
    ["Odr kolejny", "Odr kolejny"],
    ["Kodr. dalej", "Kodr. dalej"],
    ["domo. Dalej", "domo. Dalej"],
    ["ul.", "ul."],
    ["koniec ul. ", "koniec ul. "],
    ["Im. Jan", "Im. Jan"],
    ["O. Kowalski", "O. Kowalski"],
    ["pul. x aul. y", "pul. x aul. y"],
    ["szkoła imienia Jana", "szkoła imienia Jana"],
  ])("not an abbreviation: %s", (input, expected) => {
    expect(bindShortWords(input)).toBe(expected);
  });

  // buildRuns relies on this: one character for one character, and only spaces (to non-breaking
  // ones) or straight quotes (to Polish ones) ever change.
  test("typeset keeps the length and only turns whitespace into non-breaking spaces and quotes into Polish ones", () => {
    const tokens = [
      "ul.",
      "Ul.",
      "prof.",
      "dr",
      "hab.",
      "o.",
      "im.",
      "św.",
      "ks.",
      "w",
      "Z",
      "§",
      "nr",
      "art.",
      "2018",
      "r.",
      "zł",
      "%",
      '"',
      "(",
      "drzewo",
      "Kraków",
    ];
    const word = fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 }));
    const gap = fc.constantFrom(" ", "  ", "\t", "\n", NB, "");
    const text = fc.array(fc.tuple(word, gap), { maxLength: 30 }).map((parts) => parts.map(([w, g]) => w + g).join(""));
    fc.assert(
      fc.property(text, (input) => {
        const out = typeset(input);
        expect(out.length).toBe(input.length);
        for (let i = 0; i < input.length; i++) {
          if (out[i] === input[i]) continue;
          if (input[i] === '"') expect(["„", "”"]).toContain(out[i]);
          else {
            expect(input[i]).toMatch(/\s/);
            expect(out[i]).toBe(NB);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test("quotes become „Polish” ones", () => {
    expect(polishQuotes('Medal "Cracoviae Merenti" i odznaka "Honoris Gratia"')).toBe("Medal „Cracoviae Merenti” i odznaka „Honoris Gratia”");
    expect(typeset('w "Sali Obrad"')).toBe(`w${NB}„Sali Obrad”`);
  });
});

describe("forms by grammatical gender", () => {
  const man = { kind: "PERSON" as const, gender: "MASCULINE" as const };
  const woman = { kind: "PERSON" as const, gender: "FEMININE" as const };
  const org = { kind: "ORGANIZATION" as const, gender: null };
  test("Pan / Pani in three cases", () => {
    expect([honorific(man, "nominative"), honorific(man, "genitive"), honorific(man, "dative")]).toEqual(["Pan", "Pana", "Panu"]);
    expect([honorific(woman, "nominative"), honorific(woman, "genitive"), honorific(woman, "dative")]).toEqual(["Pani", "Pani", "Pani"]);
    expect(honorific(org, "dative")).toBe("");
  });
  test("the masculine or feminine word for one honoree: an organisation and an unknown gender take the masculine", () => {
    expect([byGender(man, "laureat", "laureatka"), byGender(woman, "laureat", "laureatka"), byGender(org, "laureat", "laureatka")]).toEqual([
      "laureat",
      "laureatka",
      "laureat",
    ]);
    expect(byGender({ kind: "PERSON", gender: null }, "go", "ją")).toBe("go");
  });
  test("Jego / Jej and the Honorary Citizen title", () => {
    expect([possessive(man), possessive(woman), possessive(org)]).toEqual(["Jego", "Jej", "jej"]);
    expect(honoraryCitizenTitle("FEMININE")).toBe("Honorowa Obywatelka Stołecznego Królewskiego Miasta Krakowa");
    expect(honoraryCitizenTitle("MASCULINE")).toBe("Honorowy Obywatel Stołecznego Królewskiego Miasta Krakowa");
  });
});
