// Candidates: one person or organisation across all their nominations and honours.
import type { EditCandidateInput } from "#app/domain/nomination-form";
import { db } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { candidateData, searchTextOf } from "./nomination.server";
import * as clock from "#app/domain/clock";
import { type Actor } from "./write.server";

export async function getCandidate(id: string) {
  return db().candidate.findUnique({
    where: { id },
    include: {
      nominations: {
        orderBy: { receivedDate: "desc" },
        select: { id: true, honour: true, requestedClass: true, status: true, receivedDate: true, caseReference: true },
      },
      conferrals: {
        orderBy: { conferredOn: "desc" },
        include: { resolution: { select: { number: true, adoptedOn: true } }, ordinance: { select: { number: true, issuedOn: true } } },
      },
    },
  });
}

export type CandidateUpdateResult = { kind: "updated" } | { kind: "not-found" } | { kind: "conflict"; changedFields: string[] };

const EDITABLE = [
  "kind",
  "givenNames",
  "surname",
  "organizationName",
  "shortName",
  "grammaticalGender",
  "birthYear",
  "birthDate",
  "deceased",
  "title",
  "city",
  "nameNominative",
  "nameGenitive",
  "nameDative",
  "addressDative",
  "appositionDative",
] as const;

function pick(source: Record<string, unknown>) {
  return Object.fromEntries(EDITABLE.map((k) => [k, source[k] ?? null]));
}

export async function updateCandidate(id: string, input: EditCandidateInput, actor: Actor): Promise<CandidateUpdateResult> {
  return db().$transaction(async (tx) => {
    const current = await tx.candidate.findUnique({ where: { id }, include: { nominations: { include: { nominators: true } } } });
    if (!current) return { kind: "not-found" as const };
    const data = {
      ...candidateData(input.candidate),
      nameNominative: input.nameNominative,
      nameGenitive: input.nameGenitive,
      nameDative: input.nameDative,
      addressDative: input.addressDative,
      appositionDative: input.appositionDative,
    };
    const diff = changedFields(pick(current), pick(data));
    if (current.version !== input.version) return { kind: "conflict" as const, changedFields: diff.changed };

    // A confirmation holds only for the forms it saw: changing a form (or the name) drops it.
    const formsChanged = diff.changed.some((f) => ["nameNominative", "nameGenitive", "nameDative", "addressDative", "givenNames", "surname", "organizationName"].includes(f));
    const confirmation = input.confirmNameForms
      ? { nameFormsConfirmedAt: clock.now(), nameFormsConfirmedById: actor.userId }
      : formsChanged
        ? { nameFormsConfirmedAt: null, nameFormsConfirmedById: null }
        : {};
    const written = await tx.candidate.updateMany({
      where: { id, version: input.version },
      data: { ...data, ...confirmation, version: { increment: 1 } },
    });
    if (written.count === 0) return { kind: "conflict" as const, changedFields: diff.changed };

    for (const n of current.nominations) {
      await tx.nomination.update({
        where: { id: n.id },
        data: { sortName: data.sortName, searchText: searchTextOf(data.foldedName, data.shortName, n.nominators) },
      });
    }
    if (diff.changed.length > 0 || input.confirmNameForms) {
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Candidate",
        entityId: id,
        before: diff.before,
        after: { ...diff.after, ...(input.confirmNameForms ? { nameFormsConfirmed: true } : {}) },
      });
    }
    return { kind: "updated" as const };
  });
}
