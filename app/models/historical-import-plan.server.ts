// The dry run of an import of the historical record (the CSV format of
// app/domain/historical-csv.ts): it reads the file, checks every row against the format, the
// rules and the database, and says per row what it will create or match, with every problem by
// row and column. applyImport (historical-import.server.ts) makes the same plan again inside its
// transaction; the page keeps a dry run's file on the server (import-staging.server.ts).
import { foldedNameOf } from "#app/domain/candidate";
import {
  conferredOnOf,
  eligibilityErrors,
  type HistoricalRecord,
  type Issue,
  type ReadResult,
  readHistoricalCsv,
  validateRow,
} from "#app/domain/historical-csv";
import { numberSeriesOf, type Honour, type MedalClass } from "#app/domain/honours";
import { parseResolutionNumber } from "#app/domain/resolution-number";
import { db, type Tx } from "#app/utils/db.server";
import { DEMO_REMOVAL_HINT } from "./demo-data.server";

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

export type Planned = PlannedRow & { record: HistoricalRecord | null; candidateKey: string; candidateId: string | null };

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
export function chunks<T>(items: T[], size = PRISMA_CHUNK): T[][] {
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
  const honour =
    r.honour === "CRACOVIAE_MERENTI"
      ? `Cracoviae Merenti, ${r.medalClass === "GOLD" ? "złoty" : r.medalClass === "SILVER" ? "srebrny" : "brązowy"}`
      : r.honour === "HONORARY_CITIZENSHIP"
        ? "Honorowe Obywatelstwo"
        : "Honoris Gratia";
  const act =
    r.honour === "HONORIS_GRATIA"
      ? `decyzja z ${r.decidedOn}${r.decisionNumber ? ` (${r.decisionNumber})` : ""}`
      : `uchwała ${r.resolutionNumber} z ${r.adoptedOn}`;
  // Joined into one flat string: `+` and template literals build a rope of every piece, about
  // three times the memory, and a 19 MB file has 120 000 labels.
  return [name, ": ", honour, r.number ? ` nr ${r.number}` : "", ", ", act].join("");
}

/** The dry run: what the file would create or match, and every problem, row and column. */
export async function planImport(bytes: Uint8Array, tx: Tx = db()): Promise<ImportPlan> {
  return publicPlan(await buildPlan(bytes, tx));
}

export function publicPlan(p: { read: ReadResult<unknown>; rows: Planned[] }): ImportPlan {
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

export async function buildPlan(bytes: Uint8Array, tx: Tx) {
  const terms = await tx.councilTerm.findMany({ select: { id: true, number: true, startDate: true, endDate: true } });
  // Each row is checked as it is read and only its plan is kept: a 19 MB file's cells and raw
  // values are never all in memory at once.
  const read = readHistoricalCsv(bytes, (raw): Planned => {
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
  const rows = read.rows;
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
          actKey: row.resolutionNumber
            ? `R:${row.termNumber}:${row.resolutionNumber}`
            : row.issuedOn !== null
              ? `O:${row.issuedOn}:${row.ordinanceNumber}`
              : "",
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
      ...chunks(resolutionNumbers).map((numbers) =>
        tx.resolution.findMany({ where: { number: { in: numbers } }, include: { councilTerm: { select: { number: true } } } }),
      ),
      ...chunks(runningNumbers).map((running) =>
        tx.resolution.findMany({ where: { runningNumber: { in: running } }, include: { councilTerm: { select: { number: true } } } }),
      ),
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
        if (owner)
          err(
            r,
            "numer",
            `Numer ${rec.number} (${seriesLabel(series)}) jest już nadany (rejestr: ${owner.publicId}).${owner.isDemo ? ` ${DEMO_REMOVAL_HINT}` : ""}`,
          );
        else if (earlier) err(r, "numer", `Numer ${rec.number} (${seriesLabel(series)}) powtarza się: jest już w wierszu ${earlier}.`);
        else fileNumbers.set(key, r.row);
      }
    }

    if (rec.decisionNumber && rec.decidedOn) {
      const saved = savedDecisions.get(rec.decisionNumber);
      const inFile = fileDecisions.get(rec.decisionNumber);
      if (saved && saved !== rec.decidedOn) err(r, "decyzja_data", `Zarządzenie nr ${rec.decisionNumber} jest zapisane z datą ${saved}.`);
      else if (inFile && inFile.decidedOn !== rec.decidedOn)
        err(r, "decyzja_data", `Zarządzenie nr ${rec.decisionNumber} ma w wierszu ${inFile.row} datę ${inFile.decidedOn}.`);
      else if (!inFile) fileDecisions.set(rec.decisionNumber, { decidedOn: rec.decidedOn, row: r.row });
    }

    if (rec.resolutionNumber && rec.termNumber) {
      const key = `${rec.termNumber}:${rec.resolutionNumber}`;
      const saved = resolutionByNumber.get(key);
      const inFile = fileResolution.get(key);
      if (saved && saved.adoptedOn !== rec.adoptedOn) err(r, "uchwala_data", `Uchwała nr ${rec.resolutionNumber} jest zapisana z datą ${saved.adoptedOn}.`);
      else if (inFile && inFile.adoptedOn !== rec.adoptedOn)
        err(r, "uchwala_data", `Uchwała nr ${rec.resolutionNumber} ma w wierszu ${inFile.row} datę ${inFile.adoptedOn}.`);
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

const runningOf = (resolutionNumber: string) => {
  const parsed = parseResolutionNumber(resolutionNumber);
  return parsed.ok ? parsed.value.running : 0;
};

const SERIES_LABEL: Record<string, string> = { CM_GOLD: "złote medale", CM_SILVER: "srebrne medale", CM_BRONZE: "brązowe medale", HG: "odznaki" };
const seriesLabel = (series: string) => SERIES_LABEL[series] ?? series;

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
