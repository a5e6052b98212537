// Nominations: the register's reads and writes. Every write is one transaction with its audit event.
import { randomUUID } from "node:crypto";
import { Prisma } from "#app/generated/prisma/client.ts";
import { assigneeIdOf } from "#app/domain/assignee";
import { honoraryCitizenshipRound, honorisGratiaDueDate } from "#app/domain/deadlines";
import type { Honour, NominatorKind } from "#app/domain/honours";
import { PAGE_SIZE, searchTermOf, type NominationListQuery } from "#app/domain/nomination-list";
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

const LIST_SELECT = {
  id: true,
  honour: true,
  requestedClass: true,
  status: true,
  receivedDate: true,
  caseReference: true,
  candidate: { select: { id: true, displayName: true, kind: true, isDemo: true } },
  councilTerm: { select: { number: true } },
  nominators: { select: { name: true }, orderBy: { position: "asc" } },
} satisfies Prisma.NominationSelect;

const ORDER_BY = {
  "received-desc": [{ receivedDate: "desc" as const }, { id: "desc" as const }],
  "received-asc": [{ receivedDate: "asc" as const }, { id: "asc" as const }],
  "name-asc": [{ sortName: "asc" as const }, { id: "asc" as const }],
  "name-desc": [{ sortName: "desc" as const }, { id: "desc" as const }],
};
const ORDER_SQL = {
  "received-desc": Prisma.sql`n."receivedDate" DESC, n."id" DESC`,
  "received-asc": Prisma.sql`n."receivedDate" ASC, n."id" ASC`,
  "name-asc": Prisma.sql`n."sortName" ASC, n."id" ASC`,
  "name-desc": Prisma.sql`n."sortName" DESC, n."id" DESC`,
};

// Search strategy (measured in bench/): a term of 3+ characters is counted in the trigram index
// "NominationSearch" (migration nomination_search). Few matches: the page is read through that
// index. Many matches: walking the sort index and testing each row finds a page sooner.

/** Reading a match through the trigram index costs about this many rows walked in a B-tree. */
const MATCH_COST_IN_ROWS = 2.5;

/** The list's filters (without the name search) as a Prisma condition. */
function listWhere(query: NominationListQuery, viewerId: string): Prisma.NominationWhereInput {
  const where: Prisma.NominationWhereInput = {};
  const assigneeId = assigneeIdOf(query.prowadzacy, viewerId);
  if (assigneeId !== undefined) where.assigneeId = assigneeId;
  if (query.honour) where.honour = query.honour;
  if (query.medalClass) where.requestedClass = query.medalClass;
  if (query.status) where.status = query.status;
  if (query.term) where.councilTerm = { number: query.term };
  if (query.year) where.receivedDate = { gte: `${query.year}-01-01`, lte: `${query.year}-12-31` };
  if (query.round) where.roundYear = query.round;
  return where;
}

/** `viewerId`: the signed-in user, whose cases the „moje” filter shows. */
export async function listNominations(query: NominationListQuery, viewerId: string) {
  const where = listWhere(query, viewerId);
  const orderBy = ORDER_BY[query.sort];
  const skip = (query.page - 1) * PAGE_SIZE;
  const filtered = Object.keys(where).length > 0;

  const term = searchTermOf(query.q);
  if (term && [...term].length >= 3) {
    // A quoted FTS5 phrase of trigrams matches exactly what LIKE '%term%' matches.
    const phrase = `"${term.replaceAll('"', '""')}"`;
    const [{ n }] = await db().$queryRaw<[{ n: number | bigint }]>`
      SELECT count(*) AS n FROM "NominationSearch" WHERE "NominationSearch" MATCH ${phrase}`;
    const matches = Number(n);
    if (matches === 0) return { total: 0, rows: [] };
    // Few matches: read them through the trigram index. Many: walk the sort index and test each
    // row (with filters the count walks every filtered row; without, a page needs ~page*N/matches).
    const walked = filtered ? await db().nomination.count({ where }) : ((skip + PAGE_SIZE) * (await approximateNominationCount())) / matches;
    const sparse = MATCH_COST_IN_ROWS * matches <= walked;
    if (sparse) return listSparseMatches(query, viewerId, phrase, skip, filtered ? null : matches);
    where.searchText = { contains: term };
    const [total, rows] = await Promise.all([
      filtered ? db().nomination.count({ where }) : Promise.resolve(matches),
      db().nomination.findMany({ where, orderBy, skip, take: PAGE_SIZE, select: LIST_SELECT }),
    ]);
    return { total, rows };
  }
  if (term) where.searchText = { contains: term };

  const [total, rows] = await Promise.all([
    db().nomination.count({ where }),
    db().nomination.findMany({ where, orderBy, skip, take: PAGE_SIZE, select: LIST_SELECT }),
  ]);
  return { total, rows };
}

const EXPORT_SELECT = {
  ...LIST_SELECT,
  roundYear: true,
  opinion: true,
  opinionClass: true,
  dueDate: true,
  closingReason: true,
  candidate: { select: { id: true, displayName: true, kind: true, isDemo: true } },
  conferral: { select: { number: true, conferredOn: true, handedOverOn: true } },
} satisfies Prisma.NominationSelect;

/** Every nomination the list's filter and search match, in the list's order (the CSV export). */
export async function allNominations(query: NominationListQuery, viewerId: string) {
  const where = listWhere(query, viewerId);
  const term = searchTermOf(query.q);
  if (term) where.searchText = { contains: term };
  return db().nomination.findMany({ where, orderBy: ORDER_BY[query.sort], select: EXPORT_SELECT });
}

async function approximateNominationCount(): Promise<number> {
  const [{ n }] = await db().$queryRaw<[{ n: number | bigint | null }]>`SELECT max(rowid) AS n FROM "Nomination"`;
  return Number(n ?? 0);
}

/** The page of a search with few matches: driven by the trigram index, counted in the same pass. */
async function listSparseMatches(query: NominationListQuery, viewerId: string, phrase: string, skip: number, knownTotal: number | null) {
  const conditions = Prisma.join(
    [Prisma.sql`n."id" IN (SELECT "nominationId" FROM "NominationSearch" WHERE "NominationSearch" MATCH ${phrase})`, ...filterSql(query, viewerId)],
    " AND ",
  );
  const page = await db().$queryRaw<{ id: string; total: number | bigint }[]>`
    SELECT n."id", count(*) OVER () AS total FROM "Nomination" n WHERE ${conditions}
    ORDER BY ${ORDER_SQL[query.sort]} LIMIT ${PAGE_SIZE} OFFSET ${skip}`;
  let total = knownTotal ?? (page[0] ? Number(page[0].total) : null);
  if (total === null) {
    const [{ n }] = await db().$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n FROM "Nomination" n WHERE ${conditions}`;
    total = Number(n);
  }
  const ids = page.map((r) => r.id);
  const found = ids.length === 0 ? [] : await db().nomination.findMany({ where: { id: { in: ids } }, select: LIST_SELECT });
  const byId = new Map(found.map((r) => [r.id, r]));
  return { total, rows: ids.map((id) => byId.get(id)!) };
}

/** The list filters as SQL. Unary + keeps SQLite from driving the query by these columns'
 *  indexes: the few trigram matches drive it and the filters only test each match. */
function filterSql(query: NominationListQuery, viewerId: string): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  const assigneeId = assigneeIdOf(query.prowadzacy, viewerId);
  if (assigneeId === null) parts.push(Prisma.sql`+n."assigneeId" IS NULL`);
  else if (assigneeId !== undefined) parts.push(Prisma.sql`+n."assigneeId" = ${assigneeId}`);
  if (query.honour) parts.push(Prisma.sql`+n."honour" = ${query.honour}`);
  if (query.medalClass) parts.push(Prisma.sql`+n."requestedClass" = ${query.medalClass}`);
  if (query.status) parts.push(Prisma.sql`+n."status" = ${query.status}`);
  if (query.term) parts.push(Prisma.sql`+n."councilTermId" IN (SELECT "id" FROM "CouncilTerm" WHERE "number" = ${query.term})`);
  if (query.year) parts.push(Prisma.sql`+n."receivedDate" BETWEEN ${`${query.year}-01-01`} AND ${`${query.year}-12-31`}`);
  if (query.round) parts.push(Prisma.sql`+n."roundYear" = ${query.round}`);
  return parts;
}

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

export async function listYears(): Promise<number[]> {
  const [first, last] = await Promise.all([
    db().nomination.findFirst({ orderBy: { receivedDate: "asc" }, select: { receivedDate: true } }),
    db().nomination.findFirst({ orderBy: { receivedDate: "desc" }, select: { receivedDate: true } }),
  ]);
  if (!first || !last) return [];
  const years: number[] = [];
  for (let y = Number(last.receivedDate.slice(0, 4)); y >= Number(first.receivedDate.slice(0, 4)); y--) years.push(y);
  return years;
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
