// The staff list of nominations (/nominations) and its CSV export: filters, the name search
// and the page's rows. The list page reads with raw statements on the reader (readRows): through
// Prisma each statement cost about 0.5 ms of CPU before SQLite saw it, and the rows' relations a
// freshly compiled query each (issue 15's load runs: /nominations?q=nowak spent more time in
// Prisma than in SQLite). The export keeps Prisma's select (once per download).
import { Prisma } from "#app/generated/prisma/client.ts";
import { assigneeIdOf } from "#app/domain/assignee";
import { PAGE_SIZE, searchTermOf, type NominationListQuery } from "#app/domain/nomination-list";
import { db, readRows } from "#app/utils/db.server";
import { readCached } from "#app/utils/read-cache.server";

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

/**
 * A page of the list; `viewerId`: the signed-in user, whose cases the „moje” filter shows. Kept
 * until the next commit (readCached), shared by everyone asking the same: do not change it.
 */
export async function listNominations(query: NominationListQuery, viewerId: string) {
  // The „moje” filter differs by viewer: the key holds whose cases (null: nobody's; none: anyone's).
  const key = JSON.stringify({ query, assignee: assigneeIdOf(query.prowadzacy, viewerId) });
  return readCached(`nominations ${key}`, () => readNominationPage(query, viewerId));
}

async function readNominationPage(query: NominationListQuery, viewerId: string) {
  const skip = (query.page - 1) * PAGE_SIZE;
  const filters = filterSql(query, viewerId, "may-drive");
  const filtered = filters.length > 0;

  const term = searchTermOf(query.q);
  if (term && [...term].length >= 3) {
    // A quoted FTS5 phrase of trigrams matches exactly what LIKE '%term%' matches.
    const phrase = `"${term.replaceAll('"', '""')}"`;
    const [{ n }] = await readRows<[{ n: number | bigint }]>(Prisma.sql`
      SELECT count(*) AS n FROM "NominationSearch" WHERE "NominationSearch" MATCH ${phrase}`);
    const matches = Number(n);
    if (matches === 0) return { total: 0, rows: [] };
    // Few matches: read them through the trigram index. Many: walk the sort index and test each
    // row (with filters the count walks every filtered row; without, a page needs ~page*N/matches).
    const walked = filtered ? await countWhere(filters) : ((skip + PAGE_SIZE) * (await approximateNominationCount())) / matches;
    const sparse = MATCH_COST_IN_ROWS * matches <= walked;
    if (sparse) return listSparseMatches(query, viewerId, phrase, skip, filtered ? null : matches);
    const conditions = [...filters, containsSql(term)];
    const [total, ids] = await Promise.all([filtered ? countWhere(conditions) : Promise.resolve(matches), pageWhere(conditions, query, skip)]);
    return { total, rows: await listRowsOf(ids) };
  }
  const conditions = term ? [...filters, containsSql(term)] : filters;
  const [total, ids] = await Promise.all([countWhere(conditions), pageWhere(conditions, query, skip)]);
  return { total, rows: await listRowsOf(ids) };
}

/** What Prisma's `searchText: { contains }` asks (searchTermOf leaves no % or _ in a term). */
const containsSql = (term: string) => Prisma.sql`n."searchText" LIKE ${`%${term}%`}`;

const whereOf = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

async function countWhere(conditions: Prisma.Sql[]): Promise<number> {
  const [{ n }] = await readRows<[{ n: number | bigint }]>(Prisma.sql`SELECT count(*) AS n FROM "Nomination" n ${whereOf(conditions)}`);
  return Number(n);
}

/** The ids of a page, in the list's order. */
async function pageWhere(conditions: Prisma.Sql[], query: NominationListQuery, skip: number): Promise<string[]> {
  const rows = await readRows<{ id: string }[]>(Prisma.sql`
    SELECT n."id" FROM "Nomination" n ${whereOf(conditions)} ORDER BY ${ORDER_SQL[query.sort]} LIMIT ${PAGE_SIZE} OFFSET ${skip}`);
  return rows.map((r) => r.id);
}

/** A row of the list: what the page shows of a nomination. */
export type NominationListRow = {
  id: string;
  honour: string;
  requestedClass: string | null;
  status: string;
  receivedDate: string;
  caseReference: string;
  candidate: { id: string; displayName: string; kind: string; isDemo: boolean };
  councilTerm: { number: number } | null;
  nominators: { name: string }[];
};

/** A row as SQLite answers it: the nomination's own columns, its candidate's and term's flattened. */
type ListSqlRow = Omit<NominationListRow, "candidate" | "councilTerm" | "nominators"> & {
  candidateId: string;
  displayName: string;
  kind: string;
  isDemo: number | bigint | boolean;
  termNumber: number | bigint | null;
};

/** The list's rows of these nominations, in the order of `ids` (a page: at most PAGE_SIZE). */
async function listRowsOf(ids: string[]): Promise<NominationListRow[]> {
  if (ids.length === 0) return [];
  const idList = Prisma.join(ids);
  const [rows, nominators] = await Promise.all([
    readRows<ListSqlRow[]>(Prisma.sql`
      SELECT n."id", n."honour", n."requestedClass", n."status", n."receivedDate", n."caseReference",
             k."id" AS "candidateId", k."displayName", k."kind", k."isDemo", t."number" AS "termNumber"
        FROM "Nomination" n
        JOIN "Candidate" k ON k."id" = n."candidateId"
        LEFT JOIN "CouncilTerm" t ON t."id" = n."councilTermId"
       WHERE n."id" IN (${idList})`),
    readRows<{ nominationId: string; name: string }[]>(Prisma.sql`
      SELECT "nominationId", "name" FROM "Nominator" WHERE "nominationId" IN (${idList}) ORDER BY "position", "rowid"`),
  ]);
  const namesOf = new Map<string, { name: string }[]>();
  for (const { nominationId, name } of nominators) {
    const names = namesOf.get(nominationId) ?? [];
    names.push({ name });
    namesOf.set(nominationId, names);
  }
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        honour: r.honour,
        requestedClass: r.requestedClass,
        status: r.status,
        receivedDate: r.receivedDate,
        caseReference: r.caseReference,
        candidate: { id: r.candidateId, displayName: r.displayName, kind: r.kind, isDemo: Boolean(Number(r.isDemo)) },
        councilTerm: r.termNumber === null ? null : { number: Number(r.termNumber) },
        nominators: namesOf.get(r.id) ?? [],
      },
    ]),
  );
  return ids.map((id) => byId.get(id)!);
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
  const [{ n }] = await readRows<[{ n: number | bigint | null }]>(Prisma.sql`SELECT max(rowid) AS n FROM "Nomination"`);
  return Number(n ?? 0);
}

/** The page of a search with few matches: driven by the trigram index, counted in the same pass. */
async function listSparseMatches(query: NominationListQuery, viewerId: string, phrase: string, skip: number, knownTotal: number | null) {
  const conditions = Prisma.join(
    [
      Prisma.sql`n."id" IN (SELECT "nominationId" FROM "NominationSearch" WHERE "NominationSearch" MATCH ${phrase})`,
      ...filterSql(query, viewerId, "test-only"),
    ],
    " AND ",
  );
  const page = await readRows<{ id: string; total: number | bigint }[]>(Prisma.sql`
    SELECT n."id", count(*) OVER () AS total FROM "Nomination" n WHERE ${conditions}
    ORDER BY ${ORDER_SQL[query.sort]} LIMIT ${PAGE_SIZE} OFFSET ${skip}`);
  let total = knownTotal ?? (page[0] ? Number(page[0].total) : null);
  if (total === null) {
    const [{ n }] = await readRows<[{ n: number | bigint }]>(Prisma.sql`SELECT count(*) AS n FROM "Nomination" n WHERE ${conditions}`);
    total = Number(n);
  }
  return { total, rows: await listRowsOf(page.map((r) => r.id)) };
}

/**
 * The list filters as SQL. "test-only" puts a unary + before each column, which keeps SQLite
 * from driving the query by that column's index: the few trigram matches drive it and the
 * filters only test each match. "may-drive" lets SQLite use the filters' indexes.
 */
function filterSql(query: NominationListQuery, viewerId: string, use: "test-only" | "may-drive"): Prisma.Sql[] {
  const col = (name: string) => Prisma.raw(`${use === "test-only" ? "+" : ""}n."${name}"`);
  const parts: Prisma.Sql[] = [];
  const assigneeId = assigneeIdOf(query.prowadzacy, viewerId);
  if (assigneeId === null) parts.push(Prisma.sql`${col("assigneeId")} IS NULL`);
  else if (assigneeId !== undefined) parts.push(Prisma.sql`${col("assigneeId")} = ${assigneeId}`);
  if (query.honour) parts.push(Prisma.sql`${col("honour")} = ${query.honour}`);
  if (query.medalClass) parts.push(Prisma.sql`${col("requestedClass")} = ${query.medalClass}`);
  if (query.status) parts.push(Prisma.sql`${col("status")} = ${query.status}`);
  if (query.term) parts.push(Prisma.sql`${col("councilTermId")} IN (SELECT "id" FROM "CouncilTerm" WHERE "number" = ${query.term})`);
  if (query.year) parts.push(Prisma.sql`${col("receivedDate")} BETWEEN ${`${query.year}-01-01`} AND ${`${query.year}-12-31`}`);
  if (query.round) parts.push(Prisma.sql`${col("roundYear")} = ${query.round}`);
  return parts;
}

/** Years in which nominations were received, newest first (the year filter's options). */
export async function listYears(): Promise<number[]> {
  // Two sub-queries: SQLite answers each min() or max() alone from the receivedDate index.
  const [{ first, last }] = await readRows<[{ first: string | null; last: string | null }]>(Prisma.sql`
    SELECT (SELECT min("receivedDate") FROM "Nomination") AS first, (SELECT max("receivedDate") FROM "Nomination") AS last`);
  if (!first || !last) return [];
  const years: number[] = [];
  for (let y = Number(last.slice(0, 4)); y >= Number(first.slice(0, 4)); y--) years.push(y);
  return years;
}
