import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  formatPolishDate,
  formatPolishDateWithDnia,
  formatShortDate,
  IsoDate,
  isoFromTypedDate,
  isValidIsoDate,
  parseIsoDate,
  todayIso,
  TypedDate,
  typedDateValue,
  yearOf,
} from "#app/domain/polish-dates";

const NBSP = "\u00a0";

describe("formatPolishDate", () => {
  it.each([
    ["2024-01-15", `15 stycznia 2024${NBSP}r.`],
    ["2024-02-15", `15 lutego 2024${NBSP}r.`],
    ["2024-03-15", `15 marca 2024${NBSP}r.`],
    ["2024-04-15", `15 kwietnia 2024${NBSP}r.`],
    ["2024-05-15", `15 maja 2024${NBSP}r.`],
    ["2024-06-15", `15 czerwca 2024${NBSP}r.`],
    ["2024-07-15", `15 lipca 2024${NBSP}r.`],
    ["2024-08-15", `15 sierpnia 2024${NBSP}r.`],
    ["2024-09-15", `15 września 2024${NBSP}r.`],
    ["2024-10-15", `15 października 2024${NBSP}r.`],
    ["2024-11-15", `15 listopada 2024${NBSP}r.`],
    ["2024-12-15", `15 grudnia 2024${NBSP}r.`],
  ])("writes %s with the genitive month: %j", (iso, expected) => {
    expect(formatPolishDate(iso)).toBe(expected);
  });

  it.each([
    ["2018-04-24", `24 kwietnia 2018${NBSP}r.`],
    ["1257-06-05", `5 czerwca 1257${NBSP}r.`], // no leading zero on the day
    ["1992-06-12", `12 czerwca 1992${NBSP}r.`],
    ["2000-02-29", `29 lutego 2000${NBSP}r.`],
    ["2021-12-31", `31 grudnia 2021${NBSP}r.`],
    ["2024-01-01", `1 stycznia 2024${NBSP}r.`],
  ])("writes %s as %j", (iso, expected) => {
    expect(formatPolishDate(iso)).toBe(expected);
  });

  it("puts a non-breaking space, not an ordinary one, before r.", () => {
    const text = formatPolishDate("2018-04-24");
    expect(text).toBe("24 kwietnia 2018\u00a0r.");
    expect(text).not.toContain("2018 r.");
    expect(text.endsWith("\u00a0r.")).toBe(true);
  });

  it.each(["2023-02-29", "2024-04-31", "2024-13-01", "24.04.2018", "", "2018-4-24"])("refuses the invalid date %j", (iso) => {
    expect(() => formatPolishDate(iso)).toThrow(RangeError);
  });
});

describe("formatPolishDateWithDnia", () => {
  it.each([
    ["2018-04-24", `z dnia 24 kwietnia 2018${NBSP}r.`],
    ["1992-06-12", `z dnia 12 czerwca 1992${NBSP}r.`],
    ["2025-09-01", `z dnia 1 września 2025${NBSP}r.`],
  ])("writes %s as %j", (iso, expected) => {
    expect(formatPolishDateWithDnia(iso)).toBe(expected);
  });
});

describe("formatShortDate and yearOf", () => {
  it.each([
    ["2018-04-24", "24.04.2018", 2018],
    ["2024-01-05", "05.01.2024", 2024],
    ["1993-12-31", "31.12.1993", 1993],
  ])("%s → %s, year %i", (iso, short, year) => {
    expect(formatShortDate(iso)).toBe(short);
    expect(yearOf(iso)).toBe(year);
  });
});

describe("isValidIsoDate", () => {
  it.each([
    ["2024-02-29", true], // leap year
    ["2000-02-29", true], // divisible by 400
    ["2023-02-29", false],
    ["1900-02-29", false], // divisible by 100, not by 400
    ["2100-02-29", false],
    ["2023-02-28", true],
    ["2024-02-30", false],
    ["2024-04-30", true],
    ["2024-04-31", false],
    ["2024-06-31", false],
    ["2024-09-31", false],
    ["2024-11-31", false],
    ["2024-01-31", true],
    ["2024-12-31", true],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-01-00", false],
    ["2024-01-32", false],
    ["1000-01-01", true],
    ["0999-12-31", false],
    ["0001-01-01", false],
    ["9999-12-31", true],
    ["", false],
    ["2024", false],
    ["2024-1-01", false],
    ["2024-01-1", false],
    ["24-01-01", false],
    ["2024/01/01", false],
    ["01.01.2024", false],
    ["2024-01-01T00:00:00Z", false],
    [" 2024-01-01", false],
    ["2024-01-01 ", false],
    ["2024-0a-01", false],
    ["+02024-01-01", false],
    ["２０２４-01-01", false], // full-width digits
  ])("%j → %s", (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
  });

  it("agrees with the number of days of each month (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const daysIn = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        expect(isValidIsoDate(iso)).toBe(d <= daysIn);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseIsoDate", () => {
  it("splits a valid date into numbers", () => {
    expect(parseIsoDate("2018-04-24")).toEqual({ year: 2018, month: 4, day: 24 });
  });
  it("throws a RangeError naming the bad value", () => {
    expect(() => parseIsoDate("2023-02-29")).toThrow(new RangeError("Nieprawidłowa data: 2023-02-29"));
  });
});

describe("IsoDate (zod field)", () => {
  it.each([
    ["2024-02-29", "2024-02-29"],
    ["  2024-02-29 ", "2024-02-29"],
  ])("accepts %j as %j", (value, expected) => {
    const r = IsoDate.safeParse(value);
    expect(r.success && r.data).toBe(expected);
  });

  it.each([
    ["2023-02-29", "Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."],
    ["2024-04-31", "Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."],
    ["12.05.2024", "Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."],
    ["", "Podaj datę."],
    [undefined, "Podaj datę."],
  ])("refuses %j with %j", (value, message) => {
    const r = IsoDate.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe("addDays", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-01"],
    ["2024-02-28", 1, "2024-02-29"], // leap year
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2023-03-01", -1, "2023-02-28"],
    ["2024-04-30", 1, "2024-05-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2024-12-25", 10, "2025-01-04"],
    ["2024-06-15", 0, "2024-06-15"],
    ["2024-01-01", 366, "2025-01-01"], // 2024 has 366 days
    ["2025-01-01", 365, "2026-01-01"],
    ["2024-03-30", 1, "2024-03-31"], // the spring DST change in Poland does not shift the day
    ["2024-10-26", 2, "2024-10-28"], // nor does the autumn one
    ["2024-06-05", -30, "2024-05-06"],
  ])("%s plus %i days → %s", (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected);
  });

  it("refuses an invalid start date", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
  });

  it("stays a valid date and can be undone (fast-check)", () => {
    const date = fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2999-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -20000, max: 20000 }), (iso, n) => {
        const later = addDays(iso, n);
        expect(isValidIsoDate(later)).toBe(true);
        expect(addDays(later, -n)).toBe(iso);
        // Moving by n days moves by exactly n * 24 h of calendar time.
        expect(Date.parse(`${later}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)).toBe(n * 86_400_000);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("todayIso", () => {
  it.each([
    ["2026-06-30T22:30:00Z", "2026-07-01"], // summer time: UTC+2, already July in Kraków
    ["2026-06-30T21:59:59Z", "2026-06-30"],
    ["2026-06-30T22:00:00Z", "2026-07-01"],
    ["2026-01-15T22:30:00Z", "2026-01-15"], // winter time: UTC+1
    ["2026-01-15T23:00:00Z", "2026-01-16"],
    ["2025-12-31T23:30:00Z", "2026-01-01"], // a new year in Warsaw before London
    ["2026-03-29T00:30:00Z", "2026-03-29"], // the night of the spring change
    ["2026-10-24T22:30:00Z", "2026-10-25"], // the night of the autumn change (still UTC+2)
    ["2026-10-25T22:30:00Z", "2026-10-25"], // after the autumn change (UTC+1)
    ["2026-05-05T10:00:00Z", "2026-05-05"],
  ])("at %s it is %s in Kraków", (instant, expected) => {
    expect(todayIso(new Date(instant))).toBe(expected);
  });

  it("returns a valid ISO date for the real clock", () => {
    expect(isValidIsoDate(todayIso())).toBe(true);
  });
});

describe("a date typed into one field", () => {
  it.each([
    ["12.03.2026", "2026-03-12"],
    ["2026-03-12", "2026-03-12"],
    ["1.3.2026", "2026-03-01"],
    [" 12.03.2026 r. ", "2026-03-12"],
    ["29.02.2028", "2028-02-29"],
  ])("„%s” is %s", (typed, iso) => {
    expect(isoFromTypedDate(typed)).toBe(iso);
    expect(TypedDate.parse(typed)).toBe(iso);
  });

  it.each(["31.04.2026", "29.02.2027", "2026-13-01", "00.01.2026"])("„%s” does not exist", (typed) => {
    expect(isoFromTypedDate(typed)).toBe("invalid");
    expect(TypedDate.safeParse(typed).error!.issues[0]!.message).toBe(`Taka data nie istnieje: ${typed}.`);
  });

  it.each(["12 marca 2026", "2026/03/12", "12.03.26", "jutro"])("„%s” is not a date: the message says how to write one", (typed) => {
    expect(isoFromTypedDate(typed)).toBeNull();
    expect(TypedDate.safeParse(typed).error!.issues[0]!.message).toBe("Wpisz datę jako DD.MM.RRRR (np. 12.03.2026) albo RRRR-MM-DD.");
  });

  it("an empty field asks for a date; a stored date is shown the Polish way, anything typed as it was", () => {
    expect(TypedDate.safeParse("  ").error!.issues[0]!.message).toBe("Podaj datę.");
    expect(typedDateValue("2026-03-12")).toBe("12.03.2026");
    expect(typedDateValue("12.3")).toBe("12.3");
    expect(typedDateValue(undefined)).toBe("");
  });

  it("every real date round-trips through its Polish form", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(TypedDate.parse(formatShortDate(iso))).toBe(iso);
      }),
    );
  });
});
