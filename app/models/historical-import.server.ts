// Import and export of the historical record (the CSV format of app/domain/historical-csv.ts).
// The dry run reads the file, checks every row against the format, the rules and the database,
// and says per row what it will create or match; applying runs the same plan again inside one
// transaction and writes all its rows or none. One audit event records the whole import (see
// README, "Import i eksport"): a row-by-row trail of 10 000 rows would bury the log, and the
// imported conferrals carry isHistorical.
import { createHash, randomUUID } from "node:crypto";
import { foldedNameOf } from "#app/domain/candidate";
import {
  conferredOnOf,
  eligibilityErrors,
  type HistoricalRecord,
  type Issue,
  readHistoricalCsv,
  toHistoricalCsv,
  validateRow,
} from "#app/domain/historical-csv";
import { NOUNS } from "#app/domain/counts";
import { countOf } from "#app/domain/plural";
import { numberSeriesOf, type CandidateKind, type Gender, type Honour, type MedalClass } from "#app/domain/honours";
import { parseResolutionNumber } from "#app/domain/resolution-number";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { resuggestNameForms } from "./candidate.server";
import { DEMO_REMOVAL_HINT } from "./demo-data.server";
import { loadLexicon } from "./name-lexicon.server";
import { candidateData } from "./candidate.server";
import { newPublicId } from "./conferral.server";
import * as clock from "#app/domain/clock";

export type RowAction = "create" | "match" | "error";

export type PlannedRow = {
  row: number;
  action: RowAction;
  /** "Jan Kowalski: CM srebrny nr 12, uchwała XCIII/610/93" — for the report. */
  label: string;
  /** The matched conferral's public id (action "match"). */
  matchedPublicId: string | null;
  /** Whether the candidate exists already (action "create"). */
  newCandidate: boolean;
  issues: Issue[];
};

export type ImportPlan = {
  encoding: "UTF-8" | "Windows-1250";
  delimiter: ";" | ",";
  /** Problems with the file as a whole (not CSV, missing columns): nothing can be imported. */
  fileIssues: Issue[];
  rows: PlannedRow[];
  /** Every issue, of the file and of its rows, in file order. */
  issues: Issue[];
  /** Values that look like spreadsheet formulas (imported as text). */
  warnings: Issue[];
  counts: { rows: number; create: number; match: number; error: number };
};

type Planned = PlannedRow & { record: HistoricalRecord | null; candidateKey: string; candidateId: string | null };

/**
 * Values per `IN (…)` list: Prisma refuses more than 999 parameters in a query on SQLite; the
 * raw queries here may take more (libsql allows 32 766).
 */
const PRISMA_CHUNK = 900;
const RAW_CHUNK = 5000;

type ExistingCandidate = {
  id: string;
  conferrals: { publicId: string; honour: string; medalClass: string | null; number: number | null; actKey: string }[];
};

/**
 * The candidates with these folded names and their conferrals with the act of each, in one
 * query (Prisma's nested include runs one query per relation and took most of a dry run).
 */
function existingCandidates(tx: Tx, foldedNames: string[]) {
  return tx.$queryRawUnsafe<
    {
      id: string;
      kind: string;
      foldedName: string;
      publicId: string | null;
      honour: string | null;
      medalClass: string | null;
      number: number | null;
      resolutionNumber: string | null;
      termNumber: number | null;
      ordinanceNumber: string | null;
      issuedOn: string | null;
    }[]
  >(
    `SELECT c."id", c."kind", c."foldedName", f."publicId", f."honour", f."medalClass", f."number",
            r."number" AS "resolutionNumber", t."number" AS "termNumber", o."number" AS "ordinanceNumber", o."issuedOn"
       FROM "Candidate" c
       LEFT JOIN "Conferral" f ON f."candidateId" = c."id"
       LEFT JOIN "Resolution" r ON r."id" = f."resolutionId"
       LEFT JOIN "CouncilTerm" t ON t."id" = r."councilTermId"
       LEFT JOIN "Ordinance" o ON o."id" = f."ordinanceId"
      WHERE c."anonymizedAt" IS NULL AND c."foldedName" IN (${foldedNames.map(() => "?").join(", ")})
      ORDER BY c."createdAt", c."id"`,
    ...foldedNames,
  );
}
function chunks<T>(items: T[], size = PRISMA_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const candidateKeyOf = (r: HistoricalRecord) =>
  `${r.kind}:${foldedNameOf({ kind: r.kind, givenNames: r.givenNames, surname: r.surname, organizationName: r.organizationName })}`;
/** The act that conferred it: a resolution of a term, or the Mayor's ordinance of a date. */
const actKeyOf = (r: HistoricalRecord) => (r.honour === "HONORIS_GRATIA" ? `O:${r.decidedOn}:${r.decisionNumber}` : `R:${r.termNumber}:${r.resolutionNumber}`);

function labelOf(r: HistoricalRecord): string {
  const name = r.kind === "PERSON" ? `${r.givenNames} ${r.surname}` : r.organizationName;
  const honour = r.honour === "CRACOVIAE_MERENTI" ? `Cracoviae Merenti, ${r.medalClass === "GOLD" ? "złoty" : r.medalClass === "SILVER" ? "srebrny" : "brązowy"}` : r.honour === "HONORARY_CITIZENSHIP" ? "Honorowe Obywatelstwo" : "Honoris Gratia";
  const act = r.honour === "HONORIS_GRATIA" ? `decyzja z ${r.decidedOn}${r.decisionNumber ? ` (${r.decisionNumber})` : ""}` : `uchwała ${r.resolutionNumber} z ${r.adoptedOn}`;
  return `${name}: ${honour}${r.number ? ` nr ${r.number}` : ""}, ${act}`;
}

/** The dry run: what the file would create or match, and every problem, row and column. */
export async function planImport(bytes: Uint8Array, tx: Tx = db()): Promise<ImportPlan> {
  return publicPlan(await buildPlan(bytes, tx));
}

function publicPlan(p: { read: ReturnType<typeof readHistoricalCsv>; rows: Planned[] }): ImportPlan {
  const rows = p.rows.map(({ record: _r, candidateKey: _k, candidateId: _c, ...row }) => row);
  const issues = [...p.read.issues, ...rows.flatMap((r) => r.issues)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    encoding: p.read.encoding,
    delimiter: p.read.delimiter,
    fileIssues: p.read.issues,
    rows,
    issues,
    warnings: p.read.warnings,
    counts: {
      // Rows the reader refused (wrong field count) count as rows with errors.
      rows: rows.length + new Set(p.read.issues.filter((i) => i.row !== null && i.row > 1).map((i) => i.row)).size,
      create: rows.filter((r) => r.action === "create").length,
      match: rows.filter((r) => r.action === "match").length,
      error: rows.filter((r) => r.action === "error").length + new Set(p.read.issues.filter((i) => i.row !== null && i.row > 1).map((i) => i.row)).size,
    },
  };
}

async function buildPlan(bytes: Uint8Array, tx: Tx) {
  const read = readHistoricalCsv(bytes);
  const terms = await tx.councilTerm.findMany({ select: { id: true, number: true, startDate: true, endDate: true } });
  const rows: Planned[] = read.rows.map((raw) => {
    const { record, issues } = validateRow(raw, { terms });
    return {
      row: raw.row,
      action: "error",
      label: record ? labelOf(record) : Object.values(raw.values).filter(Boolean).slice(0, 6).join(" · "),
      matchedPublicId: null,
      newCandidate: false,
      issues,
      record,
      candidateKey: record ? candidateKeyOf(record) : "",
      candidateId: null,
    };
  });
  const valid = rows.filter((r) => r.record);
  const err = (r: Planned, column: Issue["column"], message: string) => r.issues.push({ row: r.row, column, message });

  // Existing candidates (same kind and folded name) and their conferrals, for matching.
  const folded = [...new Set(valid.map((r) => r.candidateKey.slice(r.candidateKey.indexOf(":") + 1)))];
  const candidatesByKey = new Map<string, ExistingCandidate[]>();
  for (const names of chunks(folded, RAW_CHUNK)) {
    for (const row of await existingCandidates(tx, names)) {
      const key = `${row.kind}:${row.foldedName}`;
      const list = candidatesByKey.get(key) ?? [];
      let candidate = list.find((c) => c.id === row.id);
      if (!candidate) list.push((candidate = { id: row.id, conferrals: [] }));
      candidatesByKey.set(key, list);
      if (row.publicId) {
        candidate.conferrals.push({
          publicId: row.publicId,
          honour: row.honour!,
          medalClass: row.medalClass,
          number: row.number,
          actKey: row.resolutionNumber ? `R:${row.termNumber}:${row.resolutionNumber}` : row.issuedOn !== null ? `O:${row.issuedOn}:${row.ordinanceNumber}` : "",
        });
      }
    }
  }

  // Numbers already used, resolutions already recorded (by number and by running number).
  const numbered = valid.filter((r) => r.record!.number !== null);
  const usedNumbers = (
    await Promise.all(
      chunks([...new Set(numbered.map((r) => r.record!.number!))], RAW_CHUNK).map((numbers) =>
        tx.$queryRawUnsafe<{ publicId: string; numberSeries: string | null; number: number; isDemo: number | bigint | boolean }[]>(
          `SELECT "publicId", "numberSeries", "number", "isDemo" FROM "Conferral" WHERE "number" IN (${numbers.map(() => "?").join(", ")})`,
          ...numbers,
        ),
      ),
    )
  ).flat();
  const usedBy = new Map(usedNumbers.map((c) => [`${c.numberSeries}:${c.number}`, { publicId: c.publicId, isDemo: Boolean(Number(c.isDemo)) }]));
  const council = valid.filter((r) => r.record!.resolutionNumber);
  const resolutionNumbers = [...new Set(council.map((r) => r.record!.resolutionNumber!))];
  const runningNumbers = [...new Set(council.map((r) => runningOf(r.record!.resolutionNumber!)))];
  const existingResolutions = (
    await Promise.all([
      ...chunks(resolutionNumbers).map((numbers) => tx.resolution.findMany({ where: { number: { in: numbers } }, include: { councilTerm: { select: { number: true } } } })),
      ...chunks(runningNumbers).map((running) => tx.resolution.findMany({ where: { runningNumber: { in: running } }, include: { councilTerm: { select: { number: true } } } })),
    ])
  ).flat();
  const resolutionByNumber = new Map(existingResolutions.map((r) => [`${r.councilTerm.number}:${r.number}`, r]));
  const resolutionByRunning = new Map(existingResolutions.map((r) => [`${r.councilTerm.number}:${r.runningNumber}`, r]));

  // Within the file: one date per resolution, one number per running number, each medal number once.
  const fileResolution = new Map<string, { adoptedOn: string; row: number }>();
  const fileRunning = new Map<string, { number: string; row: number }>();
  const fileNumbers = new Map<string, number>();
  const fileHonoraryCitizens = new Map<string, number>();
  const fileActs = new Map<string, number>();
  // A Mayor's ordinance number names one ordinance: one date for it, in the register and the file.
  const decisionNumbers = [...new Set(valid.map((r) => r.record!.decisionNumber).filter(Boolean))];
  const savedDecisions = new Map<string, string>();
  for (const numbers of chunks(decisionNumbers)) {
    for (const o of await tx.ordinance.findMany({ where: { number: { in: numbers }, kind: "HG_DECISION" }, select: { number: true, issuedOn: true } })) {
      savedDecisions.set(o.number, o.issuedOn);
    }
  }
  const fileDecisions = new Map<string, { decidedOn: string; row: number }>();

  for (const r of valid) {
    const rec = r.record!;
    const existing = candidatesByKey.get(r.candidateKey) ?? [];
    const actKey = actKeyOf(rec);
    const match = existing
      .flatMap((c) => c.conferrals.map((conf) => ({ candidateId: c.id, conf })))
      .find(({ conf }) => conf.honour === rec.honour && conf.actKey === actKey);
    r.candidateId = match?.candidateId ?? existing[0]?.id ?? null;

    const sameInFile = fileActs.get(`${r.candidateKey}|${rec.honour}|${actKey}`);
    if (sameInFile) err(r, "wyroznienie", `To samo nadanie jest już w wierszu ${sameInFile}.`);
    else fileActs.set(`${r.candidateKey}|${rec.honour}|${actKey}`, r.row);

    if (match) {
      if ((match.conf.medalClass ?? null) !== rec.medalClass) err(r, "klasa", "To nadanie jest już zapisane z inną klasą medalu.");
      if (rec.number !== null && match.conf.number !== rec.number) {
        err(r, "numer", `To nadanie jest już zapisane ${match.conf.number ? `z numerem ${match.conf.number}` : "bez numeru"}.`);
      }
      r.matchedPublicId = match.conf.publicId;
    } else {
      const held = existing.flatMap((c) => c.conferrals).map((c) => ({ honour: c.honour as Honour, medalClass: (c.medalClass as MedalClass | null) ?? null }));
      // The refusals that depend on what the candidate already holds (Honorary Citizenship held
      // already); those of the row alone were reported by validateRow.
      const alone = new Set(eligibilityErrors({ ...rec, conferredOn: conferredOnOf(rec) }, []).map((e) => e.message));
      for (const e of eligibilityErrors({ ...rec, conferredOn: conferredOnOf(rec) }, held)) {
        if (!alone.has(e.message)) err(r, "wyroznienie", e.message);
      }
      if (rec.honour === "HONORARY_CITIZENSHIP") {
        const earlier = fileHonoraryCitizens.get(r.candidateKey);
        if (earlier) err(r, "wyroznienie", `Honorowe Obywatelstwo tej osoby jest już w wierszu ${earlier}.`);
        else fileHonoraryCitizens.set(r.candidateKey, r.row);
      }
      const series = numberSeriesOf(rec.honour, rec.medalClass);
      if (series && rec.number !== null) {
        const key = `${series}:${rec.number}`;
        const owner = usedBy.get(key);
        const earlier = fileNumbers.get(key);
        // A value that clashes with the register is reported once, not again against later rows.
        if (owner) err(r, "numer", `Numer ${rec.number} (${seriesLabel(series)}) jest już nadany (rejestr: ${owner.publicId}).${owner.isDemo ? ` ${DEMO_REMOVAL_HINT}` : ""}`);
        else if (earlier) err(r, "numer", `Numer ${rec.number} (${seriesLabel(series)}) powtarza się: jest już w wierszu ${earlier}.`);
        else fileNumbers.set(key, r.row);
      }
    }

    if (rec.decisionNumber && rec.decidedOn) {
      const saved = savedDecisions.get(rec.decisionNumber);
      const inFile = fileDecisions.get(rec.decisionNumber);
      if (saved && saved !== rec.decidedOn) err(r, "decyzja_data", `Zarządzenie nr ${rec.decisionNumber} jest zapisane z datą ${saved}.`);
      else if (inFile && inFile.decidedOn !== rec.decidedOn) err(r, "decyzja_data", `Zarządzenie nr ${rec.decisionNumber} ma w wierszu ${inFile.row} datę ${inFile.decidedOn}.`);
      else if (!inFile) fileDecisions.set(rec.decisionNumber, { decidedOn: rec.decidedOn, row: r.row });
    }

    if (rec.resolutionNumber && rec.termNumber) {
      const key = `${rec.termNumber}:${rec.resolutionNumber}`;
      const saved = resolutionByNumber.get(key);
      const inFile = fileResolution.get(key);
      if (saved && saved.adoptedOn !== rec.adoptedOn) err(r, "uchwala_data", `Uchwała nr ${rec.resolutionNumber} jest zapisana z datą ${saved.adoptedOn}.`);
      else if (inFile && inFile.adoptedOn !== rec.adoptedOn) err(r, "uchwala_data", `Uchwała nr ${rec.resolutionNumber} ma w wierszu ${inFile.row} datę ${inFile.adoptedOn}.`);
      else if (!inFile) fileResolution.set(key, { adoptedOn: rec.adoptedOn!, row: r.row });
      const runningKey = `${rec.termNumber}:${runningOf(rec.resolutionNumber)}`;
      const savedRunning = resolutionByRunning.get(runningKey);
      const runningInFile = fileRunning.get(runningKey);
      if (savedRunning && savedRunning.number !== rec.resolutionNumber) {
        err(r, "uchwala_nr", `Numer kolejny ${runningOf(rec.resolutionNumber)} jest już użyty w tej kadencji (uchwała nr ${savedRunning.number}).`);
      } else if (runningInFile && runningInFile.number !== rec.resolutionNumber) {
        err(r, "uchwala_nr", `Numer kolejny ${runningOf(rec.resolutionNumber)} ma w wierszu ${runningInFile.row} uchwała nr ${runningInFile.number}.`);
      } else if (!runningInFile) fileRunning.set(runningKey, { number: rec.resolutionNumber, row: r.row });
    }

    r.action = r.issues.length ? "error" : match ? "match" : "create";
    r.newCandidate = r.action === "create" && r.candidateId === null;
  }
  return { read, rows };
}

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

const runningOf = (resolutionNumber: string) => {
  const parsed = parseResolutionNumber(resolutionNumber);
  return parsed.ok ? parsed.value.running : 0;
};

const SERIES_LABEL: Record<string, string> = { CM_GOLD: "złote medale", CM_SILVER: "srebrne medale", CM_BRONZE: "brązowe medale", HG: "odznaki" };
const seriesLabel = (series: string) => SERIES_LABEL[series] ?? series;

export type ApplyOptions = { userId: string | null; fileName?: string; skipErrors?: boolean; isDemo?: boolean };
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
      const built = await buildPlan(bytes, tx);
      const plan = publicPlan(built);
      if (plan.fileIssues.length && plan.rows.length === 0) return { kind: "refused" as const, plan, message: "Pliku nie można zaimportować: popraw błędy pliku." };
      if (plan.counts.error > 0 && !options.skipErrors) {
        return { kind: "refused" as const, plan, message: `Nic nie zaimportowano: ${countOf(plan.counts.error, NOUNS.row)} z błędami. Popraw plik albo świadomie pomiń te wiersze.` };
      }
      const toCreate = built.rows.filter((r) => r.action === "create");
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
          ...candidateData({
            candidateKind: record.kind,
            givenNames: record.givenNames,
            surname: record.surname,
            organizationName: record.organizationName,
            shortName: "",
            grammaticalGender: (record.gender ?? undefined) as Gender | undefined,
            deceased: false,
            title: "",
            city: "",
          }, lexicon),
          isDemo,
          createdAt: now,
          updatedAt: now,
        })),
      );

      // Resolutions (found or created by term and number) and the Mayor's ordinances.
      const termIds = new Map((await tx.councilTerm.findMany({ select: { id: true, number: true } })).map((t) => [t.number, t.id]));
      const resolutionIds = new Map<string, string>();
      const wantedResolutions = [...new Map(toCreate.filter((r) => r.record!.resolutionNumber).map((r) => [`${r.record!.termNumber}:${r.record!.resolutionNumber}`, r.record!])).entries()];
      for (const part of chunks(wantedResolutions)) {
        const found = await tx.resolution.findMany({ where: { number: { in: part.map(([, rec]) => rec.resolutionNumber!) } }, include: { councilTerm: { select: { number: true } } } });
        for (const f of found) resolutionIds.set(`${f.councilTerm.number}:${f.number}`, f.id);
      }
      const newResolutions = wantedResolutions.filter(([key]) => !resolutionIds.has(key)).map(([key, rec]) => {
        const parsed = parseResolutionNumber(rec.resolutionNumber!);
        if (!parsed.ok) throw new Error(`Nieprawidłowy numer uchwały ${rec.resolutionNumber}`);
        const id = randomUUID();
        resolutionIds.set(key, id);
        return { id, councilTermId: termIds.get(rec.termNumber!)!, number: rec.resolutionNumber!, sessionNumber: parsed.value.session, runningNumber: parsed.value.running, adoptedOn: rec.adoptedOn!, kind: "CONFERRAL", createdAt: now };
      });
      await insertRows(tx, "Resolution", newResolutions);

      const ordinanceIds = new Map<string, string>();
      const wantedOrdinances = [...new Map(toCreate.filter((r) => r.record!.decidedOn).map((r) => [`${r.record!.decidedOn}:${r.record!.decisionNumber}`, r.record!])).entries()];
      for (const part of chunks(wantedOrdinances)) {
        const found = await tx.ordinance.findMany({ where: { issuedOn: { in: part.map(([, rec]) => rec.decidedOn!) } } });
        for (const f of found) ordinanceIds.set(`${f.issuedOn}:${f.number}`, f.id);
      }
      const newOrdinances = wantedOrdinances.filter(([key]) => !ordinanceIds.has(key)).map(([key, rec]) => {
        const id = randomUUID();
        ordinanceIds.set(key, id);
        return { id, number: rec.decisionNumber, issuedOn: rec.decidedOn!, kind: "HG_DECISION", title: "w sprawie nadania Odznaki „Honoris Gratia”", createdAt: now };
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
      const nameFormsResuggested = await resuggestNameForms(tx, [...new Set(built.rows.filter((r) => r.action !== "error" && r.candidateId).map((r) => r.candidateId!))]);

      const skippedRows = plan.rows.filter((r) => r.action === "error").map((r) => r.row);
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


// ---------------------------------------------------------------- export

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
  const records = rows.map(
    (c): HistoricalRecord => ({
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
    }),
  );
  return { csv: toHistoricalCsv(records), count: records.length };
}

const ACTION_LABEL: Record<RowAction, string> = { create: "utworzy", match: "istnieje", error: "BŁĄD" };

/** The dry run as plain text (the command line prints it): summary, every error, then the rows. */
export function planReport(plan: ImportPlan, { rowLimit = Infinity }: { rowLimit?: number } = {}): string[] {
  const lines = [
    `Kodowanie: ${plan.encoding}${plan.encoding === "Windows-1250" ? " (plik nie jest w UTF-8: przekodowano z Windows-1250)" : ""}; separator „${plan.delimiter}”.`,
    `Wierszy: ${plan.counts.rows}; do utworzenia: ${plan.counts.create}; już w rejestrze: ${plan.counts.match}; z błędami: ${plan.counts.error}.`,
  ];
  if (plan.issues.length) {
    lines.push("", `Błędy (${plan.issues.length}):`);
    for (const i of plan.issues) lines.push(`  ${i.row === null ? "plik" : `wiersz ${i.row}`}${i.column ? `, kolumna ${i.column}` : ""}: ${i.message}`);
  }
  if (plan.warnings.length) {
    lines.push("", `Ostrzeżenia (${plan.warnings.length}):`);
    for (const w of plan.warnings) lines.push(`  wiersz ${w.row}, kolumna ${w.column}: ${w.message}`);
  }
  if (plan.rows.length) {
    lines.push("", "Wiersze:");
    for (const r of plan.rows.slice(0, rowLimit)) lines.push(`  ${String(r.row).padStart(6)}  ${ACTION_LABEL[r.action].padEnd(8)} ${r.label}`);
    if (plan.rows.length > rowLimit) lines.push(`  … i ${plan.rows.length - rowLimit} dalszych (--all pokazuje wszystkie).`);
  }
  return lines;
}
