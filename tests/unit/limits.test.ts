import { describe, expect, test } from "vitest";
import { checkLimit, ruleInForce, type LimitRule } from "#app/domain/limits";

const rules: LimitRule[] = [
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
    medalClass: "SILVER",
    maxCount: 3,
    validFrom: "1992-06-12",
    validTo: null,
    councilTermNumber: null,
    setByResolutionText: "regulamin",
  },
  {
    honour: "CRACOVIAE_MERENTI",
    medalClass: "BRONZE",
    maxCount: 6,
    validFrom: "1998-01-01",
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
    setByResolutionText: "uchwała jubileuszowa",
  },
  {
    honour: "HONORARY_CITIZENSHIP",
    medalClass: null,
    maxCount: 4,
    validFrom: "2017-06-14",
    validTo: "2022-03-15",
    councilTermNumber: null,
    setByResolutionText: "uchwała nr LXXXV/1836/17",
  },
  {
    honour: "HONORARY_CITIZENSHIP",
    medalClass: null,
    maxCount: 5,
    validFrom: "2022-03-16",
    validTo: null,
    councilTermNumber: null,
    setByResolutionText: "uchwała z 16 marca 2022 r.",
  },
];

describe("limits per council term and class", () => {
  test.each([
    ["GOLD", 0, "within"],
    ["GOLD", 1, "exceeded"],
    ["SILVER", 2, "within"],
    ["SILVER", 3, "exceeded"],
    ["BRONZE", 5, "within"],
    ["BRONZE", 6, "exceeded"],
  ] as const)("Cracoviae Merenti %s with %i already conferred: %s", (medalClass, already, kind) => {
    expect(checkLimit(rules, "CRACOVIAE_MERENTI", medalClass, 9, "2025-05-01", already).kind).toBe(kind);
  });

  test("a term-specific rule raised by the Council wins over the general rule", () => {
    expect(checkLimit(rules, "CRACOVIAE_MERENTI", "GOLD", 3, "2000-06-01", 1).kind).toBe("within");
    expect(checkLimit(rules, "CRACOVIAE_MERENTI", "GOLD", 4, "2004-06-01", 1).kind).toBe("exceeded");
  });

  test("Honorary Citizenship: 4 under the 2017 rules, 5 from 16 March 2022", () => {
    expect(ruleInForce(rules, "HONORARY_CITIZENSHIP", null, 8, "2022-03-15")!.maxCount).toBe(4);
    expect(ruleInForce(rules, "HONORARY_CITIZENSHIP", null, 8, "2022-03-16")!.maxCount).toBe(5);
    expect(checkLimit(rules, "HONORARY_CITIZENSHIP", null, 8, "2021-06-01", 4).kind).toBe("exceeded");
    expect(checkLimit(rules, "HONORARY_CITIZENSHIP", null, 8, "2023-06-01", 4).kind).toBe("within");
  });

  test("exceeding says the counts and asks for the resolution raising the limit", () => {
    const result = checkLimit(rules, "CRACOVIAE_MERENTI", "SILVER", 9, "2025-05-01", 3);
    expect(result.kind).toBe("exceeded");
    if (result.kind === "exceeded") {
      expect(result.message).toBe(
        "Limit w tej kadencji to 3 (regulamin); nadano już 3, to byłoby 4. Aby kontynuować, wskaż uchwałę Rady Miasta podnoszącą limit.",
      );
    }
  });

  test("bronze medals have no rule before 1998, Honoris Gratia has no limit", () => {
    expect(checkLimit(rules, "CRACOVIAE_MERENTI", "BRONZE", 2, "1995-01-01", 10).kind).toBe("no-limit");
    expect(checkLimit(rules, "HONORIS_GRATIA", null, 9, "2025-01-01", 500).kind).toBe("no-limit");
  });
});
