// Resolution drafts: generated from a nomination, edited in versions, frozen once adopted.
import { projectTemplate } from "#app/documents/templates.server";
import type { Document } from "#app/documents/blocks";
import {
  defaultMover,
  DraftContent,
  draftDocumentsOf,
  moverOf,
  missingForCandidate,
  missingForDraft,
  templateData,
  templateFileOf,
  type DraftCandidate,
  type DraftDocument,
  type DraftInputs,
  type MissingDatum,
} from "#app/domain/draft";
import { addressDativeOf } from "#app/domain/address-forms";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { eligibilityFindings, refusalMessage } from "./eligibility.server";
import { settingValueOn, signatoryOn } from "./settings.server";
import { type Actor } from "./write.server";

/** A draft's template (read and compiled once per process). */
export function draftTemplate(file: string) {
  return projectTemplate<ReturnType<typeof templateData>>(file);
}

type NominationForDraft = NonNullable<Awaited<ReturnType<typeof loadNomination>>>;

function loadNomination(tx: Tx, nominationId: string) {
  return tx.nomination.findUnique({
    where: { id: nominationId },
    include: { candidate: true, nominators: { orderBy: { position: "asc" } }, conferral: { include: { resolution: true } } },
  });
}

function candidateOf(n: NominationForDraft): DraftCandidate {
  const c = n.candidate;
  const kind = c.kind as CandidateKind;
  const gender = (c.grammaticalGender as Gender | null) ?? null;
  return {
    id: c.id,
    kind,
    gender,
    address: addressDativeOf({ kind, gender, title: c.title, addressDative: c.addressDative }),
    nameNominative: c.nameNominative || c.displayName,
    nameGenitive: c.nameGenitive,
    nameDative: c.nameDative,
    nameFormsConfirmed: Boolean(c.nameFormsConfirmedAt),
  };
}

/**
 * Inputs valid on `date` (the draft's date: today until adopted, then the adoption date).
 * `others`: further nominations of the same draft (one resolution for several honorees).
 */
async function inputsFor(
  tx: Tx,
  n: NominationForDraft,
  date: string,
  content: DraftContent,
  ordinance: DraftInputs["ordinance"],
  others: NominationForDraft[] = [],
): Promise<DraftInputs> {
  const honour = n.honour as Honour;
  const [legalBasis, ordinanceLegalBasis, executionClause, entryIntoForceClause, actCitation, medalRules, mayor] = await Promise.all([
    settingValueOn(`legalBasis.${honour}`, date, tx),
    settingValueOn("legalBasis.ORDINANCE", date, tx),
    settingValueOn("clause.execution", date, tx),
    settingValueOn("clause.entryIntoForce", date, tx),
    settingValueOn("act.MUNICIPAL_SELF_GOVERNMENT", date, tx),
    settingValueOn("rules.CRACOVIAE_MERENTI", date, tx),
    signatoryOn("MAYOR", date, tx),
  ]);
  return {
    honour,
    medalClass: ((n.opinionClass ?? n.requestedClass) as MedalClass | null) ?? null,
    candidate: candidateOf(n),
    others: others.map(candidateOf),
    nominators: n.nominators.map((x) => x.name),
    nominatorKinds: n.nominators.map((x) => x.kind),
    resolution: n.conferral?.resolution ? { number: n.conferral.resolution.number, adoptedOn: n.conferral.resolution.adoptedOn } : null,
    ordinance,
    settings: { legalBasis, ordinanceLegalBasis, executionClause, entryIntoForceClause, actCitation, medalRules },
    mayor: mayor ? { fullName: mayor.fullName, titleLine: mayor.titleLine } : null,
    content,
  };
}

export type CreateDraftResult =
  { kind: "created"; id: string } | { kind: "missing"; missing: MissingDatum[] } | { kind: "refused"; message: string } | { kind: "not-found" };

/** The one eligibility function's refusal for drafting this nomination (the act is still to come), or null. */
async function draftRefusal(tx: Tx, n: NominationForDraft): Promise<string | null> {
  const honour = n.honour as Honour;
  return refusalMessage(
    await eligibilityFindings(tx, {
      honour,
      medalClass: honour === "CRACOVIAE_MERENTI" ? (((n.opinionClass ?? n.requestedClass) as MedalClass | null) ?? null) : null,
      receivedDate: n.receivedDate,
      candidateId: n.candidateId,
      nominationId: n.id,
      forwardedOn: n.forwardedOn,
    }),
  );
}

/** What a new draft for this nomination still lacks (empty: it can be generated). */
export async function missingForNominationDraft(nominationId: string): Promise<MissingDatum[] | null> {
  const n = await loadNomination(db(), nominationId);
  if (!n) return null;
  const inputs = await inputsFor(db(), n, todayIso(), { printNumber: "", mover: "", merits: "" }, null);
  return missingForDraft(inputs);
}

export async function createDraft(nominationId: string, actor: Actor): Promise<CreateDraftResult> {
  return db().$transaction(async (tx) => {
    const n = await loadNomination(tx, nominationId);
    if (!n) return { kind: "not-found" as const };
    const refusal = await draftRefusal(tx, n);
    if (refusal) return { kind: "refused" as const, message: refusal };
    const base = await inputsFor(tx, n, todayIso(), { printNumber: "", mover: "", merits: "" }, null);
    const missing = missingForDraft(base);
    if (missing.length) return { kind: "missing" as const, missing };
    const content: DraftContent = { printNumber: "", mover: defaultMover(base), merits: n.merits || "……" };
    const draft = await tx.resolutionDraft.create({
      data: {
        honour: n.honour,
        medalClass: base.medalClass,
        councilTermId: n.councilTermId,
        nominations: { create: { nominationId: n.id } },
        versions: { create: { number: 1, content: JSON.stringify(content), authorId: actor.userId } },
      },
    });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "CREATE",
      entityType: "ResolutionDraft",
      entityId: draft.id,
      after: { nominationId: n.id, version: 1 },
    });
    return { kind: "created" as const, id: draft.id };
  });
}

export async function getDraft(draftId: string) {
  const draft = await db().resolutionDraft.findUnique({
    where: { id: draftId },
    include: {
      nominations: { orderBy: { position: "asc" }, include: { nomination: { include: { candidate: true } } } },
      versions: { orderBy: { number: "desc" }, include: { author: { select: { name: true } } } },
      resolution: true,
      ordinance: true,
    },
  });
  if (!draft) return null;
  return { ...draft, versions: draft.versions.map((v) => ({ ...v, content: DraftContent.parse(JSON.parse(v.content)) })) };
}

export async function listDraftsOfNomination(nominationId: string) {
  return db().resolutionDraft.findMany({
    where: { nominations: { some: { nominationId } } },
    orderBy: { createdAt: "desc" },
    include: { versions: { orderBy: { number: "desc" }, take: 1, include: { author: { select: { name: true } } } } },
  });
}

/** Drafts not yet decided by the Council, oldest first. */
export async function listWaitingDrafts() {
  return db().resolutionDraft.findMany({
    where: { status: { in: ["DRAFT", "FORWARDED"] } },
    orderBy: { createdAt: "asc" },
    include: {
      nominations: { include: { nomination: { select: { id: true, status: true, candidate: { select: { displayName: true } } } } } },
      versions: { orderBy: { number: "desc" }, take: 1 },
    },
  });
}

export type SaveResult = { kind: "saved"; version: number } | { kind: "frozen" } | { kind: "conflict"; latest: number } | { kind: "not-found" };

/** Saves a new version; refused when the draft is frozen or someone saved since `baseVersion`. */
export async function saveDraftVersion(draftId: string, content: DraftContent, baseVersion: number, actor: Actor): Promise<SaveResult> {
  return db().$transaction(async (tx) => {
    const draft = await tx.resolutionDraft.findUnique({ where: { id: draftId }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
    if (!draft) return { kind: "not-found" as const };
    if (draft.frozenVersionId) return { kind: "frozen" as const };
    const latest = draft.versions[0]?.number ?? 0;
    if (latest !== baseVersion) return { kind: "conflict" as const, latest };
    const number = latest + 1;
    await tx.resolutionDraftVersion.create({ data: { draftId, number, content: JSON.stringify(content), authorId: actor.userId } });
    await tx.resolutionDraft.update({ where: { id: draftId }, data: { printNumber: content.printNumber, version: { increment: 1 } } });
    await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "ResolutionDraft", entityId: draftId, after: { version: number } });
    return { kind: "saved" as const, version: number };
  });
}

/** Restoring an older version saves its content as the newest version. */
export async function restoreDraftVersion(draftId: string, versionNumber: number, baseVersion: number, actor: Actor): Promise<SaveResult> {
  const old = await db().resolutionDraftVersion.findUnique({ where: { draftId_number: { draftId, number: versionNumber } } });
  if (!old) return { kind: "not-found" };
  return saveDraftVersion(draftId, DraftContent.parse(JSON.parse(old.content)), baseVersion, actor);
}

/** Freezes the drafts of an adopted nomination at their latest version (called in the adopting transaction). */
export async function freezeDraftsOnAdoption(tx: Tx, nominationId: string, resolutionId: string) {
  const drafts = await tx.resolutionDraft.findMany({
    where: { nominations: { some: { nominationId } }, frozenVersionId: null },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  for (const d of drafts) {
    const latest = d.versions[0];
    if (!latest) continue;
    await tx.resolutionDraft.update({
      where: { id: d.id },
      data: { status: "ADOPTED", frozenVersionId: latest.id, resolutionId: d.resolutionId ? undefined : resolutionId, version: { increment: 1 } },
    });
  }
}

/** One document of a draft at a version (the latest by default), ready for a renderer. */
export async function draftDocument(draftId: string, document: DraftDocument, versionNumber?: number): Promise<{ doc: Document; fileStem: string } | null> {
  const draft = await getDraft(draftId);
  const link = draft?.nominations[0];
  if (!draft || !link) return null;
  const version = versionNumber ? draft.versions.find((v) => v.number === versionNumber) : draft.versions[0];
  if (!version) return null;
  const [n, ...others] = await Promise.all(draft.nominations.map((l) => loadNomination(db(), l.nominationId)));
  if (!n || others.some((o) => !o)) return null;
  const date = n.conferral?.resolution?.adoptedOn ?? todayIso();
  const ordinance = draft.ordinance ? { number: draft.ordinance.number, issuedOn: draft.ordinance.issuedOn } : null;
  const inputs = await inputsFor(db(), n, date, version.content, ordinance, others as NominationForDraft[]);
  // A draft of the Council Chair or a committee goes to the Council without a Mayor's ordinance.
  if (!draftDocumentsOf(moverOf(inputs)).includes(document)) return null;
  const doc = draftTemplate(templateFileOf(document, inputs.honour)).render(templateData(inputs));
  return { doc, fileStem: n.caseReference || n.id };
}

/** Who moves the draft at its latest version, and the documents it therefore has. */
export async function draftMover(draftId: string) {
  const draft = await db().resolutionDraft.findUnique({
    where: { id: draftId },
    include: {
      nominations: { orderBy: { position: "asc" }, take: 1, include: { nomination: { include: { nominators: true } } } },
      versions: { orderBy: { number: "desc" }, take: 1 },
    },
  });
  const n = draft?.nominations[0]?.nomination;
  const latest = draft?.versions[0];
  if (!draft || !n || !latest) return null;
  const content = DraftContent.parse(JSON.parse(latest.content));
  const movedBy = moverOf({ honour: draft.honour as Honour, nominatorKinds: n.nominators.map((x) => x.kind), content });
  return { movedBy, committee: content.committee ?? "", documents: draftDocumentsOf(movedBy) };
}

/** Statuses in which a medal nomination may still join a draft (positive opinion, before the Council). */
const JOINABLE_STATUSES = ["OPINION_POSITIVE", "DRAFT_PREPARED"];

/**
 * Cracoviae Merenti nominations that may join this draft: the same medal class, a positive
 * Commission opinion, in no other open draft. (Honorary Citizenship: one resolution each.)
 */
export async function nominationsJoinable(draftId: string) {
  const draft = await db().resolutionDraft.findUnique({ where: { id: draftId }, include: { nominations: true } });
  if (!draft || draft.honour !== "CRACOVIAE_MERENTI" || draft.frozenVersionId) return [];
  const candidates = await db().nomination.findMany({
    where: {
      honour: "CRACOVIAE_MERENTI",
      status: { in: JOINABLE_STATUSES },
      id: { notIn: draft.nominations.map((l) => l.nominationId) },
      draftLinks: { none: { draft: { frozenVersionId: null } } },
    },
    include: { candidate: { select: { displayName: true } } },
    orderBy: { sortName: "asc" },
  });
  return candidates
    .filter((n) => (n.opinionClass ?? n.requestedClass) === draft.medalClass)
    .map((n) => ({ id: n.id, name: n.candidate.displayName, caseReference: n.caseReference }));
}

export type JoinResult = { kind: "joined" } | { kind: "refused"; message: string } | { kind: "missing"; missing: MissingDatum[] };

/** Adds a nomination to a draft as a new version whose justification gains its merits. */
export async function addNominationToDraft(draftId: string, nominationId: string, actor: Actor): Promise<JoinResult> {
  const joinable = await nominationsJoinable(draftId);
  if (!joinable.some((j) => j.id === nominationId)) {
    return {
      kind: "refused",
      message: "Tego wniosku nie można dołączyć: projekt obejmuje tylko medale tej samej klasy z pozytywną opinią Komisji, bez innego otwartego projektu.",
    };
  }
  return db().$transaction(async (tx) => {
    const n = (await loadNomination(tx, nominationId))!;
    const refusal = await draftRefusal(tx, n);
    if (refusal) return { kind: "refused" as const, message: refusal };
    const candidate = candidateOf(n);
    const missing = missingForCandidate(candidate, true);
    if (missing.length) return { kind: "missing" as const, missing };
    const draft = await tx.resolutionDraft.findUniqueOrThrow({
      where: { id: draftId },
      include: { versions: { orderBy: { number: "desc" }, take: 1 }, nominations: true },
    });
    const latest = draft.versions[0]!;
    const content = DraftContent.parse(JSON.parse(latest.content));
    const merits = `${content.merits}\n\n${candidate.nameNominative}: ${n.merits || "……"}`;
    await tx.resolutionDraftNomination.create({ data: { draftId, nominationId, position: draft.nominations.length } });
    await tx.resolutionDraftVersion.create({
      data: { draftId, number: latest.number + 1, content: JSON.stringify({ ...content, merits }), authorId: actor.userId },
    });
    await tx.resolutionDraft.update({ where: { id: draftId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "ResolutionDraft",
      entityId: draftId,
      after: { addedNominationId: nominationId, version: latest.number + 1 },
    });
    return { kind: "joined" as const };
  });
}
