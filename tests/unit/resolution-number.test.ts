import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkResolutionNumber, formatResolutionNumber, parseResolutionNumber } from "#app/domain/resolution-number";

const termVIII = { number: 8, startDate: "2018-11-21", endDate: "2024-04-30" };
const termIX = { number: 9, startDate: "2024-05-07", endDate: null };

describe("resolution numbers", () => {
  test.each([
    ["XCIII/610/93", { session: 93, running: 610, year2: 93 }],
    ["CXXIII/3390/23", { session: 123, running: 3390, year2: 23 }],
    ["c/2603/18", { session: 100, running: 2603, year2: 18 }],
    [" LXXXV / 1836 / 17 ", { session: 85, running: 1836, year2: 17 }],
  ])("parses %s", (text, value) => {
    expect(parseResolutionNumber(text)).toEqual({ ok: true, value });
  });

  test.each(["93/610/93", "XCIII-610-93", "XCIII/610/1993", "IIII/1/20", "XCIII/0/93", "", "XCIII/610"])("refuses %s with a Polish message", (text) => {
    const r = parseResolutionNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/uchwały|rzymską/);
  });

  test("format and parse round-trip for sessions well past C", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 }), (session, running, year2) => {
        const text = formatResolutionNumber({ session, running, year2 });
        expect(parseResolutionNumber(text)).toEqual({ ok: true, value: { session, running, year2 } });
      }),
    );
    expect(formatResolutionNumber({ session: 5, running: 12, year2: 3 })).toBe("V/12/03");
  });

  test("the date must match the two-digit year and fall within the term", () => {
    const n = { session: 10, running: 200, year2: 19 };
    expect(checkResolutionNumber(n, "2019-03-13", termVIII)).toEqual([]);
    expect(checkResolutionNumber(n, "2020-03-13", termVIII)[0]).toMatch(/nie zgadzają się z rokiem/);
    expect(checkResolutionNumber({ ...n, year2: 24 }, "2024-05-06", termIX)[0]).toMatch(/nie mieści się w IX kadencji/);
    expect(checkResolutionNumber({ ...n, year2: 26 }, "2026-11-26", termIX)).toEqual([]);
  });
});
