import { describe, expect, test } from "vitest";
import { bindShortWords, honoraryCitizenTitle, honorific, polishQuotes, possessive, typeset } from "#app/domain/polish-text";

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
  test("Jego / Jej and the Honorary Citizen title", () => {
    expect([possessive(man), possessive(woman), possessive(org)]).toEqual(["Jego", "Jej", "jej"]);
    expect(honoraryCitizenTitle("FEMININE")).toBe("Honorowa Obywatelka Stołecznego Królewskiego Miasta Krakowa");
    expect(honoraryCitizenTitle("MASCULINE")).toBe("Honorowy Obywatel Stołecznego Królewskiego Miasta Krakowa");
  });
});
