// Deadlines: the Honorary Citizenship yearly round (applications by 31 March) and the
// Honoris Gratia one-month rule.
import { addDays, parseIsoDate } from "./polish-dates";

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

export function urgencyOf(dueDate: string, today: string): Urgency {
  if (dueDate < today) return "overdue";
  if (dueDate <= addDays(today, 7)) return "this-week";
  return "later";
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
