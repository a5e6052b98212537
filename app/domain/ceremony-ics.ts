// Ceremonies as iCalendar (RFC 5545) for Outlook and the chancellery's calendar: one ceremony as
// an .ics file, or every ceremony as a subscribable feed. Written by hand, not with
// ical-generator: with a calendar time zone set, ical-generator v10 writes DTSTAMP in local time
// without the "Z" the RFC requires (3.8.7.2) and folds lines by characters, not octets. The
// VTIMEZONE of Europe/Warsaw comes from @touch4it/ical-timezones.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ceremonyKindLabel } from "./ceremony";

export const ICS_TIMEZONE = "Europe/Warsaw";

export type IcsCeremony = {
  id: string;
  kind: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  status: string;
  venue: { name: string; address: string } | null;
  organiser: string;
  chancelleryContact: string;
  notes: string;
  laureateCount: number;
  version: number;
  updatedAt: Date;
};

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Octets of one code point in UTF-8. */
function utf8Size(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line (RFC 5545 3.1): no line longer than 75 octets of UTF-8, continuation lines
 * start with one space; a multi-byte character is never split.
 */
export function foldLine(line: string): string {
  // Most lines are short: at most 3 octets a UTF-16 unit, 25 units always fit.
  if (line.length <= 25) return line;
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Size(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** "2026-06-05", "12:00" → "20260605T120000" (local time of TZID). */
function localDateTime(date: string, time: string): string {
  return `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;
}

/** A UTC timestamp "20260605T100000Z". */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

const STATUS: Record<string, string> = { PLANNED: "TENTATIVE", CONFIRMED: "CONFIRMED", HELD: "CONFIRMED", CLOSED: "CONFIRMED", CANCELLED: "CANCELLED" };

function eventLines(c: IcsCeremony, uidDomain: string, url: string | null): string[] {
  const location = c.venue ? [c.venue.name, c.venue.address].filter(Boolean).join(", ") : "";
  const description = [
    `Rodzaj: ${ceremonyKindLabel(c.kind)}`,
    `Laureaci: ${c.laureateCount}`,
    c.organiser ? `Organizator: ${c.organiser}` : "",
    c.chancelleryContact ? `Kontakt w Kancelarii Rady: ${c.chancelleryContact}` : "",
    c.notes ? `Uwagi: ${c.notes}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${c.id}@${uidDomain}`,
    // Calendars replace an event only when its sequence grows: every saved change raises version.
    `SEQUENCE:${c.version}`,
    `DTSTAMP:${utcStamp(c.updatedAt)}`,
    `LAST-MODIFIED:${utcStamp(c.updatedAt)}`,
    `DTSTART;TZID=${ICS_TIMEZONE}:${localDateTime(c.date, c.startTime)}`,
    `DTEND;TZID=${ICS_TIMEZONE}:${localDateTime(c.date, c.endTime)}`,
    `SUMMARY:${escapeText(c.title)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `STATUS:${STATUS[c.status] ?? "TENTATIVE"}`,
    ...(url ? [`URL:${url}`] : []),
    "END:VEVENT",
  ];
}

/**
 * An iCalendar object with the Europe/Warsaw VTIMEZONE and one event per ceremony; CRLF line
 * ends, folded lines. `calendarName` names a feed (X-WR-CALNAME, read by Outlook and Google).
 */
export function ceremoniesToIcs(
  ceremonies: readonly IcsCeremony[],
  options: { uidDomain: string; calendarName?: string; urlOf?: (id: string) => string },
): string {
  const vtimezone = getVtimezoneComponent(ICS_TIMEZONE);
  if (!vtimezone) throw new Error(`Brak definicji strefy czasowej ${ICS_TIMEZONE}.`);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Urząd Miasta Krakowa//Merenti//PL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.calendarName ? [`X-WR-CALNAME:${escapeText(options.calendarName)}`, `X-WR-TIMEZONE:${ICS_TIMEZONE}`] : []),
    ...vtimezone.trim().split(/\r?\n/),
    ...ceremonies.flatMap((c) => eventLines(c, options.uidDomain, options.urlOf ? options.urlOf(c.id) : null)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
