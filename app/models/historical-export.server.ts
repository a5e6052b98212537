// Export of the register in the historical record's import format (app/domain/historical-csv.ts),
// for /import/export and `npm run export-history`.
import { type HistoricalRecord, toHistoricalCsv } from "#app/domain/historical-csv";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";
import { db } from "#app/utils/db.server";

export type ExportFilter = { honour?: Honour; historicalOnly?: boolean };

/** Every conferral (or the filtered ones) in the import format, oldest first. */
export async function exportHistoricalRecord(filter: ExportFilter = {}): Promise<{ csv: string; count: number }> {
  const rows = await db().conferral.findMany({
    where: { honour: filter.honour, isHistorical: filter.historicalOnly ? true : undefined, anonymizedAt: null },
    orderBy: [{ conferredOn: "asc" }, { honour: "asc" }, { numberSeries: "asc" }, { number: "asc" }, { id: "asc" }],
    include: {
      candidate: { select: { kind: true, givenNames: true, surname: true, organizationName: true, grammaticalGender: true } },
      resolution: { select: { number: true, adoptedOn: true, councilTerm: { select: { number: true } } } },
      ordinance: { select: { number: true, issuedOn: true } },
    },
  });
  const records = rows.map((c): HistoricalRecord => ({
    honour: c.honour as Honour,
    medalClass: (c.medalClass as MedalClass | null) ?? null,
    number: c.number,
    kind: c.candidate.kind as CandidateKind,
    givenNames: c.candidate.givenNames,
    surname: c.candidate.surname,
    organizationName: c.candidate.organizationName,
    gender: (c.candidate.grammaticalGender as Gender | null) ?? null,
    resolutionNumber: c.resolution?.number ?? null,
    adoptedOn: c.resolution?.adoptedOn ?? null,
    termNumber: c.resolution?.councilTerm.number ?? null,
    decisionNumber: c.ordinance?.number ?? "",
    decidedOn: c.ordinance?.issuedOn ?? (c.resolution ? null : c.conferredOn),
    handedOverOn: c.handedOverOn,
    handoverPlace: c.handoverPlace,
    citation: c.citation,
  }));
  return { csv: toHistoricalCsv(records), count: records.length };
}
