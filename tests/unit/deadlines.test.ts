import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addMonths,
  currentHonoraryCitizenshipRound,
  daysBetween,
  dueWindow,
  honorisGratiaDueDate,
  honoraryCitizenshipRound,
  urgencyOf,
} from "#app/domain/deadlines";
import { addDays } from "#app/domain/polish-dates";

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

describe("dashboard deadlines", () => {
  test("the current Honorary Citizenship round: this year's until 31 March inclusive, then next year's", () => {
    expect(currentHonoraryCitizenshipRound("2026-01-02")).toEqual({ year: 2026, deadline: "2026-03-31", daysLeft: 88 });
    expect(currentHonoraryCitizenshipRound("2026-03-31")).toEqual({ year: 2026, deadline: "2026-03-31", daysLeft: 0 });
    expect(currentHonoraryCitizenshipRound("2026-04-01")).toEqual({ year: 2027, deadline: "2027-03-31", daysLeft: 364 });
    expect(currentHonoraryCitizenshipRound("2026-11-26")).toEqual({ year: 2027, deadline: "2027-03-31", daysLeft: 125 });
    expect(currentHonoraryCitizenshipRound("2027-12-31")).toEqual({ year: 2028, deadline: "2028-03-31", daysLeft: 91 });
  });

  test("an application received on any day belongs to the round that is open that day", () => {
    const day = fc
      .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (d) => currentHonoraryCitizenshipRound(d).year === honoraryCitizenshipRound(d).year));
  });

  test("days between two dates, across months, leap days and backwards", () => {
    expect(daysBetween("2026-11-26", "2026-11-26")).toBe(0);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-03-31", "2026-03-29")).toBe(-2);
    // Across the change to summer time: still whole days.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  test("the query window gives exactly what urgencyOf says (fast-check)", () => {
    const day = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (today, offset) => {
        const due = addDays(today, offset);
        const { overdueBefore, dueSoonUntil } = dueWindow(today);
        const expected = due < overdueBefore ? "overdue" : due <= dueSoonUntil ? "this-week" : "later";
        expect(urgencyOf(due, today)).toBe(expected);
        expect(urgencyOf(due, today)).toBe(offset < 0 ? "overdue" : offset <= 7 ? "this-week" : "later");
      }),
    );
  });
});
