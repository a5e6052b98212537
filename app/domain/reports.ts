// Staff reports: conferrals against the term limits, per year, nominations per status, medal
// numbers with gaps. Each report is one table, shown on its page and written as CSV unchanged.
import { HONOUR_SHORT_LABEL, MEDAL_CLASS_LABEL, type Honour, type MedalClass } from "./honours";
import { ruleInForce, type LimitRule } from "./limits";
import { toRoman } from "./roman";
import { STATUS_LABEL, statusesOf, type Status } from "./workflow";

export const REPORTS = ["quota", "years", "statuses", "numbers"] as const;
export type ReportKey = (typeof REPORTS)[number];

export const REPORT_TITLE: Record<ReportKey, string> = {
  quota: "Nadania w kadencjach Rady a limity",
  years: "Nadania w kolejnych latach",
  statuses: "Wnioski według statusu",
  numbers: "Numery medali i odznak",
};

export const REPORT_DESCRIPTION: Record<ReportKey, string> = {
  quota:
    "Medale „Cracoviae Merenti” według klas i Honorowe Obywatelstwa nadane w każdej kadencji Rady Miasta Krakowa, wobec limitu obowiązującego w tej kadencji.",
  years: "Liczba nadań każdego wyróżnienia w kolejnych latach (według daty nadania).",
  statuses: "Liczba wniosków o każde wyróżnienie w każdym statusie postępowania.",
  numbers: "Numery wydane w każdej serii (klasy medalu, odznaka) i numery, których brakuje między pierwszym a najwyższym.",
};

export type Cell = string | number;
export type ReportTable = { header: string[]; rows: Cell[][] };

/** A bar of the per-year chart. */
export type Bar = { label: string; value: number };

// ---------------------------------------------------------------- quota

/** The honours limited per council term, in report order. */
export const LIMITED: readonly { honour: Honour; medalClass: MedalClass | null }[] = [
  { honour: "CRACOVIAE_MERENTI", medalClass: "GOLD" },
  { honour: "CRACOVIAE_MERENTI", medalClass: "SILVER" },
  { honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE" },
  { honour: "HONORARY_CITIZENSHIP", medalClass: null },
];

export type TermInput = { number: number; startDate: string; endDate: string | null };
export type TermCount = { termNumber: number; honour: string; medalClass: string | null; count: number };

export type QuotaRow = {
  term: number;
  honour: Honour;
  medalClass: MedalClass | null;
  count: number;
  limit: number | null;
  basis: string;
  state: "within" | "full" | "exceeded" | "no-limit";
};

export const QUOTA_STATE_LABEL: Record<QuotaRow["state"], string> = {
  within: "w limicie",
  full: "limit wykorzystany",
  exceeded: "limit przekroczony",
  "no-limit": "bez limitu",
};

/** Each term × limited honour: the count against the rule in force at the term's end (or today). */
export function quotaRows(terms: readonly TermInput[], rules: LimitRule[], counts: readonly TermCount[], today: string): QuotaRow[] {
  const rows: QuotaRow[] = [];
  for (const term of [...terms].sort((a, b) => b.number - a.number)) {
    if (term.startDate > today) continue;
    const date = term.endDate && term.endDate < today ? term.endDate : today;
    for (const { honour, medalClass } of LIMITED) {
      const count = counts.find((c) => c.termNumber === term.number && c.honour === honour && (c.medalClass ?? null) === medalClass)?.count ?? 0;
      const rule = ruleInForce(rules, honour, medalClass, term.number, date);
      const limit = rule?.maxCount ?? null;
      const state = limit === null ? "no-limit" : count > limit ? "exceeded" : count === limit ? "full" : "within";
      rows.push({ term: term.number, honour, medalClass, count, limit, basis: rule?.setByResolutionText ?? "", state });
    }
  }
  return rows;
}

export function honourClassText(honour: string, medalClass: string | null): string {
  const h = HONOUR_SHORT_LABEL[honour as Honour] ?? honour;
  return medalClass ? `${h} (${MEDAL_CLASS_LABEL[medalClass as MedalClass] ?? medalClass})` : h;
}

export function quotaTable(rows: readonly QuotaRow[]): ReportTable {
  return {
    header: ["Kadencja", "Wyróżnienie", "Nadano", "Limit", "Stan", "Podstawa limitu"],
    rows: rows.map((r) => [toRoman(r.term), honourClassText(r.honour, r.medalClass), r.count, r.limit ?? "—", QUOTA_STATE_LABEL[r.state], r.basis]),
  };
}

// ---------------------------------------------------------------- per year

export type YearCount = { year: number; honour: string; medalClass: string | null; count: number };

/** The per-year columns: the medal per class, then the other two honours. */
const YEAR_COLUMNS: readonly { honour: Honour; medalClass: MedalClass | null }[] = [
  ...LIMITED.slice(0, 3),
  { honour: "HONORARY_CITIZENSHIP", medalClass: null },
  { honour: "HONORIS_GRATIA", medalClass: null },
];

/** One row per year from the first to the last with a conferral (empty years included), newest first. */
export function yearsTable(counts: readonly YearCount[]): { table: ReportTable; bars: Bar[] } {
  const header = ["Rok", ...YEAR_COLUMNS.map((c) => honourClassText(c.honour, c.medalClass)), "Razem"];
  if (counts.length === 0) return { table: { header, rows: [] }, bars: [] };
  const years = counts.map((c) => c.year);
  const rows: Cell[][] = [];
  const bars: Bar[] = [];
  for (let y = Math.max(...years); y >= Math.min(...years); y--) {
    const cells = YEAR_COLUMNS.map((col) =>
      counts
        .filter((c) => c.year === y && c.honour === col.honour && (col.medalClass === null || c.medalClass === col.medalClass))
        .reduce((s, c) => s + c.count, 0),
    );
    const total = counts.filter((c) => c.year === y).reduce((s, c) => s + c.count, 0);
    rows.push([y, ...cells, total]);
    bars.unshift({ label: String(y), value: total });
  }
  return { table: { header, rows }, bars };
}

// ---------------------------------------------------------------- per status

export type StatusCount = { honour: Honour; status: Status; count: number };

export function statusesTable(counts: readonly StatusCount[]): ReportTable {
  const rows: Cell[][] = [];
  for (const honour of ["CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"] as const) {
    for (const status of statusesOf(honour)) {
      const count = counts.find((c) => c.honour === honour && c.status === status)?.count ?? 0;
      rows.push([HONOUR_SHORT_LABEL[honour], STATUS_LABEL[status], count]);
    }
  }
  return { header: ["Wyróżnienie", "Status", "Liczba wniosków"], rows };
}

// ---------------------------------------------------------------- numbers

export const NUMBER_SERIES = ["CM_GOLD", "CM_SILVER", "CM_BRONZE", "HG"] as const;
export const NUMBER_SERIES_LABEL: Record<(typeof NUMBER_SERIES)[number], string> = {
  CM_GOLD: "Cracoviae Merenti, złoty",
  CM_SILVER: "Cracoviae Merenti, srebrny",
  CM_BRONZE: "Cracoviae Merenti, brązowy",
  HG: "Honoris Gratia",
};

export type Gap = { from: number; to: number };

/** Numbers missing between 1 and the highest issued one, as ranges. */
export function numberGaps(issued: readonly number[]): Gap[] {
  const sorted = [...new Set(issued)].filter((n) => n >= 1).sort((a, b) => a - b);
  const gaps: Gap[] = [];
  let expected = 1;
  for (const n of sorted) {
    if (n > expected) gaps.push({ from: expected, to: n - 1 });
    expected = n + 1;
  }
  return gaps;
}

export function gapsText(gaps: readonly Gap[]): string {
  if (gaps.length === 0) return "brak";
  return gaps.map((g) => (g.from === g.to ? String(g.from) : `${g.from}–${g.to}`)).join(", ");
}

export function numbersTable(bySeries: Record<string, number[]>): ReportTable {
  return {
    header: ["Seria", "Wydano numerów", "Najwyższy numer", "Brakujące numery", "Liczba brakujących"],
    rows: NUMBER_SERIES.map((s) => {
      const issued = bySeries[s] ?? [];
      const gaps = numberGaps(issued);
      const missing = gaps.reduce((sum, g) => sum + g.to - g.from + 1, 0);
      return [NUMBER_SERIES_LABEL[s], issued.length, issued.length ? issued.reduce((m, n) => (n > m ? n : m), 0) : "—", gapsText(gaps), missing];
    }),
  };
}
