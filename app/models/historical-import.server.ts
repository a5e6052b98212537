// Applying an import of the historical record: the plan (historical-import-plan.server.ts) is
// made again inside one transaction, which writes all its rows or none. One audit event records
// the whole import (see README, "Import i eksport"): a row-by-row trail of 10 000 rows would bury
// the log, and the imported conferrals carry isHistorical.
import { createHash, randomUUID } from "node:crypto";
import { conferredOnOf, type HistoricalRecord } from "#app/domain/historical-csv";
import { NOUNS } from "#app/domain/counts";
import { countOf } from "#app/domain/plural";
import { numberSeriesOf, type Gender } from "#app/domain/honours";
import { parseResolutionNumber } from "#app/domain/resolution-number";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { resuggestNameForms } from "./candidate.server";
import { type ImportPlan, planCollector, type PlanOptions } from "./historical-import-dry-run.server";
import { chunks, type Planned, planFile } from "./historical-import-plan.server";
import { loadLexicon } from "./name-lexicon.server";
import { candidateData } from "./candidate.server";
import { newPublicId } from "./conferral.server";
import * as clock from "#app/domain/clock";

export { planImport, planReport, type ImportPlan } from "./historical-import-dry-run.server";
export type { PlannedRow, RowAction } from "./historical-import-plan.server";
export { exportHistoricalRecord, type ExportFilter } from "./historical-export.server";

/** SQLite in libsql accepts up to 32 766 parameters in a statement. */
const MAX_PARAMS = 32_000;

/**
 * Multi-row INSERTs inside the import's transaction: Prisma's createMany through the libsql
 * adapter takes over 6 s for 10 000 rows, these statements well under one. Booleans are stored
 * as 0/1 and instants in Prisma's own text form, so Prisma reads the rows back as its own.
 */
async function insertRows(tx: Tx, table: string, rows: Record<string, string | number | boolean | null>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.floor(MAX_PARAMS / columns.length);
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(chunk.length).fill(tuple).join(", ")}`;
    await tx.$executeRawUnsafe(sql, ...chunk.flatMap((r) => columns.map((c) => (typeof r[c] === "boolean" ? Number(r[c]) : r[c]))));
  }
}

const prismaNow = () => clock.now().toISOString().replace("Z", "+00:00");

export type ApplyOptions = { userId: string | null; fileName?: string; skipErrors?: boolean; isDemo?: boolean } & Pick<PlanOptions, "keep">;
export type ApplyResult =
  | { kind: "applied"; plan: ImportPlan; created: number; matched: number; skipped: number; candidatesCreated: number }
  | { kind: "refused"; plan: ImportPlan; message: string };

/** Thrown inside the transaction when the plan refuses the file: what was written is rolled back. */
class ImportRefused extends Error {
  constructor(
    readonly plan: ImportPlan,
    message: string,
  ) {
    super(message);
  }
}

/** What one import wrote, summed over its batches. */
type Written = { created: number; candidatesCreated: number; resolutionsCreated: number; ordinancesCreated: number };

/**
 * Writes a planned file a batch at a time inside the import's transaction: new candidates (one
 * per kind and folded name across the file), resolutions found or created by term and number,
 * the Mayor's ordinances by date and number, and the conferrals. Only the ids of what it
 * created are remembered between batches.
 */
async function importWriter(tx: Tx, isDemo: boolean) {
  const now = prismaNow();
  const lexicon = await loadLexicon(tx);
  const termIds = new Map((await tx.councilTerm.findMany({ select: { id: true, number: true } })).map((t) => [t.number, t.id]));
  const candidateIds = new Map<string, string>();
  const resolutionIds = new Map<string, string>();
  const ordinanceIds = new Map<string, string>();
  const written: Written = { created: 0, candidatesCreated: 0, resolutionsCreated: 0, ordinancesCreated: 0 };

  async function writeBatch(toCreate: Planned[]) {
    const records = toCreate.map((r) => r.record!);
    const newCandidates: { id: string; record: HistoricalRecord }[] = [];
    for (const r of toCreate) {
      if (r.candidateId || candidateIds.has(r.candidateKey)) continue;
      const id = randomUUID();
      candidateIds.set(r.candidateKey, id);
      newCandidates.push({ id, record: r.record! });
    }
    await insertRows(
      tx,
      "Candidate",
      newCandidates.map(({ id, record }) => ({
        id,
        ...candidateData(
          {
            candidateKind: record.kind,
            givenNames: record.givenNames,
            surname: record.surname,
            organizationName: record.organizationName,
            shortName: "",
            grammaticalGender: (record.gender ?? undefined) as Gender | undefined,
            deceased: false,
            title: "",
            city: "",
          },
          lexicon,
        ),
        isDemo,
        createdAt: now,
        updatedAt: now,
      })),
    );

    const resolutionKey = (rec: HistoricalRecord) => `${rec.termNumber}:${rec.resolutionNumber}`;
    const wantedResolutions = [
      ...new Map(records.filter((rec) => rec.resolutionNumber && !resolutionIds.has(resolutionKey(rec))).map((rec) => [resolutionKey(rec), rec])).entries(),
    ];
    for (const part of chunks(wantedResolutions)) {
      const found = await tx.resolution.findMany({
        where: { number: { in: part.map(([, rec]) => rec.resolutionNumber!) } },
        include: { councilTerm: { select: { number: true } } },
      });
      for (const f of found) resolutionIds.set(`${f.councilTerm.number}:${f.number}`, f.id);
    }
    const newResolutions = wantedResolutions
      .filter(([key]) => !resolutionIds.has(key))
      .map(([key, rec]) => {
        const parsed = parseResolutionNumber(rec.resolutionNumber!);
        if (!parsed.ok) throw new Error(`Nieprawidłowy numer uchwały ${rec.resolutionNumber}`);
        const id = randomUUID();
        resolutionIds.set(key, id);
        return {
          id,
          councilTermId: termIds.get(rec.termNumber!)!,
          number: rec.resolutionNumber!,
          sessionNumber: parsed.value.session,
          runningNumber: parsed.value.running,
          adoptedOn: rec.adoptedOn!,
          kind: "CONFERRAL",
          createdAt: now,
        };
      });
    await insertRows(tx, "Resolution", newResolutions);

    const ordinanceKey = (rec: HistoricalRecord) => `${rec.decidedOn}:${rec.decisionNumber}`;
    const wantedOrdinances = [
      ...new Map(records.filter((rec) => rec.decidedOn && !ordinanceIds.has(ordinanceKey(rec))).map((rec) => [ordinanceKey(rec), rec])).entries(),
    ];
    for (const part of chunks(wantedOrdinances)) {
      const found = await tx.ordinance.findMany({ where: { issuedOn: { in: part.map(([, rec]) => rec.decidedOn!) } } });
      for (const f of found) ordinanceIds.set(`${f.issuedOn}:${f.number}`, f.id);
    }
    const newOrdinances = wantedOrdinances
      .filter(([key]) => !ordinanceIds.has(key))
      .map(([key, rec]) => {
        const id = randomUUID();
        ordinanceIds.set(key, id);
        return {
          id,
          number: rec.decisionNumber,
          issuedOn: rec.decidedOn!,
          kind: "HG_DECISION",
          title: "w sprawie nadania Odznaki „Honoris Gratia”",
          createdAt: now,
        };
      });
    await insertRows(tx, "Ordinance", newOrdinances);

    await insertRows(
      tx,
      "Conferral",
      toCreate.map((r) => {
        const rec = r.record!;
        const series = numberSeriesOf(rec.honour, rec.medalClass);
        return {
          id: randomUUID(),
          publicId: newPublicId(),
          candidateId: r.candidateId ?? candidateIds.get(r.candidateKey)!,
          honour: rec.honour,
          medalClass: rec.medalClass,
          numberSeries: rec.number !== null ? series : null,
          number: rec.number,
          resolutionId: rec.resolutionNumber ? resolutionIds.get(resolutionKey(rec))! : null,
          ordinanceId: rec.decidedOn ? ordinanceIds.get(ordinanceKey(rec))! : null,
          conferredOn: conferredOnOf(rec),
          handedOverOn: rec.handedOverOn,
          handoverPlace: rec.handoverPlace,
          citation: rec.citation,
          isHistorical: true,
          isDemo,
          createdAt: now,
        };
      }),
    );
    written.created += toCreate.length;
    written.candidatesCreated += newCandidates.length;
    written.resolutionsCreated += newResolutions.length;
    written.ordinancesCreated += newOrdinances.length;
  }
  return { writeBatch, written };
}

/**
 * Applies the file in one transaction: the plan is made again inside it (the database may have
 * changed since the dry run), and any error refuses the whole file unless `skipErrors` says the
 * rows with errors are left out on purpose. Rows are written a batch at a time as they are
 * planned, so the import holds the file's keys, not its rows; a refusal (or any failure) rolls
 * back what was written. Without `skipErrors`, writing stops at the first error.
 */
export async function applyImport(bytes: Uint8Array, options: ApplyOptions): Promise<ApplyResult> {
  try {
    return await db().$transaction(
      async (tx) => {
        const collector = planCollector({ keep: options.keep });
        const writer = await importWriter(tx, options.isDemo ?? false);
        const namedCandidates = new Set<string>();
        const skippedRows: number[] = [];
        let writing = true;
        const format = await planFile(bytes, tx, async (batch) => {
          collector.add(batch);
          for (const r of batch.rows) {
            if (r.action === "error") skippedRows.push(r.row);
            else if (r.candidateId) namedCandidates.add(r.candidateId);
          }
          if (batch.fileIssues.length || (!options.skipErrors && skippedRows.length)) writing = false;
          if (writing) await writer.writeBatch(batch.rows.filter((r) => r.action === "create"));
        });
        const plan = collector.result(format);
        if (plan.fileIssues.length) throw new ImportRefused(plan, "Pliku nie można zaimportować: popraw błędy pliku.");
        if (plan.counts.error > 0 && !options.skipErrors) {
          throw new ImportRefused(
            plan,
            `Nic nie zaimportowano: ${countOf(plan.counts.error, NOUNS.row)} z błędami. Popraw plik albo świadomie pomiń te wiersze.`,
          );
        }

        // The register's candidates this file names get the current suggestion too, unless someone confirmed or typed their forms.
        const nameFormsResuggested = await resuggestNameForms(tx, [...namedCandidates]);

        const { resolutionsCreated, ordinancesCreated, ...created } = writer.written;
        const result = { ...created, matched: plan.counts.match, skipped: plan.counts.error };
        await recordAudit(tx, {
          userId: options.userId,
          action: "CREATE",
          entityType: "HistoricalImport",
          entityId: randomUUID(),
          after: {
            file: options.fileName ?? "",
            sha256: createHash("sha256").update(bytes).digest("hex"),
            encoding: plan.encoding,
            rows: plan.counts.rows,
            created: result.created,
            matched: result.matched,
            skipped: result.skipped,
            candidatesCreated: result.candidatesCreated,
            resolutionsCreated,
            ordinancesCreated,
            ...(nameFormsResuggested ? { nameFormsResuggested } : {}),
            ...(skippedRows.length ? { skippedRows } : {}),
          },
          reason: plan.counts.error ? `Pominięto świadomie ${countOf(plan.counts.error, NOUNS.row)} z błędami.` : "",
        });
        return { kind: "applied" as const, plan, ...result };
      },
      // A 20 MB file takes tens of seconds; the default 5 s limit of an interactive transaction is too tight.
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return { kind: "refused", plan: error.plan, message: error.message };
    throw error;
  }
}
