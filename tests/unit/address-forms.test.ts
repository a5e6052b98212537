import { describe, expect, test } from "vitest";
import { addressDativeOf, dativeFull, suggestAddressDative } from "#app/domain/address-forms";

describe("forms of address in the dative (issue 16, item 2)", () => {
  test.each([
    ["PERSON", "MASCULINE", "", "Panu"],
    ["PERSON", "FEMININE", "", "Pani"],
    ["PERSON", "MASCULINE", "prof. dr hab.", "Profesorowi"],
    ["PERSON", "FEMININE", "prof. dr hab. inż.", "Pani Profesor"],
    ["PERSON", "MASCULINE", "dr", "Panu Doktorowi"],
    ["PERSON", "FEMININE", "dr n. med.", "Pani Doktor"],
    ["PERSON", "MASCULINE", "ks. kard.", "Księdzu Kardynałowi"],
    ["PERSON", "MASCULINE", "abp", "Księdzu Arcybiskupowi"],
    ["PERSON", "MASCULINE", "ks. bp", "Księdzu Biskupowi"],
    ["PERSON", "MASCULINE", "ks. prof.", "Księdzu Profesorowi"],
    ["PERSON", "MASCULINE", "ks.", "Księdzu"],
    ["PERSON", "MASCULINE", "o.", "Ojcu"],
    ["PERSON", "FEMININE", "s.", "Siostrze"],
    ["PERSON", null, "", "Panu"],
    ["PERSON", "MASCULINE", "kompozytor", "Panu"],
    ["PERSON", "MASCULINE", "drogowiec", "Panu"],
    ["ORGANIZATION", null, "", ""],
  ] as const)("%s %s „%s” → „%s”", (kind, gender, title, expected) => {
    expect(suggestAddressDative({ kind, gender, title })).toBe(expected);
  });

  test("a confirmed form wins over the suggestion, also an empty one for a person", () => {
    expect(addressDativeOf({ kind: "PERSON", gender: "MASCULINE", title: "prof.", addressDative: "Panu Profesorowi" })).toBe("Panu Profesorowi");
    expect(addressDativeOf({ kind: "PERSON", gender: "MASCULINE", title: "prof.", addressDative: null })).toBe("Profesorowi");
  });

  test("appositions follow the name after a comma, as the BIP writes them", () => {
    expect(dativeFull("Profesorowi", "Jerzemu Buzkowi", "mężowi stanu, Premierowi Rządu RP")).toBe(
      "Profesorowi Jerzemu Buzkowi, mężowi stanu, Premierowi Rządu RP",
    );
    expect(dativeFull("", "Okręgowej Izbie Lekarskiej w Krakowie")).toBe("Okręgowej Izbie Lekarskiej w Krakowie");
  });
});
