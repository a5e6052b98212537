// The eligibility findings of a case, with what the one rule function needs from the database:
// the candidate, the honours they already hold and their other open nominations.
import { checkEligibility, type Finding } from "#app/domain/eligibility";
import type { CandidateKind, Honour, MedalClass } from "#app/domain/honours";
import { CLOSED_WITHOUT_HONOUR, FINAL_STATUSES } from "#app/domain/workflow";
import { db, type Tx } from "#app/utils/db.server";

export { refusalMessage } from "#app/domain/eligibility";

export type EligibilityQuery = {
  honour: Honour;
  medalClass: MedalClass | null;
  receivedDate: string;
  candidateId: string;
  /** The nomination being checked: its own conferral and itself are not "other" honours. */
  nominationId?: string;
  /** The act's date (resolution adopted, Mayor's decision), once it is known. */
  actDate?: string | null;
  forwardedOn?: string | null;
  handedOverOn?: string | null;
};

export async function eligibilityFindings(tx: Tx, q: EligibilityQuery): Promise<Finding[]> {
  const other = q.nominationId;
  const [candidate, held, open] = await Promise.all([
    tx.candidate.findUniqueOrThrow({ where: { id: q.candidateId }, select: { kind: true, deceased: true } }),
    tx.conferral.findMany({
      // Historical conferrals have no nomination: they count too.
      where: { candidateId: q.candidateId, ...(other ? { OR: [{ nominationId: null }, { nominationId: { not: other } }] } : {}) },
      select: { honour: true, medalClass: true },
    }),
    tx.nomination.findMany({
      where: { candidateId: q.candidateId, ...(other ? { id: { not: other } } : {}), status: { notIn: [...FINAL_STATUSES, ...CLOSED_WITHOUT_HONOUR] } },
      select: { honour: true },
    }),
  ]);
  return checkEligibility({
    honour: q.honour,
    medalClass: q.medalClass,
    receivedDate: q.receivedDate,
    actDate: q.actDate ?? null,
    forwardedOn: q.forwardedOn ?? null,
    handedOverOn: q.handedOverOn ?? null,
    candidate: { kind: candidate.kind as CandidateKind, deceased: candidate.deceased },
    heldHonours: held.map((h) => ({ honour: h.honour as Honour, medalClass: h.medalClass as MedalClass | null })),
    openNominations: open.map((o) => ({ honour: o.honour as Honour })),
  });
}

/** The eligibility findings of a nomination, with the candidate's other honours and nominations. */
export async function eligibilityOf(nominationId: string) {
  const n = await db().nomination.findUniqueOrThrow({ where: { id: nominationId } });
  return eligibilityFindings(db(), {
    honour: n.honour as Honour,
    medalClass: ((n.opinionClass ?? n.requestedClass) as MedalClass | null) ?? null,
    receivedDate: n.receivedDate,
    candidateId: n.candidateId,
    nominationId: n.id,
  });
}
