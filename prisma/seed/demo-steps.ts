// Demo nominations get the history their status implies: each status reached through the steps
// before it (app/domain/procedure.ts pathTo), with dates between the receipt and the conferral or
// hand-over and what each step records (the Commission's opinion, the forwarding ordinance, the
// votes), written as the workflow would write them (audit events of the system user).
import type { Honour, MedalClass } from "#app/domain/honours";
import { addDays, parseIsoDate } from "#app/domain/polish-dates";
import { pathTo } from "#app/domain/procedure";
import type { Status } from "#app/domain/workflow";
import { db as getDb } from "#app/utils/db.server";

const dayNumber = (iso: string) => {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/** Dates for the steps: fixed where the records fix them, spread evenly in between, never after `end`. */
export function spreadDates(start: string, steps: readonly Status[], fixed: Partial<Record<Status, string>>, end: string): string[] {
  const dates: string[] = [];
  let from = start;
  for (let i = 0; i < steps.length; i++) {
    const anchorAt = steps.findIndex((s, j) => j >= i && fixed[s]);
    const anchor = anchorAt >= 0 ? fixed[steps[anchorAt]!]! : end;
    const gap = (anchorAt >= 0 ? anchorAt : steps.length) - i + 1;
    const date = fixed[steps[i]!] ?? addDays(from, Math.max(1, Math.floor((dayNumber(anchor) - dayNumber(from)) / gap)));
    dates.push(date > end ? end : date);
    from = dates[i]!;
  }
  return dates;
}

const noonWarsaw = (iso: string) => new Date(`${iso}T10:00:00Z`);

type DemoCase = {
  id: string;
  honour: Honour;
  status: Status;
  receivedDate: string;
  medalClass: MedalClass | undefined;
  conferredOn: string | null;
  handedOverOn: string | null;
  resolutionId: string | null;
  index: number;
};

export async function seedDemoSteps(c: DemoCase, yesterday: string) {
  const db = getDb();
  // A closed case that holds the honour was closed after its hand-over, not after a refusal.
  const steps = (c.status === "CLOSED" && c.conferredOn ? [...pathTo(c.honour, "HANDED_OVER"), c.status] : pathTo(c.honour, c.status)).slice(1);
  const fixed: Partial<Record<Status, string>> = {};
  if (c.conferredOn) fixed[c.honour === "HONORIS_GRATIA" ? "GRANTED" : "ADOPTED"] = c.conferredOn;
  if (c.handedOverOn) fixed.HANDED_OVER = c.handedOverOn;
  const dates = spreadDates(c.receivedDate, steps, fixed, yesterday);
  const data: { opinionDate?: string; opinionClass?: string | null; opinion?: string; forwardedOn?: string } = {};
  // The application was recorded on the day it arrived.
  await db.auditEvent.updateMany({ where: { entityType: "Nomination", entityId: c.id, action: "CREATE" }, data: { at: noonWarsaw(c.receivedDate) } });
  let from: Status = "RECEIVED";
  for (const [i, to] of steps.entries()) {
    const on = dates[i]!;
    const after: Record<string, unknown> = { eventDate: on };
    if (to === "OPINION_POSITIVE" || to === "OPINION_NEGATIVE") {
      Object.assign(data, {
        opinion: to === "OPINION_POSITIVE" ? "POSITIVE" : "NEGATIVE",
        opinionDate: on,
        opinionClass: to === "OPINION_POSITIVE" ? (c.medalClass ?? null) : null,
      });
      after.opinionDate = on;
      if (data.opinionClass) after.opinionClass = data.opinionClass;
    }
    if (to === "FORWARDED") {
      // Recorded on the step only: a demo case has no draft for an ordinance to forward (and demo
      // removal takes the step's audit event with the case).
      const number = `${500 + c.index}/${on.slice(0, 4)}`;
      data.forwardedOn = on;
      after.ordinance = `${number} z ${on}`;
    }
    if (to === "ADOPTED" && c.resolutionId) {
      // Plausible votes of a 43-member Council.
      await db.resolution.update({
        where: { id: c.resolutionId },
        data: { votesFor: 36 + (c.index % 5), votesAgainst: c.index % 3, votesAbstained: 1 + (c.index % 2) },
      });
    }
    await db.auditEvent.create({
      data: {
        at: noonWarsaw(on),
        userId: null,
        action: "TRANSITION",
        entityType: "Nomination",
        entityId: c.id,
        fromStatus: from,
        toStatus: to,
        after: JSON.stringify(after),
      },
    });
    from = to;
  }
  if (Object.keys(data).length) await db.nomination.update({ where: { id: c.id }, data });
}
