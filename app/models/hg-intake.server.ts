// Honoris Gratia intake: a letter or ePUAP application with its proposed laureates, checked
// for possible duplicates in the register and for eligibility, saved once per form.
import { Prisma } from "#app/generated/prisma/client.ts";
import { honorisGratiaDueDate, HG_OPEN_STATUSES } from "#app/domain/deadlines";
import type { HgIntakeInput, LaureateInput } from "#app/domain/honoris-gratia";
import { INITIAL_STATUS } from "#app/domain/workflow";
import { DEFAULT_HG_CASE_REFERENCE_PATTERN } from "#app/domain/intake-text";
import { todayIso } from "#app/domain/polish-dates";
import type { CandidateInput } from "#app/domain/nomination-form";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { loadLexicon } from "./name-lexicon.server";
import { eligibilityFindings, refusalMessage } from "./eligibility.server";
import { candidateData, findPossibleDuplicates, searchTextOf } from "./candidate.server";
import { settingValueOn } from "./settings.server";
import { Refusal, type Actor, type Refused } from "./write.server";

export type LaureateMatch = {
  id: string;
  displayName: string;
  birthYear: number | null;
  city: string;
  /** Honours already held (any honour), e.g. "Odznaka nr 12 (2019)". */
  honours: string[];
  /** Honoris Gratia applications for this candidate still awaiting a decision. */
  pending: { id: string; receivedDate: string; status: string }[];
};

function candidateInputOf(l: LaureateInput): CandidateInput {
  return {
    candidateKind: l.kind,
    givenNames: l.givenNames,
    surname: l.surname,
    grammaticalGender: l.grammaticalGender,
    birthYear: l.birthYear,
    birthDate: undefined,
    deceased: false,
    title: "",
    city: l.city,
    organizationName: l.organizationName,
    shortName: "",
  };
}

/**
 * Possible duplicates of each proposed laureate: the same name ignoring case and diacritics and,
 * for persons, no conflicting birth year (the register's one rule, findPossibleDuplicates);
 * matches that hold an honour or have an open Honoris Gratia application are what the clerk must see.
 */
export async function laureateMatches(tx: Tx, laureates: readonly LaureateInput[]): Promise<LaureateMatch[][]> {
  const result: LaureateMatch[][] = [];
  for (const l of laureates) {
    const found = await findPossibleDuplicates(tx, candidateInputOf(l));
    if (!found.length) {
      result.push([]);
      continue;
    }
    const ids = found.map((f) => f.id);
    const [conferrals, pending] = await Promise.all([
      tx.conferral.findMany({ where: { candidateId: { in: ids } }, select: { candidateId: true, honour: true, number: true, conferredOn: true } }),
      tx.nomination.findMany({
        where: { candidateId: { in: ids }, honour: "HONORIS_GRATIA", status: { in: [...HG_OPEN_STATUSES] } },
        select: { id: true, candidateId: true, receivedDate: true, status: true },
      }),
    ]);
    result.push(
      found
        .map((f) => ({
          id: f.id,
          displayName: f.displayName,
          birthYear: f.birthYear,
          city: f.city,
          honours: conferrals
            .filter((c) => c.candidateId === f.id)
            .map(
              (c) =>
                `${c.honour === "HONORIS_GRATIA" ? "Odznaka „Honoris Gratia”" : c.honour === "CRACOVIAE_MERENTI" ? "Medal „Cracoviae Merenti”" : "Honorowe Obywatelstwo"}${c.number ? ` nr ${c.number}` : ""} (${c.conferredOn.slice(0, 4)})`,
            ),
          pending: pending.filter((p) => p.candidateId === f.id).map(({ id, receivedDate, status }) => ({ id, receivedDate, status })),
        }))
        .filter((m) => m.honours.length > 0 || m.pending.length > 0),
    );
  }
  return result;
}

export type IntakeResult =
  | { kind: "created"; id: string; nominationIds: string[] }
  | { kind: "existing"; id: string }
  | { kind: "duplicates"; matches: LaureateMatch[][] }
  | { kind: "epuap-taken"; message: string }
  | Refused;

const tokenOf = (creationToken: string, i: number) => `${creationToken}:${i}`;

function epuapTakenMessage(a: { caseReference: string; receivedDate: string }) {
  return `Wniosek o tym identyfikatorze ePUAP jest już w rejestrze (wpłynął ${a.receivedDate}${a.caseReference ? `, znak sprawy ${a.caseReference}` : ""}). Sprawdź identyfikator.`;
}

export async function createHgApplication(input: HgIntakeInput, actor: Actor): Promise<IntakeResult> {
  const epuapId = input.channel === "EPUAP" ? input.epuapSubmissionId : null;
  try {
    return await db().$transaction(async (tx) => {
      const already = await tx.nomination.findUnique({ where: { creationToken: tokenOf(input.creationToken, 0) }, select: { hgApplicationId: true } });
      if (already?.hgApplicationId) return { kind: "existing" as const, id: already.hgApplicationId };
      if (epuapId) {
        const taken = await tx.honorisGratiaApplication.findUnique({ where: { epuapSubmissionId: epuapId } });
        if (taken) return { kind: "epuap-taken" as const, message: epuapTakenMessage(taken) };
      }
      if (!input.duplicatesReviewed) {
        const matches = await laureateMatches(tx, input.laureates);
        if (matches.some((m) => m.length > 0)) return { kind: "duplicates" as const, matches };
      }

      const dueDate = honorisGratiaDueDate(input.receivedDate, input.proposedHandoverDate ?? null);
      const application = await tx.honorisGratiaApplication.create({
        data: {
          channel: input.channel,
          epuapSubmissionId: epuapId,
          epuapSubmittedOn: input.channel === "EPUAP" ? (input.epuapSubmittedOn ?? null) : null,
          receivedDate: input.receivedDate,
          applicantKind: input.applicantKind,
          applicantName: input.applicantName,
          applicantContact: input.applicantContact,
          applicantStreet: input.applicantStreet || null,
          applicantPostalCode: input.applicantPostalCode || null,
          applicantCity: input.applicantCity || null,
          proposedEventName: input.proposedEventName,
          proposedHandoverDate: input.proposedHandoverDate ?? null,
          caseReference: input.caseReference,
        },
      });
      const nominator = { kind: input.applicantKind, name: input.applicantName, contact: input.applicantContact, position: 0 };
      const nominationIds: string[] = [];
      for (const [i, l] of input.laureates.entries()) {
        let candidate = l.candidateId ? await tx.candidate.findUnique({ where: { id: l.candidateId } }) : null;
        if (l.candidateId && !candidate) throw new Refusal("Wybrany kandydat nie istnieje.");
        if (!candidate) {
          const data = candidateData(candidateInputOf(l), await loadLexicon(tx));
          candidate = await tx.candidate.create({ data });
          await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Candidate", entityId: candidate.id, after: data });
        }
        const refusal = refusalMessage(
          await eligibilityFindings(tx, { honour: "HONORIS_GRATIA", medalClass: null, receivedDate: input.receivedDate, candidateId: candidate.id }),
        );
        if (refusal) throw new Refusal(`${candidate.displayName}: ${refusal}`);
        const nomination = await tx.nomination.create({
          data: {
            honour: "HONORIS_GRATIA",
            status: INITIAL_STATUS,
            candidateId: candidate.id,
            receivedDate: input.receivedDate,
            dueDate,
            hgApplicationId: application.id,
            caseReference: input.caseReference,
            merits: input.merits,
            searchText: searchTextOf(candidate.foldedName, candidate.shortName, [nominator]),
            sortName: candidate.sortName,
            creationToken: tokenOf(input.creationToken, i),
            createdById: actor.userId,
            nominators: { create: [nominator] },
          },
        });
        nominationIds.push(nomination.id);
        await recordAudit(tx, {
          userId: actor.userId,
          action: "CREATE",
          entityType: "Nomination",
          entityId: nomination.id,
          toStatus: nomination.status,
          after: {
            honour: "HONORIS_GRATIA",
            receivedDate: input.receivedDate,
            dueDate,
            caseReference: input.caseReference,
            merits: input.merits,
            nominators: [input.applicantName],
          },
        });
      }
      await recordAudit(tx, {
        userId: actor.userId,
        action: "CREATE",
        entityType: "HonorisGratiaApplication",
        entityId: application.id,
        after: {
          channel: input.channel,
          epuapSubmissionId: epuapId,
          epuapSubmittedOn: application.epuapSubmittedOn,
          receivedDate: input.receivedDate,
          applicantName: input.applicantName,
          applicantStreet: application.applicantStreet,
          applicantPostalCode: application.applicantPostalCode,
          applicantCity: application.applicantCity,
          proposedEventName: input.proposedEventName,
          proposedHandoverDate: application.proposedHandoverDate,
          laureates: nominationIds.length,
        },
      });
      return { kind: "created" as const, id: application.id, nominationIds };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.answer;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Two saves raced: the same form (its token) or the same ePUAP submission.
      const winner = await db().nomination.findUnique({ where: { creationToken: tokenOf(input.creationToken, 0) }, select: { hgApplicationId: true } });
      if (winner?.hgApplicationId) return { kind: "existing", id: winner.hgApplicationId };
      const taken = epuapId ? await db().honorisGratiaApplication.findUnique({ where: { epuapSubmissionId: epuapId } }) : null;
      if (taken) return { kind: "epuap-taken", message: epuapTakenMessage(taken) };
    }
    throw error;
  }
}

export function getHgApplication(id: string) {
  return db().honorisGratiaApplication.findUnique({
    where: { id },
    include: {
      nominations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          dueDate: true,
          candidate: { select: { id: true, displayName: true, birthYear: true, city: true } },
          conferral: { select: { number: true, conferredOn: true } },
        },
      },
    },
  });
}

/** The office's case reference pattern today (a dated setting), or the default KP-04.0012.<nr>.<rrrr>. */
export async function hgCaseReferencePattern(): Promise<string> {
  return (await settingValueOn("caseReference.HONORIS_GRATIA", todayIso())) || DEFAULT_HG_CASE_REFERENCE_PATTERN;
}
