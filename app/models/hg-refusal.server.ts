// Refused Honoris Gratia applications, for the letters to their applicants: the reason is the
// nomination's closingReason (written by the refusal step), the decision date the eventDate of
// the refusal's audit event (the one transition path records it there).
import { Prisma } from "#app/generated/prisma/client.ts";
import type { RefusalPeriod, RefusedNomination } from "#app/domain/hg-refusal-letters";
import { db } from "#app/utils/db.server";
import { letterSenderOn, signatoryOn } from "./settings.server";

export const REFUSALS_PAGE_SIZE = 50;

/**
 * Every Honoris Gratia nomination refused by the Mayor (still REFUSED, or CLOSED after the
 * refusal), with its decision date; anonymised ones are left out (nobody left to write to).
 */
const REFUSALS_SQL = Prisma.sql`
  SELECT * FROM (
    SELECT n."id", n."status", n."caseReference", n."closingReason", n."sortName", n."candidateId", n."hgApplicationId",
           (SELECT json_extract(a."after", '$.eventDate') FROM "AuditEvent" a
             WHERE a."entityType" = 'Nomination' AND a."entityId" = n."id" AND a."action" = 'TRANSITION' AND a."toStatus" = 'REFUSED'
             ORDER BY a."at" DESC, a."id" DESC LIMIT 1) AS "refusedOn"
      FROM "Nomination" n
     WHERE n."honour" = 'HONORIS_GRATIA' AND n."status" IN ('REFUSED', 'CLOSED') AND n."anonymizedAt" IS NULL
  ) r
  WHERE (r."status" = 'REFUSED' OR r."refusedOn" IS NOT NULL)`;

function periodSql(period: RefusalPeriod): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (period.from) parts.push(Prisma.sql`r."refusedOn" >= ${period.from}`);
  if (period.to) parts.push(Prisma.sql`r."refusedOn" <= ${period.to}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type RawRefusal = {
  id: string;
  caseReference: string;
  closingReason: string;
  refusedOn: string | null;
  displayName: string;
  nameNominative: string;
  receivedDate: string;
  applicationId: string | null;
  applicantName: string | null;
  applicantContact: string | null;
  applicationCaseReference: string | null;
  applicationReceivedDate: string | null;
  applicantStreet: string | null;
  applicantPostalCode: string | null;
  applicantCity: string | null;
  total: number | bigint;
};

export type RefusalRow = RefusedNomination & { displayName: string; receivedDate: string };

async function refusals(where: Prisma.Sql, page: { limit: number; offset: number } | null): Promise<{ rows: RefusalRow[]; total: number }> {
  const limit = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  const raw = await db().$queryRaw<RawRefusal[]>`
    SELECT r."id", r."caseReference", r."closingReason", r."refusedOn", n."receivedDate",
           c."displayName", c."nameNominative",
           h."id" AS "applicationId", h."applicantName", h."applicantContact", h."caseReference" AS "applicationCaseReference", h."receivedDate" AS "applicationReceivedDate",
           h."applicantStreet", h."applicantPostalCode", h."applicantCity",
           count(*) OVER () AS "total"
      FROM (${REFUSALS_SQL}) r
      JOIN "Nomination" n ON n."id" = r."id"
      JOIN "Candidate" c ON c."id" = r."candidateId"
      LEFT JOIN "HonorisGratiaApplication" h ON h."id" = r."hgApplicationId"
     WHERE 1 = 1 ${where}
     ORDER BY r."refusedOn" DESC NULLS LAST, h."applicantName" ASC, r."sortName" ASC, r."id" ASC
     ${limit}`;
  const rows = raw.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    candidateName: r.nameNominative || r.displayName,
    receivedDate: r.receivedDate,
    reason: r.closingReason,
    refusedOn: r.refusedOn,
    caseReference: r.caseReference,
    application: r.applicationId
      ? {
          id: r.applicationId,
          applicantName: r.applicantName!,
          applicantContact: r.applicantContact ?? "",
          applicantStreet: r.applicantStreet,
          applicantPostalCode: r.applicantPostalCode,
          applicantCity: r.applicantCity,
          caseReference: r.applicationCaseReference ?? "",
          receivedDate: r.applicationReceivedDate!,
        }
      : null,
  }));
  return { rows, total: raw[0] ? Number(raw[0].total) : 0 };
}

/** A page of the refusals of a period, newest decision first. */
export function listHgRefusals(period: RefusalPeriod, page: number) {
  return refusals(periodSql(period), { limit: REFUSALS_PAGE_SIZE, offset: (page - 1) * REFUSALS_PAGE_SIZE });
}

/** Who signs the refusal letters dated `letterDate` (the Mayor) and their letterhead. */
export async function refusalLettersSigning(letterDate: string) {
  const [mayor, sender] = await Promise.all([signatoryOn("MAYOR", letterDate), letterSenderOn(letterDate)]);
  return { mayor, sender };
}

/** The refusals the letters cover: the chosen ones, or all of the period. */
export async function hgRefusalsToLetter(selection: { ids: readonly string[] } | { period: RefusalPeriod }): Promise<RefusalRow[]> {
  if ("ids" in selection) {
    if (!selection.ids.length) return [];
    return (await refusals(Prisma.sql`AND r."id" IN (${Prisma.join([...selection.ids])})`, null)).rows;
  }
  return (await refusals(periodSql(selection.period), null)).rows;
}
