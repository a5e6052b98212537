// The Honoris Gratia list: the filters as SQL over the board index, a page, the CSV rows, the
// ids for "select all matching" and the board's deadline counts.
import { Prisma } from "#app/generated/prisma/client.ts";
import { dueWindow, HG_OPEN_STATUSES } from "#app/domain/deadlines";
import { statusesOfQuery, HG_PAGE_SIZE, type HgListQuery } from "#app/domain/honoris-gratia";
import { escapeLike } from "#app/domain/search-text";
import { searchTermOf } from "#app/domain/nomination-list";
import { db } from "#app/utils/db.server";
import { badgeNumberFormatter } from "./hg-decisions.server";

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
export const URGENCY_ORDER = [
  { dueDate: { sort: "asc", nulls: "last" } },
  { receivedDate: "asc" },
  { id: "asc" },
] satisfies Prisma.NominationOrderByWithRelationInput[];

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
  hgApplication: {
    id: string;
    channel: string;
    epuapSubmissionId: string | null;
    applicantName: string;
    proposedEventName: string;
    proposedHandoverDate: string | null;
  } | null;
  conferral: { number: number | null; conferredOn: string } | null;
  badgeNumber: string | null;
};

/**
 * The rows of a filter, most urgent first, in one statement: the page's ids are ordered from the
 * board index alone (no table row read for the rows not shown), then joined with what is shown.
 */
async function hgRows(
  query: HgListQuery,
  today: string,
  page: { limit: number; offset: number } | null,
  withTotal = false,
): Promise<{ rows: HgRow[]; total: number | null }> {
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
        ? {
            id: r.applicationId,
            channel: r.channel!,
            epuapSubmissionId: r.epuapSubmissionId,
            applicantName: r.applicantName!,
            proposedEventName: r.proposedEventName!,
            proposedHandoverDate: r.proposedHandoverDate,
          }
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
    knownTotal ??
      db().$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n FROM ${sourceSql(query)} WHERE ${conditionsSql(query, today)}`.then(([{ n }]) => Number(n)),
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
