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

/**
 * Applies the file in one transaction: the plan is made again inside it (the database may have
 * changed since the dry run), and any error refuses the whole file unless `skipErrors` says the
 * rows with errors are left out on purpose. A failure while writing rolls everything back.
 */
export async function applyImport(bytes: Uint8Array, options: ApplyOptions): Promise<ApplyResult> {
  return db().$transaction(
    async (tx) => {
      // Only what is written is kept of the plan: the rows to create, the candidates it names, the rows it skips.
      const collector = planCollector({ keep: options.keep });
      const toCreate: Planned[] = [];
      const namedCandidates = new Set<string>();
      const skippedRows: number[] = [];
      const format = await planFile(bytes, tx, (batch) => {
        collector.add(batch);
        for (const r of batch.rows) {
          if (r.action === "create") toCreate.push(r);
          if (r.action !== "error" && r.candidateId) namedCandidates.add(r.candidateId);
          if (r.action === "error") skippedRows.push(r.row);
        }
      });
      const plan = collector.result(format);
      if (plan.fileIssues.length) return { kind: "refused" as const, plan, message: "Pliku nie można zaimportować: popraw błędy pliku." };
      if (plan.counts.error > 0 && !options.skipErrors) {
        return {
          kind: "refused" as const,
          plan,
          message: `Nic nie zaimportowano: ${countOf(plan.counts.error, NOUNS.row)} z błędami. Popraw plik albo świadomie pomiń te wiersze.`,
        };
      }
      const isDemo = options.isDemo ?? false;

      // Candidates: one per kind and folded name across the file.
      const newCandidates = new Map<string, { id: string; record: HistoricalRecord }>();
      for (const r of toCreate) {
        if (r.candidateId || newCandidates.has(r.candidateKey)) continue;
        newCandidates.set(r.candidateKey, { id: randomUUID(), record: r.record! });
      }
      const now = prismaNow();
      const lexicon = await loadLexicon(tx);
      await insertRows(
        tx,
        "Candidate",
        [...newCandidates.values()].map(({ id, record }) => ({
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

      // Resolutions (found or created by term and number) and the Mayor's ordinances.
      const termIds = new Map((await tx.councilTerm.findMany({ select: { id: true, number: true } })).map((t) => [t.number, t.id]));
      const resolutionIds = new Map<string, string>();
      const wantedResolutions = [
        ...new Map(
          toCreate.filter((r) => r.record!.resolutionNumber).map((r) => [`${r.record!.termNumber}:${r.record!.resolutionNumber}`, r.record!]),
        ).entries(),
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

      const ordinanceIds = new Map<string, string>();
      const wantedOrdinances = [
        ...new Map(toCreate.filter((r) => r.record!.decidedOn).map((r) => [`${r.record!.decidedOn}:${r.record!.decisionNumber}`, r.record!])).entries(),
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
            candidateId: r.candidateId ?? newCandidates.get(r.candidateKey)!.id,
            honour: rec.honour,
            medalClass: rec.medalClass,
            numberSeries: rec.number !== null ? series : null,
            number: rec.number,
            resolutionId: rec.resolutionNumber ? resolutionIds.get(`${rec.termNumber}:${rec.resolutionNumber}`)! : null,
            ordinanceId: rec.decidedOn ? ordinanceIds.get(`${rec.decidedOn}:${rec.decisionNumber}`)! : null,
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

      // The register's candidates this file names get the current suggestion too, unless someone confirmed or typed their forms.
      const nameFormsResuggested = await resuggestNameForms(tx, [...namedCandidates]);

      const result = { created: toCreate.length, matched: plan.counts.match, skipped: plan.counts.error, candidatesCreated: newCandidates.size };
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
          ...result,
          resolutionsCreated: newResolutions.length,
          ordinancesCreated: newOrdinances.length,
          ...(nameFormsResuggested ? { nameFormsResuggested } : {}),
          ...(skippedRows.length ? { skippedRows } : {}),
        },
        reason: plan.counts.error ? `Pominięto świadomie ${countOf(plan.counts.error, NOUNS.row)} z błędami.` : "",
      });
      return { kind: "applied" as const, plan, ...result };
    },
    // 10 000 rows take a few seconds; the default 5 s limit of an interactive transaction is too tight.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
