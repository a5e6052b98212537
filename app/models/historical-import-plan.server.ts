// Planning an import of the historical record (the CSV format of app/domain/historical-csv.ts):
// every row is checked against the format, the rules, the register and the rows before it, and
// gets what it will do (create, match or error) with every problem by row and column. The dry
// run (historical-import-dry-run.server.ts) and applyImport (historical-import.server.ts, again
// inside its transaction) both plan through planFile.
//
// The file is read twice, a batch at a time: first for the keys the database is asked about
// (names, numbers, resolutions), then to plan each row. A row's plan goes to the caller and is
// not kept, so a 20 MB file's plan holds its keys, not its rows, and other requests are served
// between batches.
import { foldedNameOf } from "#app/domain/candidate";
import { setImmediate as nextTurn } from "node:timers/promises";
import {
  conferredOnOf,
  type CsvFormat,
  csvFormatOf,
  eligibilityErrors,
  type HistoricalRecord,
  historicalCsvBatches,
  type Issue,
  type RawRow,
  type RowContext,
  type UnreadableRow,
  validateRow,
} from "#app/domain/historical-csv";
import { numberSeriesOf, type Honour, type MedalClass } from "#app/domain/honours";
import { parseResolutionNumber } from "#app/domain/resolution-number";
import type { Tx } from "#app/utils/db.server";
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

/**
 * One query per chunk of the values, one after another, letting other requests in between:
 * SQLite answers on this thread, so a file's thousands of names must not be one long wait.
 */
async function inTurns<T, R>(values: T[], size: number, query: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const found: R[] = [];
  for (const part of chunks(values, size)) {
    found.push(...(await query(part)));
    await nextTurn();
  }
  return found;
}

const candidateKeyOf = (r: HistoricalRecord) =>
  `${r.kind}:${foldedNameOf({ kind: r.kind, givenNames: r.givenNames, surname: r.surname, organizationName: r.organizationName })}`;
/** The act that conferred it: a resolution of a term, or the Mayor's ordinance of a date. */
const actKeyOf = (r: HistoricalRecord) => (r.honour === "HONORIS_GRATIA" ? `O:${r.decidedOn}:${r.decisionNumber}` : `R:${r.termNumber}:${r.resolutionNumber}`);

/** The same conferral twice in the file: the same candidate, honour and act. */
const fileActKeyOf = (r: HistoricalRecord, candidateKey: string) => `${candidateKey}|${r.honour}|${actKeyOf(r)}`;

/** FNV-1a, 32 bits: the first reading counts the file's acts by it, so the second keeps only those that repeat. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

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

/** One batch of the file, planned: its rows in file order (those not read among them, as errors), file problems, formula warnings. */
export type PlanBatch = { rows: Planned[]; fileIssues: Issue[]; warnings: Issue[] };

/** What a row shows of itself in the report when it is wrong: its first cells. */
const cellsLabel = (cells: string[]) =>
  cells
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(0, 6)
    .join(" · ");

/** A row checked on its own (format and rules), not yet against the database and the rest of the file. */
function checkedRow(raw: RawRow, context: RowContext): Planned {
  const { record, issues } = validateRow(raw, context);
  return {
    row: raw.row,
    action: "error",
    label: record ? labelOf(record) : cellsLabel(Object.values(raw.values)),
    matchedPublicId: null,
    newCandidate: false,
    issues,
    record,
    candidateKey: record ? candidateKeyOf(record) : "",
    candidateId: null,
  };
}

/** A row that could not be read by column: an error with its cells for a label. */
const unreadableRow = ({ row, cells, issue }: UnreadableRow): Planned => ({
  row,
  action: "error",
  label: cellsLabel(cells),
  matchedPublicId: null,
  newCandidate: false,
  issues: [issue],
  record: null,
  candidateKey: "",
  candidateId: null,
});

/**
 * A reading with no statement for this long would look abandoned to the transaction's idle
 * watchdog (db.server.ts, 15 s) when the import applies a file inside one.
 */
const KEEPALIVE_MS = 2_000;

/** The file a batch at a time; other requests run between batches, and `tx` hears from it now and then. */
async function* fileBatches(bytes: Uint8Array, format: CsvFormat, tx: Tx) {
  let spoke = Date.now();
  for await (const batch of historicalCsvBatches(bytes, format)) {
    yield batch;
    await nextTurn();
    if (Date.now() - spoke > KEEPALIVE_MS) {
      await tx.$queryRawUnsafe("SELECT 1");
      spoke = Date.now();
    }
  }
}

/**
 * Plans every row of the file and hands each batch to `onBatch` in file order; nothing is kept
 * here but the keys of the file. Its rows' records are in the batches (applyImport writes them).
 */
export async function planFile(bytes: Uint8Array, tx: Tx, onBatch: (batch: PlanBatch) => void | Promise<void>): Promise<CsvFormat> {
  const format = csvFormatOf(bytes);
  const terms = await tx.councilTerm.findMany({ select: { id: true, number: true, startDate: true, endDate: true } });

  // First reading: what to ask the database.
  const folded = new Set<string>();
  const numbers = new Set<number>();
  const resolutionNumbers = new Set<string>();
  const runningNumbers = new Set<number>();
  const decisionNumbers = new Set<string>();
  const actsByHash = new Map<number, number>();
  for await (const batch of fileBatches(bytes, format, tx)) {
    for (const raw of batch.rows) {
      const { record } = validateRow(raw, { terms });
      if (!record) continue;
      folded.add(foldedNameOf(record));
      const act = hashOf(fileActKeyOf(record, candidateKeyOf(record)));
      actsByHash.set(act, (actsByHash.get(act) ?? 0) + 1);
      if (record.number !== null) numbers.add(record.number);
      if (record.resolutionNumber) {
        resolutionNumbers.add(record.resolutionNumber);
        runningNumbers.add(runningOf(record.resolutionNumber));
      }
      if (record.decisionNumber) decisionNumbers.add(record.decisionNumber);
    }
  }
  const err = (r: Planned, column: Issue["column"], message: string) => r.issues.push({ row: r.row, column, message });

  // Existing candidates (same kind and folded name) and their conferrals, for matching.
  const candidatesByKey = new Map<string, ExistingCandidate[]>();
  for (const row of await inTurns([...folded], RAW_CHUNK, (names) => existingCandidates(tx, names))) {
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
  folded.clear();

  // Numbers already used, resolutions already recorded (by number and by running number).
  const usedNumbers = await inTurns([...numbers], RAW_CHUNK, (part) =>
    tx.$queryRawUnsafe<{ publicId: string; numberSeries: string | null; number: number; isDemo: number | bigint | boolean }[]>(
      `SELECT "publicId", "numberSeries", "number", "isDemo" FROM "Conferral" WHERE "number" IN (${part.map(() => "?").join(", ")})`,
      ...part,
    ),
  );
  const usedBy = new Map(usedNumbers.map((c) => [`${c.numberSeries}:${c.number}`, { publicId: c.publicId, isDemo: Boolean(Number(c.isDemo)) }]));
  const existingResolutions = [
    ...(await inTurns([...resolutionNumbers], PRISMA_CHUNK, (part) =>
      tx.resolution.findMany({ where: { number: { in: part } }, include: { councilTerm: { select: { number: true } } } }),
    )),
    ...(await inTurns([...runningNumbers], PRISMA_CHUNK, (running) =>
      tx.resolution.findMany({ where: { runningNumber: { in: running } }, include: { councilTerm: { select: { number: true } } } }),
    )),
  ];
  const resolutionByNumber = new Map(existingResolutions.map((r) => [`${r.councilTerm.number}:${r.number}`, r]));
  const resolutionByRunning = new Map(existingResolutions.map((r) => [`${r.councilTerm.number}:${r.runningNumber}`, r]));
  // A Mayor's ordinance number names one ordinance: one date for it, in the register and the file.
  const savedDecisions = new Map(
    (
      await inTurns([...decisionNumbers], PRISMA_CHUNK, (part) =>
        tx.ordinance.findMany({ where: { number: { in: part }, kind: "HG_DECISION" }, select: { number: true, issuedOn: true } }),
      )
    ).map((o) => [o.number, o.issuedOn]),
  );

  // Second reading: each row against the database and the rows before it. Within the file: one
  // date per resolution, one number per running number, each medal number once.
  const fileResolution = new Map<string, { adoptedOn: string; row: number }>();
  const fileRunning = new Map<string, { number: string; row: number }>();
  const fileNumbers = new Map<string, Map<number, number>>();
  const fileHonoraryCitizens = new Map<string, number>();
  const fileActs = new Map<string, number>();
  const fileDecisions = new Map<string, { decidedOn: string; row: number }>();
  for await (const batch of fileBatches(bytes, format, tx)) {
    const rows = batch.rows.map((raw) => checkedRow(raw, { terms }));
    for (const r of rows) if (r.record) planRow(r);
    // The rows not read take their places among the others, so the report keeps file order.
    if (batch.unreadable.length) {
      rows.push(...batch.unreadable.map(unreadableRow));
      rows.sort((a, b) => a.row - b.row);
    }
    await onBatch({ rows, fileIssues: batch.fileIssues, warnings: batch.warnings });
  }
  return format;

  function planRow(r: Planned) {
    const rec = r.record!;
    const existing = candidatesByKey.get(r.candidateKey) ?? [];
    const actKey = actKeyOf(rec);
    const match = existing
      .flatMap((c) => c.conferrals.map((conf) => ({ candidateId: c.id, conf })))
      .find(({ conf }) => conf.honour === rec.honour && conf.actKey === actKey);
    r.candidateId = match?.candidateId ?? existing[0]?.id ?? null;

    // Only the acts the first reading saw more than once (by their hash) are remembered.
    const fileAct = fileActKeyOf(rec, r.candidateKey);
    if (actsByHash.get(hashOf(fileAct))! > 1) {
      const sameInFile = fileActs.get(fileAct);
      if (sameInFile) err(r, "wyroznienie", `To samo nadanie jest już w wierszu ${sameInFile}.`);
      else fileActs.set(fileAct, r.row);
    }

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
      if (held.length) {
        const alone = new Set(eligibilityErrors({ ...rec, conferredOn: conferredOnOf(rec) }, []).map((e) => e.message));
        for (const e of eligibilityErrors({ ...rec, conferredOn: conferredOnOf(rec) }, held)) {
          if (!alone.has(e.message)) err(r, "wyroznienie", e.message);
        }
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
        const seriesNumbers = fileNumbers.get(series) ?? fileNumbers.set(series, new Map()).get(series)!;
        const earlier = seriesNumbers.get(rec.number);
        // A value that clashes with the register is reported once, not again against later rows.
        if (owner)
          err(
            r,
            "numer",
            `Numer ${rec.number} (${seriesLabel(series)}) jest już nadany (rejestr: ${owner.publicId}).${owner.isDemo ? ` ${DEMO_REMOVAL_HINT}` : ""}`,
          );
        else if (earlier) err(r, "numer", `Numer ${rec.number} (${seriesLabel(series)}) powtarza się: jest już w wierszu ${earlier}.`);
        else seriesNumbers.set(rec.number, r.row);
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
}

const runningOf = (resolutionNumber: string) => {
  const parsed = parseResolutionNumber(resolutionNumber);
  return parsed.ok ? parsed.value.running : 0;
};

const SERIES_LABEL: Record<string, string> = { CM_GOLD: "złote medale", CM_SILVER: "srebrne medale", CM_BRONZE: "brązowe medale", HG: "odznaki" };
const seriesLabel = (series: string) => SERIES_LABEL[series] ?? series;
