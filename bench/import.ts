// Import of the historical record: the dry run and the apply of a 10 000-row file
// (bench/lib/historical-csv.ts) into the benchmark register (bench/lib/dataset.ts), through the
// same model functions the screen and `npm run import` call. Each apply is undone afterwards, so
// every run (and every later suite) sees the register as it was built.
import { performance } from "node:perf_hooks";
import type { Db } from "#app/utils/db.server";
import { benchDataset } from "./lib/dataset";
import { historicalCsv, historicalRecords } from "./lib/historical-csv";
import { figureOf, formatMs, printFigures, type SuiteReport } from "./lib/measure";

const ROWS = 10_000;
const TARGET_MS = 5_000;
const ITERATIONS = 3;

export async function importBench(): Promise<SuiteReport> {
  const dataset = await benchDataset();
  // Imported only now: DATABASE_URL points at the benchmark database.
  const { applyImport, planImport } = await import("../app/models/historical-import.server.ts");
  const { db } = await import("../app/utils/db.server.ts");

  // Numbers and resolution running numbers continue after the register's, as a real file's would.
  const highest = await db().conferral.groupBy({ by: ["numberSeries"], _max: { number: true }, where: { numberSeries: { not: null } } });
  const running = await db().resolution.aggregate({ _max: { runningNumber: true } });
  const tag = `bench-import-${Date.now()}`;
  // Generated names can be the register's (a namesake who already is an Honorary Citizen):
  // those few rows are left out, so the file holds 10 000 rows the rules accept.
  const generated = historicalRecords(ROWS + 200, {
    highestNumber: Object.fromEntries(highest.map((h) => [h.numberSeries!, h._max.number ?? 0])),
    runningAfter: running._max.runningNumber ?? 0,
    citationTag: tag,
  });
  const refused = new Set((await planImport(historicalCsv(generated))).issues.map((i) => i.row));
  const records = generated.filter((_, i) => !refused.has(i + 2)).slice(0, ROWS);
  const bytes = historicalCsv(records);
  console.log(
    `file: ${records.length} rows (${refused.size} generated rows left out: namesakes in the register), ${(bytes.length / 1024 / 1024).toFixed(1)} MB; register: ${dataset.counts.Conferral ?? "?"} conferrals, ${dataset.counts.Candidate ?? "?"} candidates`,
  );

  const dryRuns: number[] = [];
  let planned = { create: 0, match: 0, error: 0 };
  for (let i = 0; i < ITERATIONS + 1; i++) {
    const start = performance.now();
    const plan = await planImport(bytes);
    if (i > 0) dryRuns.push(performance.now() - start);
    planned = plan.counts;
    if (planned.create + planned.match !== ROWS || planned.error !== 0)
      throw new Error(`unexpected dry run: ${JSON.stringify(planned)} ${JSON.stringify(plan.issues.slice(0, 3))}`);
  }

  const applies: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const since = new Date();
    const start = performance.now();
    const result = await applyImport(bytes, { userId: null, fileName: "bench.csv" });
    applies.push(performance.now() - start);
    if (result.kind !== "applied" || result.created !== planned.create) throw new Error(`unexpected apply: ${result.kind}`);
    await undo(db(), tag, since);
  }

  const figures = [
    figureOf(
      `dry run, ${ROWS} rows`,
      dryRuns.sort((a, b) => a - b),
      TARGET_MS,
      `${planned.create} to create, ${planned.match} matched`,
    ),
    figureOf(
      `apply, ${ROWS} rows (one transaction)`,
      applies.sort((a, b) => a - b),
      TARGET_MS,
      `${formatMs(ROWS / (applies[0]! / 1000))} rows/s at best`,
    ),
  ];
  console.log("");
  printFigures(figures);
  return { suite: "import", figures };
}

/** Removes what one apply wrote (its conferrals by their citation tag, then what only they used). */
async function undo(db: Db, tag: string, since: Date) {
  await db.conferral.deleteMany({ where: { citation: { contains: `[${tag}]` } } });
  await db.candidate.deleteMany({ where: { createdAt: { gte: since }, conferrals: { none: {} }, nominations: { none: {} } } });
  await db.resolution.deleteMany({ where: { createdAt: { gte: since }, conferrals: { none: {} }, draft: null, limitRules: { none: {} } } });
  await db.ordinance.deleteMany({ where: { createdAt: { gte: since }, conferrals: { none: {} }, drafts: { none: {} } } });
}
