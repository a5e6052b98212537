import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromRoman, toRoman } from "#app/domain/roman";

const KNOWN: Array<[number, string]> = [
  [1, "I"],
  [2, "II"],
  [3, "III"],
  [4, "IV"],
  [5, "V"],
  [9, "IX"],
  [14, "XIV"],
  [40, "XL"],
  [49, "XLIX"],
  [90, "XC"],
  [93, "XCIII"], // session of "XCIII/610/93"
  [99, "XCIX"],
  [123, "CXXIII"],
  [400, "CD"],
  [444, "CDXLIV"],
  [500, "D"],
  [900, "CM"],
  [1000, "M"],
  [1994, "MCMXCIV"],
  [2018, "MMXVIII"],
  [3888, "MMMDCCCLXXXVIII"],
  [3999, "MMMCMXCIX"],
];

describe("toRoman", () => {
  it.each(KNOWN)("writes %i as %s", (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });

  it.each([0, -1, -3999, 4000, 10000, 1.5, 3998.9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("throws a RangeError for %d", (n) => {
    expect(() => toRoman(n)).toThrow(RangeError);
  });

  it("explains the range in Polish", () => {
    expect(() => toRoman(4000)).toThrow("Liczby 4000 nie można zapisać cyframi rzymskimi (zakres 1–3999).");
  });

  it("writes only Roman digits, never four of the same in a row (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
        const roman = toRoman(n);
        expect(roman).toMatch(/^[MDCLXVI]+$/);
        expect(roman).not.toMatch(/(.)\1\1\1/);
      }),
    );
  });
});

describe("fromRoman", () => {
  it.each(KNOWN)("reads %i from %s", (n, roman) => {
    expect(fromRoman(roman)).toBe(n);
  });

  it.each([
    ["xciii", 93],
    ["cxxiii", 123],
    ["McMxCiV", 1994],
    ["  XIV ", 14],
    ["\tLIV\n", 54],
  ])("accepts %j (case and surrounding spaces are ignored) as %i", (text, n) => {
    expect(fromRoman(text)).toBe(n);
  });

  it.each([
    "",
    "   ",
    "IIII",
    "VV",
    "XXXX",
    "LL",
    "CCCC",
    "DD",
    "MMMM",
    "IC",
    "IL",
    "IM",
    "XM",
    "VX",
    "VL",
    "LC",
    "DM",
    "IIV",
    "IXI",
    "IXX",
    "XCX",
    "CMC",
    "MCMM",
    "X I",
    "XIV.",
    "14",
    "ABC",
    "N",
    "Ⅻ", // the Unicode ROMAN NUMERAL TWELVE sign is not letters
  ])("rejects the non-canonical %j", (text) => {
    expect(fromRoman(text)).toBeNull();
  });

  it("round-trips every number from 1 to 3999", () => {
    for (let n = 1; n <= 3999; n++) expect(fromRoman(toRoman(n))).toBe(n);
  });

  it("round-trips toRoman (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
        expect(fromRoman(toRoman(n))).toBe(n);
        expect(fromRoman(toRoman(n).toLowerCase())).toBe(n);
      }),
    );
  });

  it("accepts a string exactly when it is the canonical spelling of its value (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("M", "D", "C", "L", "X", "V", "I"), maxLength: 16 }), (s) => {
        const n = fromRoman(s);
        if (n === null) {
          // Nothing canonical was refused: no number in range is written this way.
          expect(s === "" || !isCanonical(s)).toBe(true);
        } else {
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(3999);
          expect(toRoman(n)).toBe(s);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

const ALL_CANONICAL = new Set(Array.from({ length: 3999 }, (_, i) => toRoman(i + 1)));
function isCanonical(s: string): boolean {
  return ALL_CANONICAL.has(s);
}
