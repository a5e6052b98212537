// Retention (RODO): the policies, the nominations due for anonymisation and the anonymisation
// itself. This is the only code that rewrites audit rows: erasure of personal data overrides the
// append-only rule (docs/decisions/004-data-protection.md). Every run is one transaction.
import { randomUUID } from "node:crypto";
import type { CandidateKind } from "#app/domain/honours";
import {
  ANONYMIZED_MARK,
  anonymizedCandidateNames,
  becomesAnonymous,
  dueForAnonymisation,
  ENDED_WITHOUT_HONOUR_STATUSES,
  RECORD_KINDS,
  redactAuditJson,
  redactText,
  type DueNomination,
  type RecordKind,
} from "#app/domain/retention";

export type { DueNomination };
import { CONFERRED_STATUSES } from "#app/domain/workflow";
import { db, type Tx } from "#app/utils/db.server";
import { removeUnreferencedFiles } from "./attachment.server";
import { searchTextOf } from "./candidate.server";
import * as clock from "#app/domain/clock";
import { type Actor } from "./write.server";

type Client = Tx;

/** SQLite allows a limited number of bound values per statement: long id lists go in slices. */
const SLICE = 400;
function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

// ---------------------------------------------------------------- what is due

/** Every nomination whose retention period has run out on `now`, oldest ending first. */
export async function listDueForAnonymisation(now: Date = clock.now(), client: Client = db()): Promise<DueNomination[]> {
  const policies = await client.retentionPolicy.findMany({ select: { recordKind: true, months: true } });
  const ended = await client.nomination.findMany({
    where: { anonymizedAt: null, conferral: { is: null }, status: { in: [...ENDED_WITHOUT_HONOUR_STATUSES] } },
    select: {
      id: true,
      honour: true,
      requestedClass: true,
      status: true,
      receivedDate: true,
      caseReference: true,
      isDemo: true,
      updatedAt: true,
      anonymizedAt: true,
      hgApplicationId: true,
      candidate: { select: { id: true, displayName: true, kind: true, isDemo: true } },
      _count: { select: { nominators: true, attachments: true } },
    },
  });
  if (ended.length === 0) return [];

  const lastChange = new Map<string, Date>();
  const everConferred = new Set<string>();
  for (const ids of slices(ended.map((n) => n.id))) {
    const changes = await client.auditEvent.groupBy({
      by: ["entityId"],
      where: { entityType: "Nomination", entityId: { in: ids }, action: { in: ["TRANSITION", "UPDATE"] } },
      _max: { at: true },
    });
    for (const c of changes) if (c._max.at) lastChange.set(c.entityId, c._max.at);
    const conferred = await client.auditEvent.findMany({
      where: { entityType: "Nomination", entityId: { in: ids }, action: "TRANSITION", toStatus: { in: [...CONFERRED_STATUSES] } },
      select: { entityId: true },
    });
    for (const c of conferred) everConferred.add(c.entityId);
  }

  const due = dueForAnonymisation(
    ended.map((n) => ({
      id: n.id,
      honour: n.honour,
      status: n.status,
      hasConferral: false,
      everConferred: everConferred.has(n.id),
      lastChangeAt: lastChange.get(n.id) ?? null,
      updatedAt: n.updatedAt,
      anonymizedAt: n.anonymizedAt,
    })),
    policies,
    now,
  );
  if (due.length === 0) return [];

  const byId = new Map(ended.map((n) => [n.id, n]));
  const batch = new Set(due.map((d) => d.id));
  const candidateIds = [...new Set(due.map((d) => byId.get(d.id)!.candidate.id))];
  const candidates = await ownersOf(client, candidateIds);
  return due.map((d) => {
    const n = byId.get(d.id)!;
    const owner = candidates.get(n.candidate.id)!;
    return {
      ...d,
      honour: n.honour,
      requestedClass: n.requestedClass,
      status: n.status,
      receivedDate: n.receivedDate,
      caseReference: n.caseReference,
      isDemo: n.isDemo,
      nominatorCount: n._count.nominators,
      attachmentCount: n._count.attachments,
      hgApplicationId: n.hgApplicationId,
      candidate: { ...n.candidate, willBeAnonymized: becomesAnonymous(owner, batch) },
    };
  });
}

/** Candidates with their nominations and the number of their conferrals. */
async function ownersOf(client: Client, candidateIds: string[]) {
  const out = new Map<string, { id: string; kind: string; nominations: { id: string; anonymizedAt: Date | null }[]; conferralCount: number }>();
  for (const ids of slices(candidateIds)) {
    const rows = await client.candidate.findMany({
      where: { id: { in: ids } },
      select: { id: true, kind: true, nominations: { select: { id: true, anonymizedAt: true } }, _count: { select: { conferrals: true } } },
    });
    for (const r of rows) out.set(r.id, { id: r.id, kind: r.kind, nominations: r.nominations, conferralCount: r._count.conferrals });
  }
  return out;
}

// ---------------------------------------------------------------- anonymisation

export type AnonymisationResult = {
  runId: string | null;
  nominationIds: string[];
  nominations: number;
  nominators: number;
  attachments: number;
  candidates: number;
  /** Candidates of anonymised nominations who keep their data (a conferral or another nomination). */
  candidatesKept: number;
  hgApplications: number;
  auditEventsRedacted: number;
  byKind: Record<RecordKind, number>;
  /** Requested ids that were not (or no longer) due: left untouched. */
  skippedIds: string[];
};

/**
 * Anonymises the given nominations that are still due on `now` (ids no longer due are skipped),
 * in one transaction: everything or nothing. See docs/decisions/004-data-protection.md.
 */
export async function anonymise(ids: readonly string[], actor: Actor, now: Date = clock.now()): Promise<AnonymisationResult> {
  const fileHashes: string[] = [];
  const outcome = await db().$transaction(
    async (tx) => {
      const due = await listDueForAnonymisation(now, tx);
      const dueById = new Map(due.map((d) => [d.id, d]));
      const requested = [...new Set(ids)];
      const selected = requested.filter((id) => dueById.has(id));
      const skippedIds = requested.filter((id) => !dueById.has(id));
      const byKind = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
      for (const id of selected) byKind[dueById.get(id)!.recordKind]++;
      const result: AnonymisationResult = {
        runId: null,
        nominationIds: selected,
        nominations: 0,
        nominators: 0,
        attachments: 0,
        candidates: 0,
        candidatesKept: 0,
        hgApplications: 0,
        auditEventsRedacted: 0,
        byKind,
        skippedIds,
      };
      if (selected.length === 0) return result;
      const batch = new Set(selected);

      const nominations = [];
      for (const part of slices(selected)) {
        nominations.push(
          ...(await tx.nomination.findMany({
            where: { id: { in: part } },
            select: {
              id: true,
              candidateId: true,
              hgApplicationId: true,
              closingReason: true,
              councillorNames: true,
              nominators: { select: { id: true } },
              attachments: { select: { id: true, sha256: true } },
            },
          })),
        );
      }
      for (const n of nominations) for (const a of n.attachments) if (a.sha256) fileHashes.push(a.sha256);

      // Nominators and attachments: names and contacts replaced, files unlinked (removed after the commit).
      for (const part of slices(selected)) {
        result.nominators += (await tx.nominator.updateMany({ where: { nominationId: { in: part } }, data: { name: ANONYMIZED_MARK } })).count;
        await tx.nominator.updateMany({ where: { nominationId: { in: part }, contact: { not: "" } }, data: { contact: ANONYMIZED_MARK } });
        result.attachments += (
          await tx.attachment.updateMany({
            where: { nominationId: { in: part } },
            data: { name: ANONYMIZED_MARK, storagePath: null, sha256: null, byteSize: null, mediaType: null, description: null },
          })
        ).count;
      }

      // Candidates: anonymised unless a conferral or a nomination outside the batch keeps them.
      const owners = await ownersOf(tx, [...new Set(nominations.map((n) => n.candidateId))]);
      const anonymousCandidates = new Map<string, ReturnType<typeof anonymizedCandidateNames>>();
      for (const owner of owners.values()) {
        if (!becomesAnonymous(owner, batch)) {
          result.candidatesKept++;
          continue;
        }
        const names = anonymizedCandidateNames(owner.kind as CandidateKind);
        anonymousCandidates.set(owner.id, names);
        await tx.candidate.update({
          where: { id: owner.id },
          data: {
            ...names,
            grammaticalGender: null,
            birthYear: null,
            birthDate: null,
            deceased: false,
            deathDate: null,
            title: "",
            city: "",
            nameNominative: "",
            nameGenitive: "",
            nameDative: "",
            nameFormsConfirmedAt: null,
            nameFormsConfirmedById: null,
            nameFormsSource: null,
            anonymizedAt: now,
            version: { increment: 1 },
          },
        });
        // The words it taught the lexicon stay (they are Polish, not the person's); the link to it goes.
        await tx.nameLexiconEntry.updateMany({ where: { candidateId: owner.id }, data: { candidateId: null } });
        result.candidates++;
        // Its nominations anonymised in earlier runs (kept then for this one) follow the new name.
        const earlier = owner.nominations.filter((n) => !batch.has(n.id)).map((n) => n.id);
        for (const part of slices(earlier)) {
          await tx.nomination.updateMany({ where: { id: { in: part } }, data: { searchText: "", sortName: names.sortName } });
        }
      }

      // Nominations: personal text cleared, search columns rebuilt without the removed names.
      const keptCandidates = new Map<string, { foldedName: string; shortName: string; sortName: string }>();
      const keptIds = [...owners.keys()].filter((id) => !anonymousCandidates.has(id));
      for (const part of slices(keptIds)) {
        for (const c of await tx.candidate.findMany({ where: { id: { in: part } }, select: { id: true, foldedName: true, shortName: true, sortName: true } })) {
          keptCandidates.set(c.id, c);
        }
      }
      for (const n of nominations) {
        const gone = anonymousCandidates.get(n.candidateId);
        const kept = keptCandidates.get(n.candidateId);
        await tx.nomination.update({
          where: { id: n.id },
          data: {
            merits: "",
            closingReason: redactText(n.closingReason),
            councillorNames: redactText(n.councillorNames),
            searchText: gone ? "" : searchTextOf(kept!.foldedName, kept!.shortName, []),
            sortName: gone ? gone.sortName : kept!.sortName,
            anonymizedAt: now,
            version: { increment: 1 },
          },
        });
        result.nominations++;
      }

      // Honoris Gratia applications: the applicant goes when none of its nominations is left.
      const applicationIds = [...new Set(nominations.map((n) => n.hgApplicationId).filter((id): id is string => id !== null))];
      const anonymousApplications: string[] = [];
      for (const part of slices(applicationIds)) {
        const applications = await tx.honorisGratiaApplication.findMany({
          where: { id: { in: part }, anonymizedAt: null },
          select: { id: true, applicantContact: true, proposedEventName: true, nominations: { select: { id: true, anonymizedAt: true } } },
        });
        for (const a of applications) {
          if (!becomesAnonymous(a, batch)) continue;
          await tx.honorisGratiaApplication.update({
            where: { id: a.id },
            data: {
              applicantName: ANONYMIZED_MARK,
              applicantContact: redactText(a.applicantContact),
              proposedEventName: redactText(a.proposedEventName),
              anonymizedAt: now,
              version: { increment: 1 },
            },
          });
          anonymousApplications.push(a.id);
        }
      }
      result.hgApplications = anonymousApplications.length;

      // The audit trail of every anonymised record: personal fields redacted in place.
      const entities: [string, string[]][] = [
        ["Nomination", selected],
        ["Nominator", nominations.flatMap((n) => n.nominators.map((x) => x.id))],
        ["Attachment", nominations.flatMap((n) => n.attachments.map((x) => x.id))],
        ["Candidate", [...anonymousCandidates.keys()]],
        ["HonorisGratiaApplication", anonymousApplications],
      ];
      for (const [entityType, entityIds] of entities) {
        for (const part of slices(entityIds)) {
          const events = await tx.auditEvent.findMany({
            where: { entityType, entityId: { in: part } },
            select: { id: true, before: true, after: true, reason: true },
          });
          for (const e of events) {
            const redacted = { before: redactAuditJson(e.before, entityType), after: redactAuditJson(e.after, entityType), reason: redactText(e.reason) };
            if (redacted.before === e.before && redacted.after === e.after && redacted.reason === e.reason) continue;
            await tx.auditEvent.update({ where: { id: e.id }, data: redacted });
            result.auditEventsRedacted++;
          }
        }
      }

      // The run's own record: ids and counts, no personal data.
      result.runId = randomUUID();
      await tx.auditEvent.create({
        data: {
          at: now,
          userId: actor.userId,
          action: "ANONYMIZE",
          entityType: "RetentionRun",
          entityId: result.runId,
          after: JSON.stringify({
            nominationIds: selected,
            candidateIds: [...anonymousCandidates.keys()],
            hgApplicationIds: anonymousApplications,
            counts: {
              nominations: result.nominations,
              nominators: result.nominators,
              attachments: result.attachments,
              candidates: result.candidates,
              candidatesKept: result.candidatesKept,
              hgApplications: result.hgApplications,
              auditEventsRedacted: result.auditEventsRedacted,
            },
            byKind,
            skippedIds,
          }),
          reason: "Anonimizacja danych osobowych po upływie okresu przechowywania (RODO)",
        },
      });
      return result;
    },
    // A backlog of hundreds of records takes seconds; SQLite queues other writers meanwhile.
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  await removeUnreferencedFiles(fileHashes); // after the commit: a run that rolled back keeps its files
  return outcome;
}

/** The retention command (npm run retention): what is due, and with `apply` anonymise it all. */
export async function runRetention({ apply, now = clock.now(), actor = { userId: null } }: { apply: boolean; now?: Date; actor?: Actor }) {
  const due = await listDueForAnonymisation(now);
  const result =
    apply && due.length > 0
      ? await anonymise(
          due.map((d) => d.id),
          actor,
          now,
        )
      : null;
  return { due, result };
}
