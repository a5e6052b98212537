import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { ceremoniesToIcs, escapeText, foldLine, type IcsCeremony } from "#app/domain/ceremony-ics";

const ceremony = (overrides: Partial<IcsCeremony> = {}): IcsCeremony => ({
  id: "c1",
  kind: "CITY_DAY_SESSION",
  title: "Uroczysta sesja; Święto Miasta, wręczenie medali \\ odznak",
  date: "2026-06-05",
  startTime: "12:00",
  endTime: "14:30",
  status: "CONFIRMED",
  venue: { name: "Sala Obrad Rady Miasta Krakowa", address: "Plac Wszystkich Świętych 3-4, 31-004 Kraków" },
  organiser: "Kancelaria Rady Miasta i Dzielnic Krakowa",
  chancelleryContact: "Żaneta Źdźbło, tel. 12 616 00 00",
  notes: "Pierwsza linia\nDruga linia; z przecinkiem, i ukośnikiem \\",
  laureateCount: 3,
  version: 4,
  updatedAt: new Date("2026-05-01T08:09:10.123Z"),
  ...overrides,
});

describe("iCalendar (RFC 5545)", () => {
  const text = ceremoniesToIcs([ceremony()], { uidDomain: "merenti.example", urlOf: (id) => `https://merenti.example/ceremonies/${id}` });

  it("parses back with ical.js: the event in Europe/Warsaw local time, with the right instant", () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    const vtz = comp.getFirstSubcomponent("vtimezone")!;
    expect(vtz.getFirstPropertyValue("tzid")).toBe("Europe/Warsaw");
    ICAL.TimezoneService.register(vtz);
    const event = new ICAL.Event(comp.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Uroczysta sesja; Święto Miasta, wręczenie medali \\ odznak");
    expect(event.location).toBe("Sala Obrad Rady Miasta Krakowa, Plac Wszystkich Świętych 3-4, 31-004 Kraków");
    expect(event.description).toContain("Uwagi: Pierwsza linia\nDruga linia; z przecinkiem, i ukośnikiem \\");
    expect(event.description).toContain("Kontakt w Kancelarii Rady: Żaneta Źdźbło");
    expect(event.uid).toBe("c1@merenti.example");
    expect(event.sequence).toBe(4);
    expect(comp.getFirstSubcomponent("vevent")!.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Warsaw");
    expect(event.startDate.zone!.tzid).toBe("Europe/Warsaw");
    expect(event.startDate.toString()).toBe("2026-06-05T12:00:00");
    // 12:00 in Kraków in June (CEST, UTC+2) is 10:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-06-05T10:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-06-05T12:30:00.000Z");
    expect(comp.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("winter dates use CET (UTC+1)", () => {
    const comp = new ICAL.Component(ICAL.parse(ceremoniesToIcs([ceremony({ date: "2026-12-10" })], { uidDomain: "x" })));
    ICAL.TimezoneService.register(comp.getFirstSubcomponent("vtimezone")!);
    const event = new ICAL.Event(comp.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-10T11:00:00.000Z");
  });

  it("writes DTSTAMP in UTC, CRLF line ends, and no line over 75 octets", () => {
    expect(text).toContain("\r\nDTSTAMP:20260501T080910Z\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true); // the long description was folded
  });

  it("escapes backslash, semicolon, comma and newlines in the raw text", () => {
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Uroczysta sesja\\; Święto Miasta\\, wręczenie medali \\\\ odznak\r\n");
    expect(unfolded).toContain("Uwagi: Pierwsza linia\\nDruga linia\\; z przecinkiem\\, i ukośnikiem \\\\");
    expect(escapeText("a,b;c\\d\r\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("folds by octets without splitting a Polish letter", () => {
    const line = `SUMMARY:${"żółć".repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("a feed names itself and carries every ceremony; a cancelled one says so", () => {
    const feed = ceremoniesToIcs([ceremony(), ceremony({ id: "c2", status: "CANCELLED" })], { uidDomain: "x", calendarName: "Uroczystości" });
    const comp = new ICAL.Component(ICAL.parse(feed));
    expect(comp.getFirstPropertyValue("x-wr-calname")).toBe("Uroczystości");
    const events = comp.getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    expect(events[1]!.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("folding, property", () => {
  it("any text folds into lines of at most 75 octets that unfold to the original", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(line);
      }),
    );
  });
});
