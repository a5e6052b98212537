// Nominations: the register's reads and writes. Every write is one transaction with its audit event.
import { randomUUID } from "node:crypto";
import { Prisma } from "#app/generated/prisma/client.ts";
import { honoraryCitizenshipRound, honorisGratiaDueDate } from "#app/domain/deadlines";
import type { Honour, NominatorKind } from "#app/domain/honours";
import { attachmentNames, type CreateNominationInput, type EditNominationInput } from "#app/domain/nomination-form";
import { INITIAL_STATUS, type Status } from "#app/domain/workflow";
import { db } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { candidateData, findPossibleDuplicates, searchTextOf, type PossibleDuplicate } from "./candidate.server";
import { loadLexicon } from "./name-lexicon.server";
import { eligibilityFindings, refusalMessage } from "./eligibility.server";
import { councilTermOn } from "./council-term.server";
import { Refusal, type Actor, type Refused } from "./write.server";

// ---------------------------------------------------------------- reads

export async function getNomination(id: string) {
  return db().nomination.findUnique({
    where: { id },
    include: {
      candidate: true,
      councilTerm: true,
      nominators: { orderBy: { position: "asc" } },
      attachments: { orderBy: { createdAt: "asc" } },
      conferral: true,
      createdBy: { select: { name: true } },
    },
  });
}

export async function nominationCountsByHonourAndStatus() {
  const groups = await db().nomination.groupBy({ by: ["honour", "status"], _count: { _all: true } });
  return groups.map((g) => ({ honour: g.honour as Honour, status: g.status as Status, count: g._count._all }));
}

// ---------------------------------------------------------------- writes

export type CreateResult =
  { kind: "created"; id: string } | { kind: "existing"; id: string } | { kind: "duplicates"; candidates: PossibleDuplicate[] } | Refused;

export async function createNomination(input: CreateNominationInput, actor: Actor): Promise<CreateResult> {
  try {
    return await db().$transaction(async (tx) => {
      const already = await tx.nomination.findUnique({ where: { creationToken: input.creationToken }, select: { id: true } });
      if (already) return { kind: "existing" as const, id: already.id };

      let candidate;
      if (input.candidateId) {
        candidate = await tx.candidate.findUnique({ where: { id: input.candidateId } });
        if (!candidate) throw new Error("Wybrany kandydat nie istnieje.");
      } else {
        const c = input.candidate!;
        if (!input.confirmNewCandidate) {
          const duplicates = await findPossibleDuplicates(tx, c);
          if (duplicates.length > 0) return { kind: "duplicates" as const, candidates: duplicates };
        }
        const data = candidateData(c, await loadLexicon(tx));
        candidate = await tx.candidate.create({ data });
        await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Candidate", entityId: candidate.id, after: data });
      }

      // Rules that forbid the nomination outright (Honorary Citizenship for an organisation, a
      // deceased person or a holder); warnings are shown on the nomination's page instead.
      const refusal = refusalMessage(
        await eligibilityFindings(tx, {
          honour: input.honour,
          medalClass: input.requestedClass ?? null,
          receivedDate: input.receivedDate,
          candidateId: candidate.id,
        }),
      );
      if (refusal) throw new Refusal(refusal);

      const term = await councilTermOn(tx, input.receivedDate);
      const nominators = input.nominators.map((n, i) => ({ kind: n.kind as NominatorKind, name: n.name, contact: n.contact, position: i }));
      const nomination = await tx.nomination.create({
        data: {
          honour: input.honour,
          requestedClass: input.honour === "CRACOVIAE_MERENTI" ? (input.requestedClass ?? null) : null,
          status: INITIAL_STATUS,
          candidateId: candidate.id,
          councilTermId: term?.id ?? null,
          receivedDate: input.receivedDate,
          roundYear: input.honour === "HONORARY_CITIZENSHIP" ? honoraryCitizenshipRound(input.receivedDate).year : null,
          dueDate: input.honour === "HONORIS_GRATIA" ? honorisGratiaDueDate(input.receivedDate, null) : null,
          caseReference: input.caseReference,
          merits: input.merits,
          searchText: searchTextOf(candidate.foldedName, candidate.shortName, nominators),
          sortName: candidate.sortName,
          creationToken: input.creationToken,
          createdById: actor.userId,
          nominators: { create: nominators },
          attachments: { create: attachmentNames(input.attachments).map((name) => ({ name })) },
        },
      });
      await recordAudit(tx, {
        userId: actor.userId,
        action: "CREATE",
        entityType: "Nomination",
        entityId: nomination.id,
        toStatus: nomination.status,
        after: auditView(nomination, nominators, attachmentNames(input.attachments)),
      });
      return { kind: "created" as const, id: nomination.id };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.answer;
    // Two submits of the same form raced: the loser finds the winner's record.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db().nomination.findUnique({ where: { creationToken: input.creationToken }, select: { id: true } });
      if (winner) return { kind: "existing", id: winner.id };
    }
    throw error;
  }
}

function auditView(
  n: { honour: string; requestedClass: string | null; receivedDate: string; caseReference: string; merits: string },
  nominators: { kind: string; name: string; contact: string }[],
  attachments: string[],
) {
  return {
    honour: n.honour,
    requestedClass: n.requestedClass,
    receivedDate: n.receivedDate,
    caseReference: n.caseReference,
    merits: n.merits,
    nominators: nominators.map((x) => `${x.name} (${x.kind})${x.contact ? `, ${x.contact}` : ""}`),
    attachments,
  };
}

export const NOMINATION_FIELD_LABEL: Record<string, string> = {
  honour: "wyróżnienie",
  requestedClass: "klasa medalu",
  receivedDate: "data wpływu",
  caseReference: "znak sprawy",
  merits: "opis zasług",
  nominators: "wnioskodawcy",
  attachments: "załączniki",
  attachmentFile: "plik załącznika",
  assignee: "prowadzący",
};

export type UpdateResult =
  | { kind: "updated" }
  | { kind: "not-found" }
  | {
      kind: "conflict";
      currentVersion: number;
      changes: { field: string; saved: unknown; yours: unknown }[];
      changedBy: string | null;
    };

export async function updateNomination(id: string, input: EditNominationInput, actor: Actor): Promise<UpdateResult> {
  return db().$transaction(async (tx) => {
    const current = await tx.nomination.findUnique({
      where: { id },
      // The form lists the attachments recorded by name; uploaded files are kept apart (attachment.server.ts).
      include: { nominators: { orderBy: { position: "asc" } }, attachments: { where: { sha256: null }, orderBy: { createdAt: "asc" } }, candidate: true },
    });
    if (!current) return { kind: "not-found" as const };
    const nominators = input.nominators.map((n, i) => ({ kind: n.kind, name: n.name, contact: n.contact, position: i }));
    const attachments = attachmentNames(input.attachments);
    const before = auditView(
      current,
      current.nominators,
      current.attachments.map((a) => a.name),
    );
    const after = auditView(
      { ...input, requestedClass: input.honour === "CRACOVIAE_MERENTI" ? (input.requestedClass ?? null) : null },
      nominators,
      attachments,
    );

    if (current.version !== input.version) {
      const last = await tx.auditEvent.findFirst({
        where: { entityType: "Nomination", entityId: id },
        orderBy: { at: "desc" },
        include: { user: { select: { name: true } } },
      });
      const diff = changedFields(before, after);
      return {
        kind: "conflict" as const,
        currentVersion: current.version,
        changes: diff.changed.map((field) => ({ field, saved: diff.before[field], yours: diff.after[field] })),
        changedBy: last?.user?.name ?? null,
      };
    }

    const term = await councilTermOn(tx, input.receivedDate);
    // The version in the WHERE makes the check and the write one step: a concurrent save
    // that got in between matches no row.
    const written = await tx.nomination.updateMany({
      where: { id, version: input.version },
      data: {
        honour: input.honour,
        requestedClass: after.requestedClass,
        receivedDate: input.receivedDate,
        councilTermId: term?.id ?? null,
        roundYear: input.honour === "HONORARY_CITIZENSHIP" ? honoraryCitizenshipRound(input.receivedDate).year : null,
        dueDate: input.honour === "HONORIS_GRATIA" ? honorisGratiaDueDate(input.receivedDate, null) : null,
        caseReference: input.caseReference,
        merits: input.merits,
        searchText: searchTextOf(current.candidate.foldedName, current.candidate.shortName, nominators),
        version: { increment: 1 },
      },
    });
    if (written.count === 0) {
      return { kind: "conflict" as const, currentVersion: current.version + 1, changes: [], changedBy: null };
    }
    await tx.nominator.deleteMany({ where: { nominationId: id } });
    await tx.nominator.createMany({ data: nominators.map((n) => ({ ...n, nominationId: id })) });
    const keptAttachments = new Set(attachments);
    await tx.attachment.deleteMany({ where: { nominationId: id, sha256: null, name: { notIn: attachments } } });
    const existingNames = new Set(current.attachments.map((a) => a.name).filter((n) => keptAttachments.has(n)));
    const newNames = attachments.filter((n) => !existingNames.has(n));
    if (newNames.length > 0) await tx.attachment.createMany({ data: newNames.map((name) => ({ name, nominationId: id })) });

    const diff = changedFields(before, after);
    if (diff.changed.length > 0) {
      await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Nomination", entityId: id, before: diff.before, after: diff.after });
    }
    return { kind: "updated" as const };
  });
}

export function newCreationToken(): string {
  return randomUUID();
}
