// What was recorded at each step of a nomination, for the step indicator on its page
// (app/domain/procedure.ts decides the steps; this module only gathers the records).
import type { Honour } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { procedureSteps, stepDate, type ProcedureStep, type Recorded } from "#app/domain/procedure";
import { Status } from "#app/domain/workflow";

type NominationRecord = {
  id: string;
  honour: string;
  status: string;
  receivedDate: string;
  dueDate: string | null;
  opinionDate: string | null;
  opinionClass: string | null;
  roundYear: number | null;
  closingReason: string;
};
type ConferralRecord = {
  number: number | null;
  handedOverOn: string | null;
  handoverPlace: string;
  resolution: { number: string; adoptedOn: string; votesFor: number | null; votesAgainst: number | null; votesAbstained: number | null } | null;
  ordinance: { number: string; issuedOn: string } | null;
} | null;
type AuditRecord = { action: string; toStatus: string | null; at: Date; after: string | null };

function parsed(after: string | null): Record<string, unknown> {
  try {
    const value = JSON.parse(after ?? "{}") as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The step indicator of a nomination, from the records its page already loaded (no query of its own). */
export function procedureOfNomination(n: NominationRecord, conferral: ConferralRecord, history: readonly AuditRecord[]): ProcedureStep[] {
  // The forwarding ordinance as its step recorded it („412/2026 z 2026-02-20”).
  const forwardedAs = String(parsed([...history].reverse().find((e) => e.toStatus === "FORWARDED")?.after ?? null).ordinance ?? "");
  const forwardingMatch = /^(.+) z (\d{4}-\d{2}-\d{2})$/.exec(forwardedAs);
  const forwarding = forwardingMatch ? { number: forwardingMatch[1]!, issuedOn: forwardingMatch[2]! } : null;
  const steps = history.flatMap((e) => {
    const to = Status.safeParse(e.toStatus);
    return e.action === "TRANSITION" && to.success ? [{ to: to.data, on: stepDate(parsed(e.after), todayIso(e.at)) }] : [];
  });
  const recorded: Recorded = {
    honour: n.honour as Honour,
    status: n.status as Status,
    receivedDate: n.receivedDate,
    dueDate: n.dueDate,
    opinionDate: n.opinionDate,
    opinionClass: n.opinionClass,
    roundYear: n.roundYear,
    closingReason: n.closingReason,
    forwarding,
    resolution: conferral?.resolution ?? null,
    decision: n.honour === "HONORIS_GRATIA" ? (conferral?.ordinance ?? null) : null,
    number: conferral?.number ? String(conferral.number) : null,
    handedOverOn: conferral?.handedOverOn ?? null,
    handoverPlace: conferral?.handoverPlace ?? "",
    steps,
  };
  return procedureSteps(recorded);
}
