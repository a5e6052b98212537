// Retention (RODO): which finished nominations have been kept long enough and must lose their
// personal data, and what "losing it" means for each record. Pure: the model feeds it rows from
// the database (app/models/retention.server.ts). Decisions in docs/decisions/004-data-protection.md.
import { z } from "zod";
import "./zod-polish";
import { displayNameOf, foldedNameOf, sortNameOf } from "./candidate";
import type { CandidateKind } from "./honours";
import type { Status } from "./workflow";

/** What replaces a name, contact or other identifying text. */
export const ANONYMIZED_MARK = "[dane usunięte]";

export const RECORD_KINDS = ["HG_REFUSED", "NOMINATION_WITHDRAWN", "NOMINATION_UNSUCCESSFUL"] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

export const RECORD_KIND_LABEL: Record<RecordKind, string> = {
  HG_REFUSED: "Odmowa nadania Odznaki „Honoris Gratia”",
  NOMINATION_WITHDRAWN: "Wniosek wycofany",
  NOMINATION_UNSUCCESSFUL: "Wniosek zakończony bez nadania",
};

/** Statuses in which a nomination may have ended without an honour (the model's pre-filter). */
export const ENDED_WITHOUT_HONOUR_STATUSES: readonly Status[] = ["WITHDRAWN", "OPINION_NEGATIVE", "REJECTED", "REFUSED", "CLOSED"];
const UNSUCCESSFUL_STATUSES: readonly Status[] = ["OPINION_NEGATIVE", "REJECTED", "REFUSED"];

export type NominationOutcome = {
  honour: string;
  status: string;
  /** A Conferral row points at this nomination. */
  hasConferral: boolean;
  /** The audit trail shows the nomination in a conferred status (ADOPTED, GRANTED, …) at some time. */
  everConferred: boolean;
};

/**
 * The retention kind of a finished nomination, or null when it is kept (open, or an honour).
 *
 * - Anything that led to an honour is never anonymised: a conferral, or a conferred status in
 *   its history (a missing Conferral row is then a data error, not an ending without honour).
 * - WITHDRAWN: NOMINATION_WITHDRAWN, whatever the honour.
 * - Honoris Gratia REFUSED, or CLOSED without an honour: HG_REFUSED. The HG workflow reaches
 *   CLOSED only from REFUSED or HANDED_OVER, and HANDED_OVER needs a granted badge, so CLOSED
 *   with no conferral and no conferred status is "closed after refusal". The free-text
 *   closingReason is not used: it may be empty or say anything.
 * - Medal and Honorary Citizenship OPINION_NEGATIVE, REJECTED (or REFUSED), or CLOSED without an
 *   honour: NOMINATION_UNSUCCESSFUL.
 */
export function recordKindOf(n: NominationOutcome): RecordKind | null {
  if (n.hasConferral || n.everConferred) return null;
  const status = n.status as Status;
  if (status === "WITHDRAWN") return "NOMINATION_WITHDRAWN";
  if (!UNSUCCESSFUL_STATUSES.includes(status) && status !== "CLOSED") return null;
  return n.honour === "HONORIS_GRATIA" ? "HG_REFUSED" : "NOMINATION_UNSUCCESSFUL";
}

/**
 * When the nomination ended: its latest TRANSITION or UPDATE audit event (the status change that
 * ended it, or a later correction, which restarts the clock), or, when it has none (imported or
 * seeded records), its updatedAt. updatedAt alone is not used when events exist: it also moves
 * when the candidate is renamed (derived search columns), which is not work on the nomination.
 */
export function endedAtOf(n: { lastChangeAt: Date | null; updatedAt: Date }): Date {
  return n.lastChangeAt ?? n.updatedAt;
}

/** Calendar months later, in UTC; the 31st becomes the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

export type RetentionPolicyRow = { recordKind: string; months: number };

export type RetentionInput = NominationOutcome & { id: string; lastChangeAt: Date | null; updatedAt: Date; anonymizedAt: Date | null };

export type DueRecord = { id: string; recordKind: RecordKind; endedAt: Date; dueSince: Date; months: number };

/**
 * The nominations due for anonymisation on `now`: not anonymised yet, of a kind with a policy,
 * ended at least the policy's months ago. A kind without a policy row is kept (fail safe).
 */
export function dueForAnonymisation(nominations: readonly RetentionInput[], policies: readonly RetentionPolicyRow[], now: Date): DueRecord[] {
  const monthsOf = new Map<string, number>(policies.map((p) => [p.recordKind, p.months]));
  const due: DueRecord[] = [];
  for (const n of nominations) {
    if (n.anonymizedAt) continue;
    const recordKind = recordKindOf(n);
    if (!recordKind) continue;
    const months = monthsOf.get(recordKind);
    if (months === undefined || !Number.isInteger(months) || months < 1) continue;
    const endedAt = endedAtOf(n);
    const dueSince = addMonths(endedAt, months);
    if (dueSince.getTime() <= now.getTime()) due.push({ id: n.id, recordKind, endedAt, dueSince, months });
  }
  return due.sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * A candidate (or a Honoris Gratia application) loses its data only when nothing else keeps it:
 * every one of its nominations is anonymised already or in this batch, and (candidates) it holds
 * no conferral. A laureate stays public; a person with an open nomination stays on file.
 */
export function becomesAnonymous(
  owner: { nominations: readonly { id: string; anonymizedAt: Date | null }[]; conferralCount?: number },
  batch: ReadonlySet<string>,
): boolean {
  if ((owner.conferralCount ?? 0) > 0) return false;
  return owner.nominations.every((n) => n.anonymizedAt !== null || batch.has(n.id));
}

/** The names an anonymised candidate keeps: the mark, folded the usual way for sorting. */
export function anonymizedCandidateNames(kind: CandidateKind) {
  const names = {
    kind,
    givenNames: "",
    surname: kind === "PERSON" ? ANONYMIZED_MARK : "",
    organizationName: kind === "ORGANIZATION" ? ANONYMIZED_MARK : "",
  };
  return { ...names, shortName: "", displayName: displayNameOf(names), sortName: sortNameOf(names), foldedName: foldedNameOf(names) };
}

/** A free-text or name field: the mark when it held something, empty when it was empty. */
export function redactText(value: string): string {
  return value.trim() === "" ? value : ANONYMIZED_MARK;
}

// ---------------------------------------------------------------- audit JSON

/**
 * Fields of an entity's audit JSON that are not personal data and survive anonymisation
 * (statistics and references). Every other field is redacted: an allow-list, so a field added
 * later is erased by default.
 */
export const AUDIT_KEPT_FIELDS: Record<string, ReadonlySet<string>> = {
  Nomination: new Set([
    "id",
    "honour",
    "requestedClass",
    "status",
    "receivedDate",
    "caseReference",
    "roundYear",
    "councilTermId",
    "opinion",
    "opinionClass",
    "opinionDate",
    "dueDate",
    "hgApplicationId",
    "candidateId",
    "residentSignatureCount",
    "signaturesCollectedFrom",
    "signaturesCollectedTo",
    "isDemo",
    "version",
    // What a workflow step records (app/models/workflow.server.ts): dates and public acts.
    "eventDate",
    "ordinance",
    "resolution",
    "decision",
    "number",
    "printedOn",
    "handedOverOn",
  ]),
  Candidate: new Set(["id", "kind", "isDemo", "version", "nameFormsConfirmed"]),
  HonorisGratiaApplication: new Set([
    "id",
    "channel",
    "epuapSubmissionId",
    "receivedDate",
    "applicantKind",
    "proposedHandoverDate",
    "caseReference",
    "isDemo",
    "version",
  ]),
  Nominator: new Set(["id", "nominationId", "kind", "position"]),
  Attachment: new Set(["id", "nominationId", "createdAt"]),
};

/** Every leaf of a personal field: strings become the mark, numbers null; booleans and nulls stay. */
function redactValue(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value === "number") return null;
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  return value;
}

/** An audit before/after object with every field outside `kept` redacted. */
export function redactRecord(value: unknown, kept: ReadonlySet<string>): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return redactValue(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, kept.has(k) ? v : redactValue(v)]));
}

/** The stored JSON text of an audit event's before/after, redacted; null stays null. */
export function redactAuditJson(text: string | null, entityType: string): string | null {
  if (text === null) return null;
  const kept = AUDIT_KEPT_FIELDS[entityType] ?? new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return JSON.stringify(redactText(text));
  }
  return JSON.stringify(redactRecord(parsed, kept));
}

// ---------------------------------------------------------------- forms

export const RETENTION_MONTHS_MAX = 1200;

const Months = z
  .number({ error: "Podaj liczbę miesięcy." })
  .int("Podaj pełną liczbę miesięcy.")
  .min(1, "Okres przechowywania musi wynosić co najmniej 1 miesiąc.")
  .max(RETENTION_MONTHS_MAX, `Okres przechowywania nie może przekraczać ${RETENTION_MONTHS_MAX} miesięcy (100 lat).`);

export const RetentionPoliciesForm = z.object({
  policies: z
    .array(
      z.object({
        recordKind: RecordKind,
        months: Months,
        version: z.number({ error: "Brak wersji: odśwież stronę." }).int().min(1),
      }),
      { error: "Brak okresów przechowywania do zapisania." },
    )
    .min(1, "Brak okresów przechowywania do zapisania.")
    .refine((rows) => new Set(rows.map((r) => r.recordKind)).size === rows.length, "Każdy rodzaj wniosku może wystąpić tylko raz."),
});
export type RetentionPoliciesInput = z.infer<typeof RetentionPoliciesForm>;

export const ConfirmAnonymisationForm = z.object({
  ids: z
    .array(z.string().min(1).max(64), { error: "Zaznacz co najmniej jeden wniosek do anonimizacji." })
    .min(1, "Zaznacz co najmniej jeden wniosek do anonimizacji.")
    .max(10_000, "Za dużo wniosków naraz."),
  confirm: z
    .boolean({ error: "Potwierdź, że rozumiesz, że anonimizacji nie można cofnąć." })
    .refine((v) => v, "Potwierdź, że rozumiesz, że anonimizacji nie można cofnąć."),
});

/** A nomination whose retention period has run out: what the list of records due for anonymisation shows. */
export type DueNomination = {
  id: string;
  honour: string;
  requestedClass: string | null;
  status: string;
  receivedDate: string;
  caseReference: string;
  isDemo: boolean;
  recordKind: RecordKind;
  months: number;
  endedAt: Date;
  dueSince: Date;
  nominatorCount: number;
  attachmentCount: number;
  candidate: { id: string; displayName: string; kind: string; isDemo: boolean; willBeAnonymized: boolean };
  hgApplicationId: string | null;
};
