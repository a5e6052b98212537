import { describe, expect, test } from "vitest";
import { addMonths, honorisGratiaDueDate, honoraryCitizenshipRound, urgencyOf } from "#app/domain/deadlines";

describe("deadlines", () => {
  test.each([
    ["2026-01-15", 1, "2026-02-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-12-10", 1, "2027-01-10"],
    ["2026-03-31", -1, "2026-02-28"],
  ])("%s + %i month(s) = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test("Honoris Gratia: one month from receipt", () => {
    expect(honorisGratiaDueDate("2026-03-10", "2026-04-01")).toBe("2026-04-10");
  });

  test("Honoris Gratia: a later proposed hand-over moves the due date to 14 days before it", () => {
    expect(honorisGratiaDueDate("2026-03-10", "2026-09-20")).toBe("2026-09-06");
  });

  test("Honoris Gratia: no proposed hand-over date follows the configured rule", () => {
    expect(honorisGratiaDueDate("2026-03-10", null)).toBe("2026-04-10");
    expect(honorisGratiaDueDate("2026-03-10", null, { monthsFromReceipt: 1, daysBeforeLateHandover: 14, monthsWhenNoHandover: 2 })).toBe("2026-05-10");
  });

  test("urgency: overdue, due this week, later", () => {
    expect(urgencyOf("2026-11-25", "2026-11-26")).toBe("overdue");
    expect(urgencyOf("2026-11-26", "2026-11-26")).toBe("this-week");
    expect(urgencyOf("2026-12-03", "2026-11-26")).toBe("this-week");
    expect(urgencyOf("2026-12-04", "2026-11-26")).toBe("later");
  });

  test("Honorary Citizenship: applications after 31 March go to next year's round", () => {
    expect(honoraryCitizenshipRound("2026-03-31")).toEqual({ year: 2026, late: false });
    expect(honoraryCitizenshipRound("2026-04-01")).toEqual({ year: 2027, late: true });
    expect(honoraryCitizenshipRound("2026-01-02")).toEqual({ year: 2026, late: false });
  });
});
