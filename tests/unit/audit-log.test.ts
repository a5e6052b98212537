import { describe, expect, test } from "vitest";
import { describeChanges, fieldLabelsOf, formatWarsawDateTime, parseAuditLogQuery, warsawDayRange, warsawDayStart } from "#app/domain/audit-log";

describe("audit log query", () => {
  test("keeps good values and drops bad ones", () => {
    const q = (s: string) => parseAuditLogQuery(new URLSearchParams(s));
    expect(q("user=abc&type=Nomination&from=2025-03-01&to=2025-03-31&page=2")).toEqual({
      user: "abc",
      type: "Nomination",
      from: "2025-03-01",
      to: "2025-03-31",
      page: 2,
    });
    expect(q("from=2025-02-29&to=31.03.2025&page=0")).toEqual({ page: 1 });
    expect(q("from=2025-04-01&to=2025-03-01")).toMatchObject({ from: "2025-03-01", to: "2025-04-01" });
  });
});

describe("Warsaw days", () => {
  test("a day starts at Warsaw midnight, in winter, summer and on clock-change days", () => {
    expect(warsawDayStart("2025-01-15").toISOString()).toBe("2025-01-14T23:00:00.000Z");
    expect(warsawDayStart("2025-07-15").toISOString()).toBe("2025-07-14T22:00:00.000Z");
    expect(warsawDayStart("2025-03-30").toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(warsawDayStart("2025-03-31").toISOString()).toBe("2025-03-30T22:00:00.000Z");
    expect(warsawDayStart("2025-10-26").toISOString()).toBe("2025-10-25T22:00:00.000Z");
    expect(warsawDayStart("2025-10-27").toISOString()).toBe("2025-10-26T23:00:00.000Z");
  });

  test("a range includes both days", () => {
    const r = warsawDayRange("2025-03-10", "2025-03-10");
    expect(r.gte!.toISOString()).toBe("2025-03-09T23:00:00.000Z");
    expect(r.lt!.toISOString()).toBe("2025-03-10T23:00:00.000Z");
    expect(warsawDayRange(undefined, undefined)).toEqual({});
  });

  test("times print in Warsaw time", () => {
    expect(formatWarsawDateTime(new Date("2025-01-01T00:05:09Z"))).toBe("01.01.2025, 01:05:09");
    expect(formatWarsawDateTime(new Date("2025-06-30T22:00:00Z"))).toBe("01.07.2025, 00:00:00");
  });
});

describe("changes", () => {
  test("Polish labels and values; empty fields of a new record left out", () => {
    const changes = describeChanges(null, JSON.stringify({ honour: "HONORIS_GRATIA", requestedClass: null, roles: ["ADMIN"], active: true, sortName: "x" }), {
      fieldLabels: { ...fieldLabelsOf("User"), honour: "wyróżnienie" },
      roleNames: { ADMIN: "Administrator" },
    });
    expect(changes).toEqual([
      { field: "honour", label: "wyróżnienie", before: null, after: "Odznaka „Honoris Gratia”" },
      { field: "roles", label: "role", before: null, after: "Administrator" },
      { field: "active", label: "konto aktywne", before: null, after: "tak" },
    ]);
  });

  test("before → after, dates and nominator kinds readable, broken JSON shown as text", () => {
    expect(describeChanges('{"receivedDate":"2025-03-10"}', '{"receivedDate":"2025-03-11"}')).toEqual([
      { field: "receivedDate", label: "receivedDate", before: "10.03.2025", after: "11.03.2025" },
    ]);
    expect(describeChanges(null, '{"nominators":["Jan Nowak (PERSON), tel. 12"]}')[0]!.after).toBe("Jan Nowak (osoba), tel. 12");
    expect(describeChanges("{", null)).toEqual([{ field: "wartość", label: "wartość", before: "{", after: null }]);
  });
});
