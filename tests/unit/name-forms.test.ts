import { describe, expect, test } from "vitest";
import { suggestForms, suggestPersonForms } from "#app/domain/name-forms";

describe("suggested name forms", () => {
  test.each([
    ["Jan", "Kowalski", "MASCULINE", "Jana Kowalskiego", "Janowi Kowalskiemu"],
    ["Bolesław", "Żółkiewski", "MASCULINE", "Bolesława Żółkiewskiego", "Bolesławowi Żółkiewskiemu"],
    ["Zdzisław", "Przykładowy", "MASCULINE", "Zdzisława Przykładowego", "Zdzisławowi Przykładowemu"],
    ["Antoni", "Dziatkowiak", "MASCULINE", "Antoniego Dziatkowiaka", "Antoniemu Dziatkowiakowi"],
    ["Grzegorz Ignacy", "Nowak", "MASCULINE", "Grzegorza Ignacego Nowaka", "Grzegorzowi Ignacemu Nowakowi"],
    ["Marek", "Paweł", "MASCULINE", "Marka Pawła", "Markowi Pawłowi"],
    ["Tadeusz", "Kościuszko", "MASCULINE", "Tadeusza Kościuszki", "Tadeuszowi Kościuszce"],
    ["Dragan", "Rajčić", "MASCULINE", "Dragana Rajčicia", "Draganowi Rajčiciowi"],
    ["Søren", "Ølgaard", "MASCULINE", "Sørena Ølgaarda", "Sørenowi Ølgaardowi"],
    ["Jadwiga", "Wzorcowa-Żółkiewska", "FEMININE", "Jadwigi Wzorcowej-Żółkiewskiej", "Jadwidze Wzorcowej-Żółkiewskiej"],
    ["Łucja", "Ćwiklińska-Śliwa", "FEMININE", "Łucji Ćwiklińskiej-Śliwy", "Łucji Ćwiklińskiej-Śliwie"],
    ["Małgorzata", "Nowak", "FEMININE", "Małgorzaty Nowak", "Małgorzacie Nowak"],
    ["Anna Maria", "Zmyślona", "FEMININE", "Anny Marii Zmyślonej", "Annie Marii Zmyślonej"],
    ["Agnieszka", "Rajčić", "FEMININE", "Agnieszki Rajčić", "Agnieszce Rajčić"],
    ["Barbara", "Nowacka", "FEMININE", "Barbary Nowackiej", "Barbarze Nowackiej"],
    ["Halina", "Zawadzka", "FEMININE", "Haliny Zawadzkiej", "Halinie Zawadzkiej"],
  ] as const)("%s %s (%s)", (given, surname, gender, genitive, dative) => {
    expect(suggestPersonForms(given, surname, gender)).toEqual({ genitive, dative });
  });

  test("an organisation's name is suggested unchanged", () => {
    expect(suggestForms({ kind: "ORGANIZATION", givenNames: "", surname: "", organizationName: "Okręgowa Izba Lekarska", gender: null })).toEqual({
      genitive: "Okręgowa Izba Lekarska",
      dative: "Okręgowa Izba Lekarska",
    });
  });
});
