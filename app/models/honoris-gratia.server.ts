// The Honoris Gratia desk: intake, the list and deadline board, bulk decisions, decision
// documents' data, stock and statistics. Rules live in app/domain/honoris-gratia.ts; workflow
// steps go through applyTransition (app/models/workflow.server.ts), the one transition path.
import { Prisma } from "#app/generated/prisma/client.ts";
import { honorisGratiaDueDate, dueWindow, HG_OPEN_STATUSES } from "#app/domain/deadlines";
import {
  BULK_TARGET,
  batchShortfall,
  formatBadgeNumber,
  hgStatistics,
  mostProposedEvent,
  planBulk,
  runBulk,
  statusesOfQuery,
  stockLevels,
  HG_PAGE_SIZE,
  type BulkInput,
  type BulkRow,
  type BulkSummary,
  type DecisionRow,
  type HgIntakeInput,
  type HgListQuery,
  type LaureateInput,
  type StockMovementInput,
} from "#app/domain/honoris-gratia";
import { valueOn } from "#app/domain/settings";
import { escapeLike } from "#app/domain/search-text";
import { searchTermOf } from "#app/domain/nomination-list";
import { transitionSchema } from "#app/domain/transition-form";
import { INITIAL_STATUS, type Status } from "#app/domain/workflow";
import type { CandidateInput } from "#app/domain/nomination-form";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { signatoryOn } from "./settings.server";
import { eligibilityFindings, refusalMessage } from "./eligibility.server";
import { candidateData, findPossibleDuplicates, searchTextOf } from "./nomination.server";
import { applyTransitionInBatch, TransitionBatch } from "./workflow.server";

type Actor = { userId: string | null };

const NUMBERING_KEY = "numbering.HONORIS_GRATIA";

// ---------------------------------------------------------------- intake

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
            .map((c) => `${c.honour === "HONORIS_GRATIA" ? "Odznaka „Honoris Gratia”" : c.honour === "CRACOVIAE_MERENTI" ? "Medal „Cracoviae Merenti”" : "Honorowe Obywatelstwo"}${c.number ? ` nr ${c.number}` : ""} (${c.conferredOn.slice(0, 4)})`),
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
  | { kind: "refused"; message: string };

class Refused extends Error {}

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
          proposedEventName: input.proposedEventName,
          proposedHandoverDate: input.proposedHandoverDate ?? null,
          caseReference: input.caseReference,
        },
      });
      const nominator = { kind: input.applicantKind, name: input.applicantName, contact: input.applicantContact, position: 0 };
      const nominationIds: string[] = [];
      for (const [i, l] of input.laureates.entries()) {
        let candidate = l.candidateId ? await tx.candidate.findUnique({ where: { id: l.candidateId } }) : null;
        if (l.candidateId && !candidate) throw new Refused("Wybrany kandydat nie istnieje.");
        if (!candidate) {
          const data = candidateData(candidateInputOf(l));
          candidate = await tx.candidate.create({ data });
          await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Candidate", entityId: candidate.id, after: data });
        }
        const refusal = refusalMessage(await eligibilityFindings(tx, { honour: "HONORIS_GRATIA", medalClass: null, receivedDate: input.receivedDate, candidateId: candidate.id }));
        if (refusal) throw new Refused(`${candidate.displayName}: ${refusal}`);
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
          after: { honour: "HONORIS_GRATIA", receivedDate: input.receivedDate, dueDate, caseReference: input.caseReference, merits: input.merits, nominators: [input.applicantName] },
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
          proposedEventName: input.proposedEventName,
          proposedHandoverDate: application.proposedHandoverDate,
          laureates: nominationIds.length,
        },
      });
      return { kind: "created" as const, id: application.id, nominationIds };
    });
  } catch (error) {
    if (error instanceof Refused) return { kind: "refused", message: error.message };
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
        select: { id: true, status: true, dueDate: true, candidate: { select: { id: true, displayName: true, birthYear: true, city: true } }, conferral: { select: { number: true, conferredOn: true } } },
      },
    },
  });
}

// ---------------------------------------------------------------- list, board, CSV

/** A search term of 3+ characters is looked up in the register's trigram index (migration nomination_search). */
function trigramTermOf(query: HgListQuery): string | null {
  const term = searchTermOf(query.q);
  return term && [...term].length >= 3 ? term : null;
}

/**
 * The rows the list's filters run over, as "Nomination" n. A trigram search starts from the index's
 * matches and looks each one up by id (CROSS JOIN keeps that order): a few thousand lookups
 * instead of testing every Honoris Gratia row against the list of matches.
 */
function sourceSql(query: HgListQuery): Prisma.Sql {
  return trigramTermOf(query) ? Prisma.sql`"NominationSearch" s CROSS JOIN "Nomination" n ON n."id" = s."nominationId"` : Prisma.sql`"Nomination" n`;
}

/** The list's filters as SQL over sourceSql (the board index serves the default query). */
function conditionsSql(query: HgListQuery, today: string): Prisma.Sql {
  const parts = [Prisma.sql`n."honour" = 'HONORIS_GRATIA'`, Prisma.sql`n."status" IN (${Prisma.join(statusesOfQuery(query))})`];
  if (query.channel) parts.push(Prisma.sql`n."hgApplicationId" IN (SELECT "id" FROM "HonorisGratiaApplication" WHERE "channel" = ${query.channel})`);
  if (query.year) parts.push(Prisma.sql`n."receivedDate" BETWEEN ${`${query.year}-01-01`} AND ${`${query.year}-12-31`}`);
  const term = searchTermOf(query.q);
  const trigramTerm = trigramTermOf(query);
  if (trigramTerm) {
    parts.push(Prisma.sql`s."NominationSearch" MATCH ${`"${trigramTerm.replaceAll('"', '""')}"`}`);
  } else if (term) {
    // Too short for trigrams: tested row by row.
    parts.push(Prisma.sql`n."searchText" LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`);
  }
  const { overdueBefore, dueSoonUntil } = dueWindow(today);
  if (query.due === "overdue") parts.push(Prisma.sql`n."dueDate" < ${overdueBefore}`);
  if (query.due === "this-week") parts.push(Prisma.sql`n."dueDate" BETWEEN ${overdueBefore} AND ${dueSoonUntil}`);
  return Prisma.join(parts, " AND ");
}

/** Most urgent first: the earliest due date (overdue ones come first), then the oldest receipt. */
const URGENCY_SQL = Prisma.sql`n."dueDate" ASC NULLS LAST, n."receivedDate" ASC, n."id" ASC`;
const URGENCY_ORDER = [{ dueDate: { sort: "asc", nulls: "last" } }, { receivedDate: "asc" }, { id: "asc" }] satisfies Prisma.NominationOrderByWithRelationInput[];

type RawRow = {
  id: string;
  status: string;
  receivedDate: string;
  dueDate: string | null;
  caseReference: string;
  displayName: string;
  birthYear: number | bigint | null;
  city: string;
  kind: string;
  applicationId: string | null;
  channel: string | null;
  epuapSubmissionId: string | null;
  applicantName: string | null;
  proposedEventName: string | null;
  proposedHandoverDate: string | null;
  number: number | bigint | null;
  conferredOn: string | null;
  total: number | bigint | null;
};

export type HgRow = {
  id: string;
  status: string;
  receivedDate: string;
  dueDate: string | null;
  caseReference: string;
  candidate: { displayName: string; birthYear: number | null; city: string; kind: string };
  hgApplication: { id: string; channel: string; epuapSubmissionId: string | null; applicantName: string; proposedEventName: string; proposedHandoverDate: string | null } | null;
  conferral: { number: number | null; conferredOn: string } | null;
  badgeNumber: string | null;
};

/** Prints badge numbers in the format valid on each decision's date (one settings read). */
export async function badgeNumberFormatter(client: Tx = db()) {
  const formats = await client.datedSetting.findMany({ where: { key: NUMBERING_KEY } });
  return (number: number | null, decisionDate: string) => (number === null ? null : formatBadgeNumber(valueOn(formats, NUMBERING_KEY, decisionDate)?.value, number, decisionDate));
}

/**
 * The rows of a filter, most urgent first, in one statement: the page's ids are ordered from the
 * board index alone (no table row read for the rows not shown), then joined with what is shown.
 */
async function hgRows(query: HgListQuery, today: string, page: { limit: number; offset: number } | null, withTotal = false): Promise<{ rows: HgRow[]; total: number | null }> {
  const limit = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  // The number of all matching rows, from the same pass (it costs reading them all, so only on request).
  const total = withTotal ? Prisma.sql`count(*) OVER ()` : Prisma.sql`NULL`;
  const [raw, format] = await Promise.all([
    db().$queryRaw<RawRow[]>`
      SELECT n."id", n."status", n."receivedDate", n."dueDate", n."caseReference",
             c."displayName", c."birthYear", c."city", c."kind",
             h."id" AS "applicationId", h."channel", h."epuapSubmissionId", h."applicantName", h."proposedEventName", h."proposedHandoverDate",
             f."number", f."conferredOn", p."total"
        FROM (SELECT n."id", ${total} AS "total" FROM ${sourceSql(query)} WHERE ${conditionsSql(query, today)} ORDER BY ${URGENCY_SQL} ${limit}) p
        JOIN "Nomination" n ON n."id" = p."id"
        JOIN "Candidate" c ON c."id" = n."candidateId"
        LEFT JOIN "HonorisGratiaApplication" h ON h."id" = n."hgApplicationId"
        LEFT JOIN "Conferral" f ON f."nominationId" = n."id"
       ORDER BY ${URGENCY_SQL}`,
    badgeNumberFormatter(),
  ]);
  const rows = raw.map((r) => {
    const number = r.number === null ? null : Number(r.number);
    return {
      id: r.id,
      status: r.status,
      receivedDate: r.receivedDate,
      dueDate: r.dueDate,
      caseReference: r.caseReference,
      candidate: { displayName: r.displayName, birthYear: r.birthYear === null ? null : Number(r.birthYear), city: r.city, kind: r.kind },
      hgApplication: r.applicationId
        ? { id: r.applicationId, channel: r.channel!, epuapSubmissionId: r.epuapSubmissionId, applicantName: r.applicantName!, proposedEventName: r.proposedEventName!, proposedHandoverDate: r.proposedHandoverDate }
        : null,
      conferral: r.conferredOn ? { number, conferredOn: r.conferredOn } : null,
      badgeNumber: r.conferredOn ? format(number, r.conferredOn) : null,
    };
  });
  return { rows, total: raw[0]?.total == null ? null : Number(raw[0].total) };
}

/** A page of the list; `knownTotal` spares the count when the caller has it (the plain board). */
export async function listHg(query: HgListQuery, today: string, knownTotal?: number): Promise<{ total: number; rows: HgRow[] }> {
  const page = { limit: HG_PAGE_SIZE, offset: (query.page - 1) * HG_PAGE_SIZE };
  if (knownTotal === undefined && trigramTermOf(query)) {
    // A search is mostly the index lookup: the page and the number of matches come from one pass
    // (a page past the end has no row to carry the number, and is counted below).
    const { rows, total } = await hgRows(query, today, page, true);
    if (rows.length || query.page === 1) return { total: total ?? 0, rows };
  }
  const [total, { rows }] = await Promise.all([
    knownTotal ?? db().$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n FROM ${sourceSql(query)} WHERE ${conditionsSql(query, today)}`.then(([{ n }]) => Number(n)),
    hgRows(query, today, page),
  ]);
  return { total, rows };
}

/** Every row matching the filter (the CSV export), most urgent first. */
export async function allHgRows(query: HgListQuery, today: string): Promise<HgRow[]> {
  return (await hgRows(query, today, null)).rows;
}

/** The ids of every row matching the filter ("select all matching"). */
export async function hgMatchingIds(query: HgListQuery, today: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT n."id" FROM ${sourceSql(query)} WHERE ${conditionsSql(query, today)} ORDER BY ${URGENCY_SQL}`;
  return rows.map((r) => r.id);
}

/** Open applications per urgency, for the board's heading: one pass over the board index. */
export async function hgDeadlineCounts(today: string) {
  const { overdueBefore, dueSoonUntil } = dueWindow(today);
  const [row] = await db().$queryRaw<[{ open: number | bigint; overdue: number | bigint | null; thisWeek: number | bigint | null }]>`
    SELECT count(*) AS "open",
           sum(n."dueDate" < ${overdueBefore}) AS "overdue",
           sum(n."dueDate" BETWEEN ${overdueBefore} AND ${dueSoonUntil}) AS "thisWeek"
      FROM "Nomination" n
     WHERE n."honour" = 'HONORIS_GRATIA' AND n."status" IN (${Prisma.join([...HG_OPEN_STATUSES])})`;
  return { open: Number(row.open), overdue: Number(row.overdue ?? 0), thisWeek: Number(row.thisWeek ?? 0) };
}

// ---------------------------------------------------------------- bulk work

/** The selected Honoris Gratia nominations (others are ignored), in the list's order. */
export async function bulkRows(ids: readonly string[]): Promise<BulkRow[]> {
  if (!ids.length) return [];
  const rows = await db().nomination.findMany({
    where: { id: { in: [...ids] }, honour: "HONORIS_GRATIA" },
    orderBy: URGENCY_ORDER,
    select: { id: true, status: true, candidate: { select: { displayName: true } } },
  });
  return rows.map((r) => ({ id: r.id, status: r.status as Status, name: r.candidate.displayName }));
}

/** A bulk action holds the write lock for its whole batch (500 rows take about half a second). */
const BULK_TIMEOUT_MS = 120_000;

/**
 * Moves each eligible row through the workflow (applyTransitionInBatch, the one transition path):
 * one audit event per row, and each row behind its own savepoint, so a refused or failing row is
 * reported and left as it was while the others complete. The batch commits once.
 */
export async function runHgBulk(input: BulkInput, ids: readonly string[], actor: Actor, today: string): Promise<BulkSummary> {
  const plan = planBulk(await bulkRows(ids), input.bulkAction);
  const to = BULK_TARGET[input.bulkAction];
  const schema = transitionSchema("HONORIS_GRATIA", to, today);
  return db().$transaction(
    async (tx) => {
      const batch = new TransitionBatch(tx);
      const versions = await batch.load(plan.eligible.map((r) => r.id));
      return runBulk(plan, async (row) => {
        const version = versions.get(row.id);
        if (version === undefined) return { ok: false, message: "wniosek nie istnieje" };
        const step = schema.safeParse({ version, eventDate: input.eventDate, actNumber: input.actNumber, reason: input.reason });
        if (!step.success) return { ok: false, message: step.error.issues.map((i) => i.message).join(" ") };
        const result = await applyTransitionInBatch(batch, row.id, to, step.data, actor);
        if (result.kind === "done") return { ok: true };
        if (result.kind === "refused") return { ok: false, message: result.message };
        if (result.kind === "conflict") return { ok: false, message: "wniosek został w międzyczasie zmieniony przez kogoś innego" };
        return { ok: false, message: "wniosek nie istnieje" };
      });
    },
    { timeout: BULK_TIMEOUT_MS, maxWait: BULK_TIMEOUT_MS },
  );
}

/** The event the applications of these nominations propose most often (mostProposedEvent). */
export async function proposedEventOf(nominationIds: readonly string[]) {
  if (!nominationIds.length) return null;
  const rows = await db().nomination.findMany({
    where: { id: { in: [...nominationIds] } },
    select: { hgApplication: { select: { proposedEventName: true, proposedHandoverDate: true } } },
  });
  return mostProposedEvent(rows.flatMap((r) => r.hgApplication ?? []));
}

// ---------------------------------------------------------------- decisions and letters

export function listHgDecisions() {
  return db().ordinance.findMany({
    where: { kind: "HG_DECISION" },
    orderBy: [{ issuedOn: "desc" }, { number: "desc" }],
    select: { id: true, number: true, issuedOn: true, _count: { select: { conferrals: true } } },
    take: 200,
  });
}

/** Everything the Mayor's decision and the letters to applicants print, or null. */
export async function hgDecisionData(ordinanceId: string) {
  const ordinance = await db().ordinance.findUnique({
    where: { id: ordinanceId },
    include: {
      conferrals: {
        where: { honour: "HONORIS_GRATIA" },
        orderBy: [{ number: "asc" }, { id: "asc" }],
        include: {
          candidate: { select: { displayName: true, nameNominative: true, city: true } },
          nomination: { select: { caseReference: true, hgApplication: true } },
        },
      },
    },
  });
  if (!ordinance || ordinance.kind !== "HG_DECISION") return null;
  const [format, mayor] = await Promise.all([
    badgeNumberFormatter(),
    signatoryOn("MAYOR", ordinance.issuedOn),
  ]);
  const laureates = ordinance.conferrals.map((c) => ({
    conferralId: c.id,
    name: c.candidate.nameNominative || c.candidate.displayName,
    city: c.candidate.city,
    number: format(c.number, c.conferredOn) ?? "",
    application: c.nomination?.hgApplication ?? null,
    caseReference: c.nomination?.caseReference ?? "",
  }));
  // One letter per application (a letter may have proposed several laureates).
  const letters = new Map<string, { application: NonNullable<(typeof laureates)[number]["application"]>; laureates: typeof laureates }>();
  for (const l of laureates) {
    if (!l.application) continue;
    const entry = letters.get(l.application.id) ?? { application: l.application, laureates: [] };
    entry.laureates.push(l);
    letters.set(l.application.id, entry);
  }
  return { ordinance: { id: ordinance.id, number: ordinance.number, issuedOn: ordinance.issuedOn }, laureates, letters: [...letters.values()], mayor };
}
export type HgDecisionData = NonNullable<Awaited<ReturnType<typeof hgDecisionData>>> & { draft?: true };

/** The id under which the draft of the next decision is shown (/hg/decisions/draft). */
export const DRAFT_DECISION_ID = "draft";

/**
 * The draft of the Mayor's next decision: the applications whose decision is being prepared
 * (DECISION_PREPARED), without number, date or badge numbers yet; letters come after the decision.
 */
export async function hgDraftDecisionData(today: string): Promise<HgDecisionData> {
  const [prepared, mayor] = await Promise.all([
    db().nomination.findMany({
      where: { honour: "HONORIS_GRATIA", status: "DECISION_PREPARED" },
      orderBy: [{ sortName: "asc" }, { id: "asc" }],
      select: { id: true, caseReference: true, candidate: { select: { displayName: true, nameNominative: true, city: true } } },
    }),
    signatoryOn("MAYOR", today),
  ]);
  return {
    draft: true,
    ordinance: { id: DRAFT_DECISION_ID, number: "……", issuedOn: today },
    laureates: prepared.map((n) => ({ conferralId: n.id, name: n.candidate.nameNominative || n.candidate.displayName, city: n.candidate.city, number: "……", application: null, caseReference: n.caseReference })),
    letters: [],
    mayor,
  };
}

// ---------------------------------------------------------------- stock

export async function stockSummary() {
  const [movements, ceremonies] = await Promise.all([
    db().stockMovement.findMany({ orderBy: [{ date: "desc" }, { createdAt: "desc" }], include: { ceremony: { select: { id: true, title: true, date: true } } } }),
    db().ceremony.findMany({ where: { status: { notIn: ["CANCELLED"] } }, orderBy: { date: "desc" }, select: { id: true, title: true, date: true }, take: 100 }),
  ]);
  return { levels: stockLevels(movements), movements, ceremonies };
}

/**
 * Whether a planned batch of `laureates` hand-overs (one badge and one diploma blank each)
 * exceeds the stock: the shortfalls, empty when there is enough. For the ceremonies module.
 */
export async function checkPlannedBatch(laureates: number, client: Tx = db()) {
  const movements = await client.stockMovement.findMany({ select: { item: true, quantity: true } });
  return batchShortfall(stockLevels(movements), laureates);
}

export type StockResult = { kind: "saved"; id: string } | { kind: "refused"; field: string; message: string };

export async function recordStockMovement(input: StockMovementInput, actor: Actor): Promise<StockResult> {
  return db().$transaction(async (tx) => {
    if (input.ceremonyId && !(await tx.ceremony.findUnique({ where: { id: input.ceremonyId }, select: { id: true } }))) {
      return { kind: "refused" as const, field: "ceremonyId", message: "Wybrana uroczystość nie istnieje." };
    }
    if (input.signedQuantity < 0) {
      const level = stockLevels(await tx.stockMovement.findMany({ where: { item: input.item }, select: { item: true, quantity: true } }))[input.item];
      if (level.left + input.signedQuantity < 0) {
        return { kind: "refused" as const, field: "quantity", message: `W magazynie zostało ${level.left} szt.: nie można wydać ${input.quantity}.` };
      }
    }
    const row = await tx.stockMovement.create({
      data: { item: input.item, quantity: input.signedQuantity, date: input.date, ceremonyId: input.ceremonyId || null, note: input.note },
    });
    await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "StockMovement", entityId: row.id, after: { item: row.item, quantity: row.quantity, date: row.date, ceremonyId: row.ceremonyId, note: row.note } });
    return { kind: "saved" as const, id: row.id };
  });
}

// ---------------------------------------------------------------- statistics

export async function hgStatisticsData() {
  const [badges, refusals] = await Promise.all([
    db().conferral.findMany({
      where: { honour: "HONORIS_GRATIA" },
      select: { conferredOn: true, nomination: { select: { receivedDate: true, hgApplication: { select: { channel: true } } } } },
    }),
    // A refusal's decision date is the step's date in its audit event.
    db().$queryRaw<{ receivedDate: string; decidedOn: string | null; channel: string | null }[]>`
      SELECT n."receivedDate", json_extract(a."after", '$.eventDate') AS "decidedOn", h."channel"
        FROM "AuditEvent" a
        JOIN "Nomination" n ON n."id" = a."entityId"
        LEFT JOIN "HonorisGratiaApplication" h ON h."id" = n."hgApplicationId"
       WHERE a."entityType" = 'Nomination' AND a."action" = 'TRANSITION' AND a."toStatus" = 'REFUSED' AND n."honour" = 'HONORIS_GRATIA'`,
  ]);
  const decisions: DecisionRow[] = [
    ...badges.filter((b) => b.nomination).map((b) => ({ receivedDate: b.nomination!.receivedDate, decidedOn: b.conferredOn, granted: true, channel: b.nomination!.hgApplication?.channel ?? null })),
    ...refusals.filter((r) => r.decidedOn).map((r) => ({ receivedDate: r.receivedDate, decidedOn: r.decidedOn!, granted: false, channel: r.channel })),
  ];
  return hgStatistics(
    badges.map((b) => ({ conferredOn: b.conferredOn, channel: b.nomination?.hgApplication?.channel ?? null })),
    decisions,
  );
}
