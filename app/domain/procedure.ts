// Where a case stands in its honour's procedure, and what was recorded at each step: the step
// indicator of the nomination page. The procedure is read from the workflow table
// (app/domain/workflow.ts), never written out a second time.
import { MEDAL_CLASS_LABEL, type Honour, type MedalClass } from "./honours";
import { formatPolishDate, formatPolishDateWithDnia, isValidIsoDate } from "./polish-dates";
import { CLOSED_WITHOUT_HONOUR, FINAL_STATUSES, INITIAL_STATUS, STATUS_LABEL, transitionsOf, type Status } from "./workflow";

/** Statuses beside the main road: a detour that comes back to it, or an end without the honour. */
const OFF_ROAD: readonly Status[] = ["COMPLETION_REQUESTED", "DECISION_PREPARED", ...CLOSED_WITHOUT_HONOUR, ...FINAL_STATUSES];

/** The honour's procedure when everything goes well: from the application to the hand-over. */
export function mainPath(honour: Honour): Status[] {
  const moves = transitionsOf(honour);
  const path: Status[] = [INITIAL_STATUS];
  for (;;) {
    const next = moves.find((m) => m.from === path.at(-1) && !OFF_ROAD.includes(m.to) && !path.includes(m.to));
    if (!next) return path;
    path.push(next.to);
  }
}

/**
 * The statuses a case passed to reach `status` by the shortest way the workflow allows (the main
 * road where it can): the history a demo case in that status would have.
 */
export function pathTo(honour: Honour, status: Status): Status[] {
  const moves = transitionsOf(honour);
  const road = mainPath(honour);
  // Breadth-first, main-road moves first, so ties go along the main road.
  const rank = (s: Status) => (road.includes(s) ? 0 : 1);
  const previous = new Map<Status, Status | null>([[INITIAL_STATUS, null]]);
  const queue: Status[] = [INITIAL_STATUS];
  while (queue.length) {
    const from = queue.shift()!;
    if (from === status) break;
    const next = moves.filter((m) => m.from === from && !previous.has(m.to)).sort((a, b) => rank(a.to) - rank(b.to));
    for (const m of next) {
      previous.set(m.to, from);
      queue.push(m.to);
    }
  }
  if (!previous.has(status)) return [];
  const path: Status[] = [];
  for (let s: Status | null = status; s; s = previous.get(s) ?? null) path.unshift(s);
  return path;
}

/** What the case's records hold, as the nomination page reads them. */
export type Recorded = {
  honour: Honour;
  status: Status;
  receivedDate: string;
  dueDate: string | null;
  opinionDate: string | null;
  opinionClass: string | null;
  roundYear: number | null;
  closingReason: string;
  /** The Mayor's ordinance forwarding the draft to the Council (medal). */
  forwarding: { number: string; issuedOn: string } | null;
  resolution: { number: string; adoptedOn: string; votesFor: number | null; votesAgainst: number | null; votesAbstained: number | null } | null;
  /** The Mayor's Honoris Gratia decision. */
  decision: { number: string; issuedOn: string } | null;
  number: string | null;
  handedOverOn: string | null;
  handoverPlace: string;
  /** Each step taken, oldest first: the status reached and its date (the event's, or the day it was recorded). */
  steps: { to: Status; on: string }[];
};

export type StepState = "done" | "current" | "todo";
export type ProcedureStep = { status: Status; label: string; state: StepState; on: string | null; facts: string[] };

const COMMITTEE: Record<Honour, string> = {
  CRACOVIAE_MERENTI: "Komisji Medalu",
  HONORARY_CITIZENSHIP: "Komisji Głównej",
  HONORIS_GRATIA: "",
};

function votesText(r: NonNullable<Recorded["resolution"]>): string | null {
  if (r.votesFor === null && r.votesAgainst === null && r.votesAbstained === null) return null;
  const n = (v: number | null) => (v === null ? "—" : String(v));
  return `Głosowanie: za ${n(r.votesFor)}, przeciw ${n(r.votesAgainst)}, wstrzymało się ${n(r.votesAbstained)}`;
}

/** What was recorded when the case reached `status` (or, for a step still ahead, what is due). */
export function factsOf(status: Status, r: Recorded, state: StepState): string[] {
  const facts: (string | null)[] = [];
  switch (status) {
    case "FORMALLY_COMPLETE":
      if (r.roundYear && state !== "todo") facts.push(`Rozpatrywany w naborze ${r.roundYear} r.`);
      break;
    case "OPINION_POSITIVE":
    case "OPINION_NEGATIVE":
      if (r.opinionDate && state !== "todo") facts.push(`Opinia ${COMMITTEE[r.honour]} ${formatPolishDateWithDnia(r.opinionDate)}`);
      if (r.opinionClass && status === "OPINION_POSITIVE" && state !== "todo")
        facts.push(`Klasa medalu w opinii: ${MEDAL_CLASS_LABEL[r.opinionClass as MedalClass] ?? r.opinionClass}`);
      break;
    case "FORWARDED":
      if (r.forwarding) facts.push(`Zarządzenie Prezydenta nr ${r.forwarding.number} ${formatPolishDateWithDnia(r.forwarding.issuedOn)}`);
      break;
    case "ADOPTED":
      if (r.resolution) facts.push(`Uchwała nr ${r.resolution.number} ${formatPolishDateWithDnia(r.resolution.adoptedOn)}`, votesText(r.resolution));
      break;
    case "GRANTED":
      if (r.decision) facts.push(`Decyzja (zarządzenie) Prezydenta nr ${r.decision.number} ${formatPolishDateWithDnia(r.decision.issuedOn)}`);
      if (r.number && r.honour === "HONORIS_GRATIA") facts.push(`Odznaka nr ${r.number}`);
      if (state === "todo" && r.dueDate) facts.push(`Termin decyzji: ${formatPolishDate(r.dueDate)}`);
      break;
    case "NUMBER_ASSIGNED":
      if (r.number && state !== "todo") facts.push(`Numer medalu: ${r.number}`);
      break;
    case "HANDED_OVER":
      if (r.handedOverOn) facts.push(`Wręczono ${formatPolishDate(r.handedOverOn)}${r.handoverPlace ? `, ${r.handoverPlace}` : ""}`);
      break;
    case "REJECTED":
    case "REFUSED":
    case "WITHDRAWN":
    case "CLOSED":
      if (r.closingReason) facts.push(`Powód: ${r.closingReason}`);
      break;
  }
  return facts.filter((f): f is string => Boolean(f));
}

/**
 * The step indicator: the honour's main road with the steps done, the current one and those
 * ahead. A case off the road (a request to complete, a refusal, a withdrawal) shows the road up
 * to where it left it, then its own status; a detour that comes back shows the rest ahead.
 */
export function procedureSteps(r: Recorded): ProcedureStep[] {
  const road = mainPath(r.honour);
  const reached = r.steps.map((s) => s.to);
  const dateOf = (status: Status) => [...r.steps].reverse().find((s) => s.to === status)?.on ?? (status === INITIAL_STATUS ? r.receivedDate : null);
  const step = (status: Status, state: StepState): ProcedureStep => ({
    status,
    label: STATUS_LABEL[status],
    state,
    on: state === "todo" ? null : dateOf(status),
    facts: factsOf(status, r, state),
  });
  const at = road.indexOf(r.status);
  if (at >= 0) return road.map((s, i) => step(s, i < at ? "done" : i === at ? "current" : "todo"));

  // Off the road: where it left it (from the history; without one, the earliest way in).
  const ways = transitionsOf(r.honour)
    .filter((m) => m.to === r.status)
    .map((m) => road.indexOf(m.from))
    .filter((i) => i >= 0);
  const fromHistory = Math.max(-1, ...reached.filter((s) => s !== r.status).map((s) => road.indexOf(s)));
  const left = fromHistory >= 0 ? fromHistory : ways.length ? Math.min(...ways) : 0;
  const detours = reached.filter((s, i) => !road.includes(s) && s !== r.status && reached.indexOf(s) === i);
  const comesBack = transitionsOf(r.honour).some((m) => m.from === r.status && road.indexOf(m.to) > left);
  return [
    ...road.slice(0, left + 1).map((s) => step(s, "done")),
    ...detours.map((s) => step(s, "done")),
    step(r.status, "current"),
    ...(comesBack ? road.slice(left + 1).map((s) => step(s, "todo")) : []),
  ];
}

/** A step's date from its audit event: the event date it recorded, or the day it was written. */
export function stepDate(after: Record<string, unknown>, recordedOn: string): string {
  for (const key of ["eventDate", "handedOverOn", "printedOn"]) {
    const v = after[key];
    if (typeof v === "string" && isValidIsoDate(v)) return v;
  }
  return recordedOn;
}
