// The figures behind the staff reports (app/domain/reports.ts shapes them). Statistics count
// every conferral, anonymised ones included: anonymisation removes names, not the facts.
import type { Honour } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { numbersTable, quotaRows, quotaTable, statusesTable, yearsTable, type Bar, type ReportKey, type ReportTable } from "#app/domain/reports";
import { db } from "#app/utils/db.server";
import { listCouncilTerms } from "./council-term.server";
import { nominationCountsByHonourAndStatus } from "./nomination.server";
import { limitRules } from "./conferral.server";

/**
 * Conferrals of the council honours per term: the term of the adopting resolution, as the limit
 * check when adopting counts them; a historical conferral without a resolution counts in the
 * term in which it was conferred.
 */
async function termCounts() {
  const rows = await db().$queryRaw<{ termNumber: number | bigint | null; honour: string; medalClass: string | null; n: number | bigint }[]>`
    SELECT t."number" AS "termNumber", x."honour", x."medalClass", count(*) AS n
      FROM (
        SELECT c."honour", c."medalClass",
               COALESCE(r."councilTermId", (SELECT t2."id" FROM "CouncilTerm" t2
                  WHERE t2."startDate" <= c."conferredOn" AND (t2."endDate" IS NULL OR t2."endDate" >= c."conferredOn")
                  ORDER BY t2."startDate" DESC LIMIT 1)) AS "termId"
          FROM "Conferral" c LEFT JOIN "Resolution" r ON r."id" = c."resolutionId"
         WHERE c."honour" IN ('CRACOVIAE_MERENTI', 'HONORARY_CITIZENSHIP')
      ) x JOIN "CouncilTerm" t ON t."id" = x."termId"
     GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ termNumber: Number(r.termNumber), honour: r.honour, medalClass: r.medalClass, count: Number(r.n) }));
}

async function yearCounts() {
  const rows = await db().$queryRaw<{ year: string; honour: string; medalClass: string | null; n: number | bigint }[]>`
    SELECT substr("conferredOn", 1, 4) AS year, "honour", "medalClass", count(*) AS n FROM "Conferral" GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ year: Number(r.year), honour: r.honour, medalClass: r.medalClass, count: Number(r.n) }));
}

async function issuedNumbers(): Promise<Record<string, number[]>> {
  const rows = await db().conferral.findMany({
    where: { number: { not: null }, numberSeries: { not: null } },
    select: { numberSeries: true, number: true },
    orderBy: [{ numberSeries: "asc" }, { number: "asc" }],
  });
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[r.numberSeries!] ??= []).push(r.number!);
  return out;
}

export type Report = { table: ReportTable; bars?: Bar[] };

export async function buildReport(key: ReportKey, today = todayIso()): Promise<Report> {
  switch (key) {
    case "quota": {
      const [terms, rules, counts] = await Promise.all([listCouncilTerms(), limitRules(db()), termCounts()]);
      return { table: quotaTable(quotaRows(terms, rules, counts, today)) };
    }
    case "years":
      return yearsTable(await yearCounts());
    case "statuses":
      return {
        table: statusesTable((await nominationCountsByHonourAndStatus()).map((c) => ({ ...c, honour: c.honour as Honour }))),
      };
    case "numbers":
      return { table: numbersTable(await issuedNumbers()) };
  }
}
