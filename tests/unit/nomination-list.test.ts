import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageCount, parseNominationListQuery, searchTermOf, SORT_LABEL, SORTS } from "#app/domain/nomination-list";

const parse = (query: string) => parseNominationListQuery(new URLSearchParams(query));

describe("parseNominationListQuery", () => {
  it("defaults sort and page when nothing is given", () => {
    expect(parse("")).toEqual({
      q: undefined,
      honour: undefined,
      medalClass: undefined,
      status: undefined,
      term: undefined,
      year: undefined,
      sort: "received-desc",
      page: 1,
    });
  });

  it("reads every good value", () => {
    expect(parse("q=Żółkiewski&honour=CRACOVIAE_MERENTI&medalClass=SILVER&status=ADOPTED&term=8&year=2021&sort=name-asc&page=3")).toEqual({
      q: "Żółkiewski",
      honour: "CRACOVIAE_MERENTI",
      medalClass: "SILVER",
      status: "ADOPTED",
      term: 8,
      year: 2021,
      sort: "name-asc",
      page: 3,
    });
  });

  it.each(SORTS)("accepts the sort %s", (sort) => {
    expect(parse(`sort=${sort}`).sort).toBe(sort);
  });

  it.each([
    ["honour=FOO", "honour", undefined],
    ["honour=cracoviae_merenti", "honour", undefined],
    ["honour=", "honour", undefined],
    ["honour=HONORIS_GRATIA", "honour", "HONORIS_GRATIA"],
    ["medalClass=PLATINUM", "medalClass", undefined],
    ["medalClass=BRONZE", "medalClass", "BRONZE"],
    ["status=LOST", "status", undefined],
    ["status=WITHDRAWN", "status", "WITHDRAWN"],
    ["term=0", "term", undefined],
    ["term=100", "term", undefined],
    ["term=IX", "term", undefined],
    ["term=1.5", "term", undefined],
    ["term=9", "term", 9],
    ["year=12", "year", undefined],
    ["year=1899", "year", undefined],
    ["year=3000", "year", undefined],
    ["year=20x1", "year", undefined],
    ["year=", "year", undefined],
    ["year=1900", "year", 1900],
    ["year=2021", "year", 2021],
    ["sort=oldest", "sort", "received-desc"],
    ["sort=", "sort", "received-desc"],
    ["page=-3", "page", 1],
    ["page=0", "page", 1],
    ["page=abc", "page", 1],
    ["page=2.5", "page", 1],
    ["page=", "page", 1],
    ["page=100001", "page", 1],
    ["page=7", "page", 7],
    ["page=100000", "page", 100000],
    ["q=", "q", undefined],
    [`q=${"a".repeat(201)}`, "q", undefined],
    [`q=${"a".repeat(200)}`, "q", "a".repeat(200)],
    ["q=50%25_off", "q", "50%_off"], // the raw text; searchTermOf cleans it
  ] as Array<[string, string, unknown]>)("%s → %s = %j, without throwing", (query, key, expected) => {
    let result: Record<string, unknown> = {};
    expect(() => {
      result = parse(query);
    }).not.toThrow();
    expect(result[key]).toEqual(expected);
  });

  it("ignores several bad values at once and keeps the good ones", () => {
    const r = parse("honour=FOO&page=-3&year=12&status=ADOPTED&sort=nope&term=abc");
    expect(r).toMatchObject({ honour: undefined, page: 1, year: undefined, status: "ADOPTED", sort: "received-desc", term: undefined });
  });

  it("ignores parameters it does not know", () => {
    const r = parse("foo=bar&page=2");
    expect(r).not.toHaveProperty("foo");
    expect(r.page).toBe(2);
  });

  it("never throws, whatever the URL holds (fast-check)", () => {
    const keys = fc.constantFrom("q", "honour", "medalClass", "status", "term", "year", "sort", "page", "other");
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.string({ unit: "grapheme", maxLength: 250 })), { maxLength: 10 }), (pairs) => {
        const r = parseNominationListQuery(new URLSearchParams(pairs));
        expect(SORTS).toContain(r.sort);
        expect(Number.isInteger(r.page) && r.page >= 1).toBe(true);
      }),
    );
  });
});

describe("searchTermOf", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["   ", undefined],
    ["%", undefined],
    ["%_%", undefined],
    ["!!!", undefined],
    ["Żółkiewski", "zolkiewski"],
    ["  ŻÓŁKIEWSKI  Stanisław ", "zolkiewski stanislaw"],
    ["Rajčić", "rajcic"],
    ["50%_off", "50 off"],
    ["kow%", "kow"],
    ["a_b", "a b"],
    ["back\\slash", "back slash"],
    ["Teatr im. Słowackiego", "teatr im slowackiego"],
    ["„Cracoviae Merenti”", "cracoviae merenti"],
    ["Kowalski, Jan", "kowalski jan"],
    ["Jan-Paweł", "jan-pawel"], // hyphens stay: double-barrelled names
    ["O'Brien", "o'brien"], // apostrophes stay
    ["XCIII/610/93", "xciii 610 93"],
  ] as Array<[string | undefined, string | undefined]>)("%j → %j", (q, expected) => {
    expect(searchTermOf(q)).toBe(expected);
  });

  it("leaves only folded letters, digits, spaces, hyphens and apostrophes, never a LIKE wildcard (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (q) => {
        const term = searchTermOf(q);
        if (term === undefined) return;
        expect(term).not.toMatch(/[%_\\]/);
        expect(term).toMatch(/^[\p{L}\p{N} '-]+$/u);
        expect(term).toBe(term.trim());
        expect(term).not.toMatch(/ {2}/);
        expect(term).toBe(term.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("pageCount", () => {
  it.each([
    [0, 1],
    [1, 1],
    [24, 1],
    [25, 1],
    [26, 2],
    [50, 2],
    [51, 3],
    [250, 10],
    [5530, 222],
  ])("%i results → %i pages", (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });

  it("holds every result on the fewest pages (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (total) => {
        const pages = pageCount(total);
        expect(pages * PAGE_SIZE).toBeGreaterThanOrEqual(total);
        expect((pages - 1) * PAGE_SIZE).toBeLessThan(total);
      }),
    );
  });

  it("pages by 25", () => {
    expect(PAGE_SIZE).toBe(25);
  });
});

describe("SORT_LABEL", () => {
  it("labels every sort in Polish", () => {
    expect(Object.keys(SORT_LABEL).sort()).toEqual([...SORTS].sort());
    expect(SORT_LABEL["name-asc"]).toBe("nazwisko / nazwa: A–Ż");
  });
});
