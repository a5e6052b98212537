// Deadlines: the Honorary Citizenship yearly round (applications by 31 March) and the
// Honoris Gratia one-month rule.
import { addDays, parseIsoDate } from "./polish-dates";
import type { Status } from "./workflow";

/** Adds calendar months; the 31st becomes the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/** Configurable part of the Honoris Gratia rule (the sources do not fix it). */
export type HonorisGratiaDueRule = {
  /** The usual term: this many months from receipt (one, by the rules). */
  monthsFromReceipt: number;
  /** When the proposed hand-over is later than that, decide this many days before it. */
  daysBeforeLateHandover: number;
  /** When no hand-over date is proposed: this many months from receipt. */
  monthsWhenNoHandover: number;
};

export const DEFAULT_HG_DUE_RULE: HonorisGratiaDueRule = { monthsFromReceipt: 1, daysBeforeLateHandover: 14, monthsWhenNoHandover: 1 };

/**
 * Due date of a Honoris Gratia application: one month from receipt, unless the proposed
 * hand-over date is later (then a configured number of days before it) or missing (then the
 * configured number of months).
 */
export function honorisGratiaDueDate(receivedDate: string, proposedHandoverDate: string | null, rule = DEFAULT_HG_DUE_RULE): string {
  const usual = addMonths(receivedDate, rule.monthsFromReceipt);
  if (!proposedHandoverDate) return addMonths(receivedDate, rule.monthsWhenNoHandover);
  const beforeHandover = addDays(proposedHandoverDate, -rule.daysBeforeLateHandover);
  return beforeHandover > usual ? beforeHandover : usual;
}

export type Urgency = "overdue" | "this-week" | "later";

/** "Due this week": due today or within this many days. */
export const DUE_SOON_DAYS = 7;

/** Honoris Gratia applications still waiting for the Mayor's decision: their due date counts. */
export const HG_OPEN_STATUSES = ["RECEIVED", "VERIFIED", "DECISION_PREPARED"] as const satisfies readonly Status[];

/** Cracoviae Merenti nominations formally complete wait for the Medal Commission's opinion. */
export const CM_AWAITING_COMMISSION = "FORMALLY_COMPLETE" as const satisfies Status;

/**
 * The due dates `urgencyOf` calls overdue (before `overdueBefore`) and due this week (from
 * `overdueBefore` to `dueSoonUntil`, both included), for queries over many records.
 */
export function dueWindow(today: string): { overdueBefore: string; dueSoonUntil: string } {
  return { overdueBefore: today, dueSoonUntil: addDays(today, DUE_SOON_DAYS) };
}

export function urgencyOf(dueDate: string, today: string): Urgency {
  const { overdueBefore, dueSoonUntil } = dueWindow(today);
  if (dueDate < overdueBefore) return "overdue";
  if (dueDate <= dueSoonUntil) return "this-week";
  return "later";
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const { year, month, day } = parseIsoDate(d);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The Honorary Citizenship deadline of a year's round: 31 March. */
export function honoraryCitizenshipDeadline(year: number): string {
  return `${year}-03-31`;
}

/** The round an application belongs to: its year if received by 31 March, else the next one. */
export function honoraryCitizenshipRound(receivedDate: string): { year: number; late: boolean } {
  const year = parseIsoDate(receivedDate).year;
  const late = receivedDate > honoraryCitizenshipDeadline(year);
  return { year: late ? year + 1 : year, late };
}

/**
 * The Honorary Citizenship round open on `today`: this year's while its 31 March deadline has not
 * passed (the deadline day included), otherwise next year's.
 */
export function currentHonoraryCitizenshipRound(today: string): { year: number; deadline: string; daysLeft: number } {
  const thisYear = parseIsoDate(today).year;
  const year = today > honoraryCitizenshipDeadline(thisYear) ? thisYear + 1 : thisYear;
  const deadline = honoraryCitizenshipDeadline(year);
  return { year, deadline, daysLeft: daysBetween(today, deadline) };
}
