import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LimitRule } from "#app/domain/limits";
import { gapsText, numberGaps, numbersTable, quotaRows, statusesTable, yearsTable } from "#app/domain/reports";

const RULES: LimitRule[] = [
  {
    honour: "CRACOVIAE_MERENTI",
    medalClass: "GOLD",
    maxCount: 1,
    validFrom: "1992-06-12",
    validTo: null,
    councilTermNumber: null,
    setByResolutionText: "regulamin",
  },
  {
    honour: "CRACOVIAE_MERENTI",
    medalClass: "GOLD",
    maxCount: 2,
    validFrom: "1998-11-01",
    validTo: null,
    councilTermNumber: 3,
    setByResolutionText: "uchwała podnosząca",
  },
  {
    honour: "HONORARY_CITIZENSHIP",
    medalClass: null,
    maxCount: 4,
    validFrom: "2017-06-14",
    validTo: "2022-03-15",
    councilTermNumber: null,
    setByResolutionText: "2017",
  },
  {
    honour: "HONORARY_CITIZENSHIP",
    medalClass: null,
    maxCount: 5,
    validFrom: "2022-03-16",
    validTo: null,
    councilTermNumber: null,
    setByResolutionText: "2022",
  },
];
const TERMS = [
  { number: 3, startDate: "1998-11-01", endDate: "2002-10-31" },
  { number: 8, startDate: "2018-11-21", endDate: "2024-04-30" },
  { number: 10, startDate: "2029-05-01", endDate: null },
];

describe("quota report", () => {
  const rows = quotaRows(
    TERMS,
    RULES,
    [
      { termNumber: 3, honour: "CRACOVIAE_MERENTI", medalClass: "GOLD", count: 2 },
      { termNumber: 8, honour: "CRACOVIAE_MERENTI", medalClass: "GOLD", count: 2 },
      { termNumber: 8, honour: "HONORARY_CITIZENSHIP", medalClass: null, count: 5 },
    ],
    "2026-11-26",
  );
  const row = (term: number, medalClass: string | null, honour = "CRACOVIAE_MERENTI") =>
    rows.find((r) => r.term === term && r.medalClass === medalClass && r.honour === honour);

  it("uses a term's own raised limit over the general rule", () => {
    expect(row(3, "GOLD")).toMatchObject({ count: 2, limit: 2, state: "full", basis: "uchwała podnosząca" });
    expect(row(8, "GOLD")).toMatchObject({ count: 2, limit: 1, state: "exceeded" });
  });

  it("takes the rule in force at the term's end (the 2022 raise of the Honorary Citizenship limit)", () => {
    expect(row(8, null, "HONORARY_CITIZENSHIP")).toMatchObject({ count: 5, limit: 5, state: "full" });
  });

  it("reports honours without a rule, zero counts, and leaves out terms that have not begun", () => {
    expect(row(3, "BRONZE")).toMatchObject({ count: 0, limit: null, state: "no-limit" });
    expect(row(3, null, "HONORARY_CITIZENSHIP")).toMatchObject({ count: 0, state: "no-limit" });
    expect(rows.some((r) => r.term === 10)).toBe(false);
    expect(rows.map((r) => r.term)[0]).toBe(8);
  });
});

describe("medal numbers", () => {
  it("shows the missing numbers as ranges", () => {
    expect(numberGaps([1, 2, 5, 6, 9])).toEqual([
      { from: 3, to: 4 },
      { from: 7, to: 8 },
    ]);
    expect(numberGaps([3])).toEqual([{ from: 1, to: 2 }]);
    expect(numberGaps([])).toEqual([]);
    expect(gapsText(numberGaps([2, 4, 8]))).toBe("1, 3, 5–7");
    expect(gapsText([])).toBe("brak");
  });

  it("issued numbers and gaps always cover 1..max exactly once (fast-check)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 60 }), (issued) => {
        const missing = numberGaps(issued).flatMap((g) => Array.from({ length: g.to - g.from + 1 }, (_, i) => g.from + i));
        const all = [...issued, ...missing].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      }),
    );
  });

  it("a table row per series", () => {
    const t = numbersTable({ CM_SILVER: [1, 3], HG: [1, 2, 3] });
    expect(t.rows).toEqual([
      ["Cracoviae Merenti, złoty", 0, "—", "brak", 0],
      ["Cracoviae Merenti, srebrny", 2, 3, "2", 1],
      ["Cracoviae Merenti, brązowy", 0, "—", "brak", 0],
      ["Honoris Gratia", 3, 3, "brak", 0],
    ]);
  });
});

describe("per year and per status", () => {
  it("fills empty years and totals each year; the chart runs oldest to newest", () => {
    const { table, bars } = yearsTable([
      { year: 2020, honour: "HONORIS_GRATIA", medalClass: null, count: 7 },
      { year: 2018, honour: "CRACOVIAE_MERENTI", medalClass: "SILVER", count: 2 },
      { year: 2018, honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE", count: 1 },
    ]);
    expect(table.rows).toEqual([
      [2020, 0, 0, 0, 0, 7, 7],
      [2019, 0, 0, 0, 0, 0, 0],
      [2018, 0, 2, 1, 0, 0, 3],
    ]);
    expect(bars).toEqual([
      { label: "2018", value: 3 },
      { label: "2019", value: 0 },
      { label: "2020", value: 7 },
    ]);
    expect(yearsTable([]).table.rows).toEqual([]);
  });

  it("lists every status of each honour, with zeros", () => {
    const t = statusesTable([{ honour: "HONORIS_GRATIA", status: "REFUSED", count: 4 }]);
    expect(t.rows).toContainEqual(["Honoris Gratia", "odmówiono", 4]);
    expect(t.rows).toContainEqual(["Honoris Gratia", "wpłynął", 0]);
    expect(t.rows.some((r) => r[0] === "Honoris Gratia" && r[1] === "uchwała podjęta")).toBe(false);
  });
});
