// Conferrals as lists: the public registry (/rejestr), the staff list (/conferrals) and their
// CSV export. Both lists share one SQL query; the public one adds the publicity rule
// (isPublicConferral in app/domain/registry.ts) and reads only the public fields.
import { Prisma } from "#app/generated/prisma/client.ts";
import { verificationCodeOf } from "#app/domain/diploma";
import { searchTermOf } from "#app/domain/nomination-list";
import {
  dateRangeOf,
  isPublicConferral,
  PUBLIC_NOMINATION_STATUSES,
  REGISTRY_PAGE_SIZE,
  type RegistryQuery,
} from "#app/domain/registry";
import { escapeLike } from "#app/domain/search-text";
import { db } from "#app/utils/db.server";
import { listCouncilTerms } from "./council-term.server";

export type Audience = "public" | "staff";

/** What the public may see of a conferral: the name, the honour, the act and the dates. */
const PUBLIC_SELECT = {
  id: true,
  publicId: true,
  honour: true,
  medalClass: true,
  number: true,
  conferredOn: true,
  handedOverOn: true,
  handoverPlace: true,
  citation: true,
  isDemo: true,
  candidate: { select: { displayName: true, nameNominative: true } },
  resolution: { select: { number: true, adoptedOn: true, councilTerm: { select: { number: true } } } },
  ordinance: { select: { number: true, issuedOn: true } },
} satisfies Prisma.ConferralSelect;

const STAFF_SELECT = {
  ...PUBLIC_SELECT,
  nominationId: true,
  candidateId: true,
  isHistorical: true,
  anonymizedAt: true,
  limitOverrideText: true,
  nomination: { select: { status: true, caseReference: true } },
  candidate: { select: { displayName: true, nameNominative: true, kind: true, anonymizedAt: true } },
} satisfies Prisma.ConferralSelect;

export type PublicConferral = Prisma.ConferralGetPayload<{ select: typeof PUBLIC_SELECT }>;
export type StaffConferral = Prisma.ConferralGetPayload<{ select: typeof STAFF_SELECT }>;

const ORDER_SQL = {
  // rowid is the tie-breaker: it is part of every index, so SQLite reads a page in index order.
  "conferred-desc": Prisma.sql`c."conferredOn" DESC, c.rowid DESC`,
  "conferred-asc": Prisma.sql`c."conferredOn" ASC, c.rowid ASC`,
  "name-asc": Prisma.sql`k."sortName" ASC, k.rowid ASC, c.rowid ASC`,
  "name-desc": Prisma.sql`k."sortName" DESC, k.rowid DESC, c.rowid DESC`,
};

const PUBLIC_STATUSES_SQL = Prisma.join(PUBLIC_NOMINATION_STATUSES.map((s) => Prisma.sql`${s}`));

/** The WHERE conditions of a list; null when the filters cannot match anything. */
async function conditionsOf(query: RegistryQuery, audience: Audience): Promise<Prisma.Sql[] | null> {
  const parts: Prisma.Sql[] = [];
  if (audience === "public") {
    parts.push(Prisma.sql`c."anonymizedAt" IS NULL AND k."anonymizedAt" IS NULL`);
    parts.push(
      Prisma.sql`(c."nominationId" IS NULL OR EXISTS (SELECT 1 FROM "Nomination" n WHERE n."id" = c."nominationId" AND n."status" IN (${PUBLIC_STATUSES_SQL})))`,
    );
  }
  if (query.honour) parts.push(Prisma.sql`c."honour" = ${query.honour}`);
  if (query.medalClass) parts.push(Prisma.sql`c."medalClass" = ${query.medalClass}`);
  if (query.year || query.term) {
    const range = dateRangeOf(query, query.term ? await listCouncilTerms() : []);
    if (range === "none") return null;
    if (range) parts.push(Prisma.sql`c."conferredOn" BETWEEN ${range.from} AND ${range.to}`);
  }
  if (query.handedOver === "yes") parts.push(Prisma.sql`c."handedOverOn" IS NOT NULL`);
  if (query.handedOver === "no") parts.push(Prisma.sql`c."handedOverOn" IS NULL`);
  if (query.source === "historical") parts.push(Prisma.sql`c."nominationId" IS NULL`);
  if (query.source === "app") parts.push(Prisma.sql`c."nominationId" IS NOT NULL`);

  const term = searchTermOf(query.q);
  if (term && [...term].length >= 3) {
    // A quoted FTS5 phrase of trigrams matches exactly what LIKE '%term%' matches (migration candidate_search).
    const phrase = `"${term.replaceAll('"', '""')}"`;
    parts.push(Prisma.sql`c."candidateId" IN (SELECT "candidateId" FROM "CandidateSearch" WHERE "CandidateSearch" MATCH ${phrase})`);
  } else if (term) {
    parts.push(Prisma.sql`k."foldedName" LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`);
  }
  return parts;
}

async function pageOfIds(query: RegistryQuery, audience: Audience, limit: number | null) {
  const parts = await conditionsOf(query, audience);
  if (!parts) return { total: 0, ids: [] as string[] };
  const where = parts.length > 0 ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
  const from = Prisma.sql`FROM "Conferral" c JOIN "Candidate" k ON k."id" = c."candidateId" ${where}`;
  const paging = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(query.page - 1) * limit}`;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<{ id: string }[]>`SELECT c."id" ${from} ORDER BY ${ORDER_SQL[query.sort]} ${paging}`,
    limit === null ? Promise.resolve(null) : db().$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n ${from}`,
  ]);
  const ids = rows.map((r) => r.id);
  return { total: counted ? Number(counted[0].n) : ids.length, ids };
}

/** Rows by id, in the order of the ids (the SQL page's order). */
async function rowsOf(ids: string[], select: typeof PUBLIC_SELECT | typeof STAFF_SELECT): Promise<unknown[]> {
  if (ids.length === 0) return [];
  const found = (await db().conferral.findMany({ where: { id: { in: ids } }, select })) as { id: string }[];
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export async function listPublicConferrals(query: RegistryQuery) {
  const { total, ids } = await pageOfIds(query, "public", REGISTRY_PAGE_SIZE);
  return { total, rows: (await rowsOf(ids, PUBLIC_SELECT)) as PublicConferral[] };
}

export async function listStaffConferrals(query: RegistryQuery) {
  const { total, ids } = await pageOfIds(query, "staff", REGISTRY_PAGE_SIZE);
  return { total, rows: (await rowsOf(ids, STAFF_SELECT)) as StaffConferral[] };
}

/** Every conferral the staff list's filter matches, in its order (the CSV export). */
export async function allStaffConferrals(query: RegistryQuery): Promise<StaffConferral[]> {
  const { ids } = await pageOfIds(query, "staff", null);
  const rows: StaffConferral[] = [];
  // SQLite limits bound values per statement: read long lists in slices.
  for (let i = 0; i < ids.length; i += 500) rows.push(...((await rowsOf(ids.slice(i, i + 500), STAFF_SELECT)) as StaffConferral[]));
  return rows;
}

/** A conferral's public page, or null when it does not exist or is not public. */
export async function getPublicConferral(publicId: string): Promise<PublicConferral | null> {
  const found = await db().conferral.findUnique({
    where: { publicId },
    select: { ...PUBLIC_SELECT, anonymizedAt: true, candidate: { select: { ...PUBLIC_SELECT.candidate.select, anonymizedAt: true } }, nomination: { select: { status: true } } },
  });
  if (!found) return null;
  const publicity = {
    conferralAnonymizedAt: found.anonymizedAt,
    candidateAnonymizedAt: found.candidate.anonymizedAt,
    nominationStatus: found.nomination?.status ?? null,
  };
  if (!isPublicConferral(publicity)) return null;
  const { anonymizedAt: _a, nomination: _n, candidate, ...rest } = found;
  return { ...rest, candidate: { displayName: candidate.displayName, nameNominative: candidate.nameNominative } };
}

/** The public id of the conferral whose diploma carries this verification code (when it is public). */
export async function publicIdForVerificationCode(input: string | undefined): Promise<string | null> {
  const code = verificationCodeOf(input);
  if (!code) return null;
  const diploma = await db().diploma.findUnique({ where: { verificationCode: code }, select: { conferral: { select: { publicId: true } } } });
  if (!diploma) return null;
  return (await getPublicConferral(diploma.conferral.publicId)) ? diploma.conferral.publicId : null;
}

/** Years in which something public was conferred, newest first (the year filter's options). */
export async function listConferralYears(): Promise<number[]> {
  const [first, last] = await Promise.all([
    db().conferral.findFirst({ orderBy: { conferredOn: "asc" }, select: { conferredOn: true } }),
    db().conferral.findFirst({ orderBy: { conferredOn: "desc" }, select: { conferredOn: true } }),
  ]);
  if (!first || !last) return [];
  const years: number[] = [];
  for (let y = Number(last.conferredOn.slice(0, 4)); y >= Number(first.conferredOn.slice(0, 4)); y--) years.push(y);
  return years;
}
