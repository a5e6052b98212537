// Conferrals as lists: the public registry (/rejestr), the staff list (/conferrals) and their
// CSV export. Both lists share one SQL query; the public one adds the publicity rule
// (isPublicConferral in app/domain/registry.ts) and reads only the public fields.
import { Prisma } from "#app/generated/prisma/client.ts";
import { verificationCodeOf } from "#app/domain/diploma";
import { searchTermOf } from "#app/domain/nomination-list";
import { dateRangeOf, isPublicConferral, REGISTRY_PAGE_SIZE, type RegistryQuery } from "#app/domain/registry";
import { db, readRows } from "#app/utils/db.server";
import { readCached } from "#app/utils/read-cache.server";
import { listCouncilTerms } from "./council-term.server";

export type Audience = "public" | "staff";

/** What the public may see of a conferral: the name, the honour, the act and the dates. */
export type PublicConferral = {
  id: string;
  publicId: string;
  honour: string;
  medalClass: string | null;
  number: number | null;
  conferredOn: string;
  handedOverOn: string | null;
  handoverPlace: string;
  citation: string;
  isDemo: boolean;
  /** Made through the app (a nomination), not imported history: its hand-over is recorded here. */
  madeInApp: boolean;
  candidate: { displayName: string; nameNominative: string; kind: string };
  /** bipUrl: the act's address in the BIP, when an administrator recorded it. */
  resolution: { number: string; adoptedOn: string; councilTerm: { number: number }; bipUrl: string | null } | null;
  ordinance: { number: string; issuedOn: string; bipUrl: string | null } | null;
};

/** The staff list's and export's conferral: the public fields and the office's own. */
export type StaffConferral = Omit<PublicConferral, "candidate"> & {
  nominationId: string | null;
  candidateId: string;
  isHistorical: boolean;
  anonymizedAt: Date | null;
  limitOverrideText: string;
  nomination: { status: string; caseReference: string } | null;
  candidate: { displayName: string; nameNominative: string; kind: string; anonymizedAt: Date | null };
};

const ORDER_SQL = {
  // rowid is the tie-breaker: it is part of every index, so SQLite reads a page in index order.
  "conferred-desc": Prisma.sql`c."conferredOn" DESC, c.rowid DESC`,
  "conferred-asc": Prisma.sql`c."conferredOn" ASC, c.rowid ASC`,
  "name-asc": Prisma.sql`k."sortName" ASC, k.rowid ASC, c.rowid ASC`,
  "name-desc": Prisma.sql`k."sortName" DESC, k.rowid DESC, c.rowid DESC`,
};

/**
 * The WHERE conditions of a list; null when the filters cannot match anything.
 *
 * The public registry's rule (isPublicConferral) has three parts. Only the conferral's own
 * anonymisation is in the SQL, and only when some conferral is anonymised at all (an index
 * look-up): the other two hold by construction (a conferral is created only when the honour
 * is conferred, and the retention run never anonymises a candidate who holds an honour), so
 * a count need not visit the nomination and the candidate of 100 000 rows. They are still
 * checked on every row before it leaves the server (publicRows), so inconsistent data can
 * never be shown.
 */
async function conditionsOf(query: RegistryQuery, audience: Audience): Promise<Prisma.Sql[] | null> {
  const parts: Prisma.Sql[] = [];
  if (audience === "public" && (await anyConferralAnonymised())) parts.push(Prisma.sql`c."anonymizedAt" IS NULL`);
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

  const words = searchWordsOf(query.q);
  if (words.length > 0) {
    // Every word typed begins a word of the name: FTS5 prefix phrases (migration candidate_search).
    const match = words.map((w) => `"${w}"*`).join(" ");
    parts.push(Prisma.sql`c."candidateId" IN (SELECT "candidateId" FROM "CandidateSearch" WHERE "CandidateSearch" MATCH ${match})`);
  }
  return parts;
}

/** max() over the anonymizedAt index: one look-up, however many conferrals. */
async function anyConferralAnonymised(): Promise<boolean> {
  const [{ m }] = await readRows<[{ m: unknown }]>(Prisma.sql`SELECT max("anonymizedAt") AS m FROM "Conferral"`);
  return m !== null;
}

async function pageOfIds(query: RegistryQuery, audience: Audience, limit: number | null) {
  const parts = await conditionsOf(query, audience);
  if (!parts) return { total: 0, ids: [] as string[] };
  const where = parts.length > 0 ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
  // Name order walks the candidates' sort index and their conferrals in turn (CROSS JOIN keeps
  // SQLite to that order), so a page needs no sort of every match; date order needs no candidate.
  const byName = query.sort === "name-asc" || query.sort === "name-desc";
  const from = byName ? Prisma.sql`FROM "Candidate" k CROSS JOIN "Conferral" c ON c."candidateId" = k."id" ${where}` : Prisma.sql`FROM "Conferral" c ${where}`;
  if (limit === null) {
    const rows = await readRows<{ id: string }[]>(Prisma.sql`SELECT c."id" ${from} ORDER BY ${ORDER_SQL[query.sort]}`);
    return { total: rows.length, ids: rows.map((r) => r.id) };
  }
  const paging = Prisma.sql`LIMIT ${limit} OFFSET ${(query.page - 1) * limit}`;
  if (isNameSearch(query)) {
    // A name search matches few rows, all of which the sort reads anyway: counted in the same
    // pass, so the trigram index is searched once.
    const rows = await readRows<{ id: string; total: number | bigint }[]>(Prisma.sql`
      SELECT c."id", count(*) OVER () AS total ${from} ORDER BY ${ORDER_SQL[query.sort]} ${paging}`);
    if (rows.length > 0 || query.page === 1) return { total: rows[0] ? Number(rows[0].total) : 0, ids: rows.map((r) => r.id) };
  }
  if (byName && audience === "public" && (query.page - 1) * limit >= DEEP_NAME_OFFSET) {
    return deepNamePage(query, where, from, (query.page - 1) * limit, limit);
  }
  // Without a name search the count reads an index only (no candidate, no nomination).
  const [rows, [{ n }]] = await Promise.all([
    readRows<{ id: string }[]>(Prisma.sql`SELECT c."id" ${from} ORDER BY ${ORDER_SQL[query.sort]} ${paging}`),
    readRows<[{ n: number | bigint }]>(Prisma.sql`SELECT count(*) AS n FROM "Conferral" c ${where}`),
  ]);
  return { total: Number(n), ids: rows.map((r) => r.id) };
}

/**
 * A page in name order costs a walk of the name index up to its offset (0.2 s at page 2000 of
 * 100 000, more on a busy machine), so for deep pages the public registry keeps the whole order of
 * a filter (ids only, about 3 MB for 100 000) for NAME_ORDER_TTL_MS and slices it. The order is
 * dropped as soon as the filter's count or newest conferral changes (a conferral added, removed
 * or anonymised), and after the TTL at the latest: a renamed candidate may stand at the old place
 * of the order for that long, with the current data. The staff list always asks the database.
 */
const DEEP_NAME_OFFSET = 2_500;
const NAME_ORDER_TTL_MS = 30_000;
const NAME_ORDERS_KEPT = 4;
const nameOrders = new Map<string, { ids: string[]; fingerprint: string; expiresAt: number }>();

async function deepNamePage(query: RegistryQuery, where: Prisma.Sql, from: Prisma.Sql, offset: number, limit: number) {
  const [{ n, m }] = await readRows<[{ n: number | bigint; m: unknown }]>(Prisma.sql`SELECT count(*) AS n, max(c.rowid) AS m FROM "Conferral" c ${where}`);
  const key = `${query.sort} ${where.sql} ${JSON.stringify(where.values)}`;
  const fingerprint = `${n} ${String(m)}`;
  let order = nameOrders.get(key);
  if (!order || order.fingerprint !== fingerprint || order.expiresAt <= Date.now()) {
    const rows = await readRows<{ id: string }[]>(Prisma.sql`SELECT c."id" ${from} ORDER BY ${ORDER_SQL[query.sort]}`);
    order = { ids: rows.map((r) => r.id), fingerprint, expiresAt: Date.now() + NAME_ORDER_TTL_MS };
  }
  nameOrders.delete(key);
  nameOrders.set(key, order);
  for (const [oldest] of nameOrders) {
    if (nameOrders.size <= NAME_ORDERS_KEPT) break;
    nameOrders.delete(oldest);
  }
  return { total: Number(n), ids: order.ids.slice(offset, offset + limit) };
}

function isNameSearch(query: RegistryQuery): boolean {
  return searchWordsOf(query.q).length > 0;
}

/**
 * The words of a name search, folded like Candidate.foldedName; at most 8. A lone letter is
 * dropped: "k" would match a fifth of the register and only cost time (an initial next to a
 * surname, as in "j kowalski", narrows nothing either).
 */
export function searchWordsOf(q: string | undefined): string[] {
  return (searchTermOf(q) ?? "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 2)
    .slice(0, 8);
}

type PublicRow = {
  id: string;
  publicId: string;
  honour: string;
  medalClass: string | null;
  number: number | bigint | null;
  conferredOn: string;
  handedOverOn: string | null;
  handoverPlace: string;
  citation: string;
  isDemo: number | bigint | boolean;
  conferralAnonymizedAt: unknown;
  displayName: string;
  nameNominative: string;
  candidateAnonymizedAt: unknown;
  nominationStatus: string | null;
  resolutionNumber: string | null;
  adoptedOn: string | null;
  termNumber: number | bigint | null;
  ordinanceNumber: string | null;
  issuedOn: string | null;
  resolutionBipUrl: string | null;
  ordinanceBipUrl: string | null;
  // Staff columns (the public mapping leaves them out).
  nominationId: string | null;
  candidateId: string;
  isHistorical: number | bigint | boolean;
  limitOverrideText: string;
  candidateKind: string;
  caseReference: string | null;
};

/** A conferral with its candidate, nomination and act, in one statement (no per-relation queries). */
function conferralRowsWhere(condition: Prisma.Sql) {
  return readRows<PublicRow[]>(Prisma.sql`
    SELECT c."id", c."publicId", c."honour", c."medalClass", c."number", c."conferredOn", c."handedOverOn", c."handoverPlace",
           c."citation", c."isDemo", c."anonymizedAt" AS "conferralAnonymizedAt",
           k."displayName", k."nameNominative", k."anonymizedAt" AS "candidateAnonymizedAt",
           n."status" AS "nominationStatus",
           r."number" AS "resolutionNumber", r."adoptedOn", t."number" AS "termNumber",
           o."number" AS "ordinanceNumber", o."issuedOn", r."bipUrl" AS "resolutionBipUrl", o."bipUrl" AS "ordinanceBipUrl",
           c."nominationId", c."candidateId", c."isHistorical", c."limitOverrideText", k."kind" AS "candidateKind", n."caseReference"
      FROM "Conferral" c
      JOIN "Candidate" k ON k."id" = c."candidateId"
      LEFT JOIN "Nomination" n ON n."id" = c."nominationId"
      LEFT JOIN "Resolution" r ON r."id" = c."resolutionId"
      LEFT JOIN "CouncilTerm" t ON t."id" = r."councilTermId"
      LEFT JOIN "Ordinance" o ON o."id" = c."ordinanceId"
     WHERE ${condition}`);
}

/** Only the rows the public may see (isPublicConferral), with only the public fields. */
function publicRows(rows: PublicRow[]): PublicConferral[] {
  return rows
    .filter((r) =>
      isPublicConferral({
        conferralAnonymizedAt: when(r.conferralAnonymizedAt),
        candidateAnonymizedAt: when(r.candidateAnonymizedAt),
        nominationStatus: r.nominationStatus,
      }),
    )
    .map(publicConferralOf);
}

/** An SQL timestamp column as a Date. */
const when = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));

/** A row as the public sees it. */
function publicConferralOf(r: PublicRow): PublicConferral {
  return {
    id: r.id,
    publicId: r.publicId,
    honour: r.honour,
    medalClass: r.medalClass,
    number: r.number === null ? null : Number(r.number),
    conferredOn: r.conferredOn,
    handedOverOn: r.handedOverOn,
    handoverPlace: r.handoverPlace,
    citation: r.citation,
    isDemo: Boolean(Number(r.isDemo)),
    madeInApp: r.nominationId !== null,
    candidate: { displayName: r.displayName, nameNominative: r.nameNominative, kind: r.candidateKind },
    resolution:
      r.resolutionNumber !== null
        ? { number: r.resolutionNumber, adoptedOn: r.adoptedOn!, councilTerm: { number: Number(r.termNumber) }, bipUrl: r.resolutionBipUrl }
        : null,
    ordinance: r.ordinanceNumber !== null ? { number: r.ordinanceNumber, issuedOn: r.issuedOn!, bipUrl: r.ordinanceBipUrl } : null,
  };
}

/** A row as the staff list and its export read it: the public fields and the office's own. */
function staffConferralOf(r: PublicRow): StaffConferral {
  const shown = publicConferralOf(r);
  return {
    ...shown,
    nominationId: r.nominationId,
    candidateId: r.candidateId,
    isHistorical: Boolean(Number(r.isHistorical)),
    anonymizedAt: when(r.conferralAnonymizedAt),
    limitOverrideText: r.limitOverrideText,
    nomination: r.nominationStatus !== null ? { status: r.nominationStatus, caseReference: r.caseReference ?? "" } : null,
    candidate: { ...shown.candidate, anonymizedAt: when(r.candidateAnonymizedAt) },
  };
}

/** Rows by id, in the order of the ids (the SQL page's order); long lists in slices (SQLite's bound values). */
async function rowsOf(ids: string[]): Promise<PublicRow[]> {
  const out: PublicRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const byId = new Map((await conferralRowsWhere(Prisma.sql`c."id" IN (${Prisma.join(slice)})`)).map((r) => [r.id, r]));
    for (const id of slice) out.push(byId.get(id)!);
  }
  return out;
}

/** A page of the public registry; kept until the next commit (readCached): do not change it. */
export async function listPublicConferrals(query: RegistryQuery) {
  return readCached(`registry public ${JSON.stringify(query)}`, async () => {
    const { total, ids } = await pageOfIds(query, "public", REGISTRY_PAGE_SIZE);
    return { total, rows: publicRows(await rowsOf(ids)) };
  });
}

/** A page of the staff list; kept until the next commit (readCached): do not change it. */
export async function listStaffConferrals(query: RegistryQuery) {
  return readCached(`registry staff ${JSON.stringify(query)}`, async () => {
    const { total, ids } = await pageOfIds(query, "staff", REGISTRY_PAGE_SIZE);
    return { total, rows: (await rowsOf(ids)).map(staffConferralOf) };
  });
}

/** Every conferral the staff list's filter matches, in its order (the CSV export). */
export async function allStaffConferrals(query: RegistryQuery): Promise<StaffConferral[]> {
  const { ids } = await pageOfIds(query, "staff", null);
  return (await rowsOf(ids)).map(staffConferralOf);
}

/** Every public conferral the registry's filter matches, in its order (/rejestr.csv, /rejestr.json). */
export async function allPublicConferrals(query: RegistryQuery): Promise<PublicConferral[]> {
  const { ids } = await pageOfIds(query, "public", null);
  return publicRows(await rowsOf(ids));
}

/** A conferral's public page, or null when it does not exist or is not public. */
export async function getPublicConferral(publicId: string): Promise<PublicConferral | null> {
  return publicRows(await conferralRowsWhere(Prisma.sql`c."publicId" = ${publicId}`))[0] ?? null;
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
  // Two sub-queries: SQLite answers each min() or max() alone from the index.
  const [{ first, last }] = await readRows<[{ first: string | null; last: string | null }]>(Prisma.sql`
    SELECT (SELECT min("conferredOn") FROM "Conferral") AS first, (SELECT max("conferredOn") FROM "Conferral") AS last`);
  if (!first || !last) return [];
  const years: number[] = [];
  for (let y = Number(last.slice(0, 4)); y >= Number(first.slice(0, 4)); y--) years.push(y);
  return years;
}
