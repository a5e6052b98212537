// The app's one clock. Every "now" and "today" comes from here, so that tests and CI can move
// the whole app to an awkward day (31 January, 29 February, a DST Sunday, New Year's Eve) with
// MERENTI_TODAY=YYYY-MM-DD, or with setClock() inside a test process. Time keeps running from
// that day's noon, so timestamps written during a run stay in order.

const NOON_WARSAW_AS_UTC_HOUR = 10;

function offsetFor(today: string | undefined): number {
  if (!today) return 0;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!match) throw new Error(`MERENTI_TODAY must be a date like 2028-02-29, not "${today}".`);
  const target = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), NOON_WARSAW_AS_UTC_HOUR);
  return target - Date.now();
}

// Kept on globalThis: a bundler or test runner may load this module more than once, and two
// copies with offsets taken a moment apart would write timestamps out of order. Read without
// assuming Node: the domain modules also run in the browser, where there is no process.
const shared = globalThis as { __merentiClockOffsetMs?: number; process?: { env?: Record<string, string | undefined> } };
shared.__merentiClockOffsetMs ??= offsetFor(shared.process?.env?.MERENTI_TODAY);

export function now(): Date {
  return new Date(Date.now() + (shared.__merentiClockOffsetMs ?? 0));
}

/** Moves the clock to the noon of `today` (YYYY-MM-DD), or back to the real time with null. */
export function setClock(today: string | null): void {
  shared.__merentiClockOffsetMs = offsetFor(today ?? undefined);
}
