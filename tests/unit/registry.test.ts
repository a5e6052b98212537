import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verificationCodeOf } from "#app/domain/diploma";
import { dateRangeOf, isPublicConferral, parseRegistryQuery, registrySearchParams } from "#app/domain/registry";
import { STATUSES } from "#app/domain/workflow";

const TERMS = [
  { number: 8, startDate: "2018-11-21", endDate: "2024-04-30" },
  { number: 9, startDate: "2024-05-07", endDate: null },
];

describe("registry query", () => {
  it("parses filters and ignores bad values instead of failing", () => {
    const q = parseRegistryQuery(new URLSearchParams("q=rajcic&honour=NOPE&term=8&year=abc&page=-3&sort=x"), "public");
    expect(q).toMatchObject({ q: "rajcic", honour: undefined, term: 8, year: undefined, page: 1, sort: "conferred-desc" });
  });

  it("drops the staff filters on the public registry", () => {
    const params = new URLSearchParams("handedOver=no&source=historical");
    expect(parseRegistryQuery(params, "public")).toMatchObject({ handedOver: undefined, source: undefined });
    expect(parseRegistryQuery(params, "staff")).toMatchObject({ handedOver: "no", source: "historical" });
  });

  it("cuts very long search input and never throws on any parameters (fast-check)", () => {
    expect(parseRegistryQuery(new URLSearchParams({ q: "x".repeat(1000) }), "public").q).toHaveLength(200);
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 300 })), (params) => {
        parseRegistryQuery(new URLSearchParams(params), "staff");
      }),
    );
  });

  it("carries the filter, but not the page, to an export link", () => {
    const q = parseRegistryQuery(new URLSearchParams("q=nowak&honour=HONORIS_GRATIA&page=4&sort=name-asc"), "staff");
    expect(registrySearchParams(q).toString()).toBe("q=nowak&honour=HONORIS_GRATIA&sort=name-asc");
  });

  it("turns a term and a year into one date range", () => {
    expect(dateRangeOf({ term: 8 }, TERMS)).toEqual({ from: "2018-11-21", to: "2024-04-30" });
    expect(dateRangeOf({ term: 8, year: 2018 }, TERMS)).toEqual({ from: "2018-11-21", to: "2018-12-31" });
    expect(dateRangeOf({ term: 9 }, TERMS)).toEqual({ from: "2024-05-07", to: "9999-12-31" });
    expect(dateRangeOf({ term: 9, year: 2020 }, TERMS)).toBe("none");
    expect(dateRangeOf({ term: 3 }, TERMS)).toBe("none");
    expect(dateRangeOf({}, TERMS)).toBeNull();
  });
});

describe("what the public sees", () => {
  it("shows historical conferrals and conferred nominations only", () => {
    const shown = STATUSES.filter((s) => isPublicConferral({ conferralAnonymizedAt: null, candidateAnonymizedAt: null, nominationStatus: s }));
    expect(shown).toEqual(["ADOPTED", "GRANTED", "NUMBER_ASSIGNED", "DIPLOMA_PRINTED", "HANDED_OVER", "CLOSED"]);
    expect(isPublicConferral({ conferralAnonymizedAt: null, candidateAnonymizedAt: null, nominationStatus: null })).toBe(true);
  });

  it("never shows an anonymised conferral or candidate", () => {
    const now = new Date();
    expect(isPublicConferral({ conferralAnonymizedAt: now, candidateAnonymizedAt: null, nominationStatus: null })).toBe(false);
    expect(isPublicConferral({ conferralAnonymizedAt: null, candidateAnonymizedAt: now, nominationStatus: "HANDED_OVER" })).toBe(false);
  });
});

describe("verification code typed in the search box", () => {
  it("accepts the code as printed, in any case, with spaces or a dash", () => {
    for (const typed of ["K7QX2MHD", "k7qx2mhd", "K7QX-2MHD", " k7qx 2mhd "]) expect(verificationCodeOf(typed)).toBe("K7QX2MHD");
  });

  it("rejects what cannot be a code", () => {
    for (const typed of [undefined, "", "nowak", "K7QX2MH", "K7QX2MHDD", "O0I1L000"]) expect(verificationCodeOf(typed)).toBeUndefined();
  });
});
