import { describe, expect, it } from "vitest";
import { displayNameOf, foldedNameOf, looksLikeSameCandidate, sortNameOf, type CandidateNameInput, type DuplicateProbe } from "#app/domain/candidate";

const person = (givenNames: string, surname: string): CandidateNameInput => ({
  kind: "PERSON",
  givenNames,
  surname,
  organizationName: "",
});
const organisation = (organizationName: string): CandidateNameInput => ({
  kind: "ORGANIZATION",
  givenNames: "",
  surname: "",
  organizationName,
});

describe("displayNameOf", () => {
  it.each([
    [person("Krzysztof", "Penderecki"), "Krzysztof Penderecki"],
    [person("  Stanisław ", " Żółkiewski  "), "Stanisław Żółkiewski"],
    [person("Jan Paweł", "Rajčić"), "Jan Paweł Rajčić"],
    [person("", "Kowalski"), "Kowalski"],
    [person("Anna", ""), "Anna"],
    [organisation("Zamek Królewski na Wawelu"), "Zamek Królewski na Wawelu"],
    [organisation("  Okręgowa Izba Lekarska w Krakowie  "), "Okręgowa Izba Lekarska w Krakowie"],
    // An organisation's name is its name, whatever stray person fields it carries.
    [{ kind: "ORGANIZATION", givenNames: "Jan", surname: "Kowalski", organizationName: "Teatr Stary" } as CandidateNameInput, "Teatr Stary"],
    [{ kind: "PERSON", givenNames: "Jan", surname: "Kowalski", organizationName: "Teatr Stary" } as CandidateNameInput, "Jan Kowalski"],
  ])("%o → %j", (c, expected) => {
    expect(displayNameOf(c)).toBe(expected);
  });
});

describe("sortNameOf", () => {
  it.each([
    [person("Stanisław", "Żółkiewski"), "zolkiewski stanislaw"],
    [person("Krzysztof", "Penderecki"), "penderecki krzysztof"],
    [person("  Jan  Paweł ", " Rajčić "), "rajcic jan pawel"],
    [organisation("Zamek Królewski na Wawelu"), "zamek krolewski na wawelu"],
    [organisation("  Łaźnia  Nowa "), "laznia nowa"],
  ])("%o sorts as %j", (c, expected) => {
    expect(sortNameOf(c)).toBe(expected);
  });

  it("orders persons by surname, not by given name, and ignores diacritics and case", () => {
    const people = [
      person("Andrzej", "Żak"),
      person("Zofia", "Abramowicz"),
      person("Bogdan", "Łukasik"),
      person("Anna", "Lis"),
      person("Ewa", "ćwik"),
      person("Adam", "Czarnecki"),
    ];
    const sorted = [...people].sort((a, b) => sortNameOf(a).localeCompare(sortNameOf(b)));
    expect(sorted.map((p) => p.surname)).toEqual(["Abramowicz", "ćwik", "Czarnecki", "Lis", "Łukasik", "Żak"]);
  });

  it("breaks a tie on surname by given names", () => {
    const a = person("Jan", "Nowak");
    const b = person("Adam", "Nowak");
    expect(sortNameOf(b) < sortNameOf(a)).toBe(true);
  });
});

describe("foldedNameOf", () => {
  it.each([
    [person("Stanisław", "Żółkiewski"), "stanislaw zolkiewski"],
    [person("Søren", "Ølgaard"), "soren olgaard"],
    [person(" Jan   Paweł ", "  Rajčić"), "jan pawel rajcic"],
    [organisation("Teatr im. Juliusza Słowackiego"), "teatr im. juliusza slowackiego"],
  ])("%o → %j", (c, expected) => {
    expect(foldedNameOf(c)).toBe(expected);
  });

  it("makes differently typed spellings of one name equal", () => {
    expect(foldedNameOf(person("STANISŁAW", "ŻÓŁKIEWSKI"))).toBe(foldedNameOf(person("stanislaw", "zolkiewski")));
  });
});

describe("looksLikeSameCandidate", () => {
  const p = (foldedName: string, birthYear: number | null): DuplicateProbe => ({ kind: "PERSON", foldedName, birthYear });
  const o = (foldedName: string, birthYear: number | null = null): DuplicateProbe => ({ kind: "ORGANIZATION", foldedName, birthYear });

  it.each([
    ["same name, same birth year", p("jan kowalski", 1950), p("jan kowalski", 1950), true],
    ["same name, probe's year unknown", p("jan kowalski", null), p("jan kowalski", 1950), true],
    ["same name, existing year unknown", p("jan kowalski", 1950), p("jan kowalski", null), true],
    ["same name, both years unknown", p("jan kowalski", null), p("jan kowalski", null), true],
    ["same name, different birth years", p("jan kowalski", 1950), p("jan kowalski", 1951), false],
    ["different names, same year", p("jan kowalski", 1950), p("jan nowak", 1950), false],
    ["different names, unknown years", p("jan kowalski", null), p("jan nowak", null), false],
    ["person vs organisation of the same name", p("teatr stary", null), o("teatr stary"), false],
    ["organisation vs person of the same name", o("teatr stary"), p("teatr stary", null), false],
    ["same organisation", o("teatr stary"), o("teatr stary"), true],
    ["organisations ignore birth years", o("teatr stary", 1990), o("teatr stary", 1991), true],
    ["different organisations", o("teatr stary"), o("teatr bagatela"), false],
    ["names compare folded, not raw", p("zolkiewski", null), p("żółkiewski", null), false],
  ] as Array<[string, DuplicateProbe, DuplicateProbe, boolean]>)("%s → %s", (_label, probe, existing, expected) => {
    expect(looksLikeSameCandidate(probe, existing)).toBe(expected);
  });

  it("finds the same person typed with and without Polish letters", () => {
    const probe = p(foldedNameOf(person("Stanisław", "Żółkiewski")), 1947);
    const existing = p(foldedNameOf(person("STANISLAW", "Zolkiewski")), null);
    expect(looksLikeSameCandidate(probe, existing)).toBe(true);
  });

  it("is symmetric", () => {
    const cases: DuplicateProbe[] = [p("a", 1950), p("a", null), p("a", 1951), p("b", 1950), o("a"), o("b", 1950)];
    for (const x of cases) for (const y of cases) expect(looksLikeSameCandidate(x, y)).toBe(looksLikeSameCandidate(y, x));
  });
});
