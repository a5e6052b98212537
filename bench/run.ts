// npm run bench [-- suite-name ...]: runs the benchmark suites in turn and prints their figures.
// A missed target is reported as FAIL but the exit code stays 0 (benchmarks report, tests
// assert); only a suite that crashes makes the exit code non-zero.
//
// To add a suite: write bench/<name>.ts exporting `async function (): Promise<SuiteReport>`
// and list it below. Suites share one benchmark database (bench/lib/dataset.ts), rebuilt on
// every run in bench/.tmp/bench.db and left there for EXPLAIN QUERY PLAN sessions.
//
// Knobs: BENCH_NOMINATIONS (default 100000) and BENCH_ITERATIONS (default 200) for quick runs.
import { closeBenchDataset } from "./lib/dataset";
import type { SuiteReport } from "./lib/measure";
import { ceremoniesBench } from "./ceremonies";
import { diplomasBench } from "./diplomas";
import { documentsBench } from "./documents";
import { importBench } from "./import";
import { honorisGratiaBench } from "./honoris-gratia";
import { hgHandoverBench } from "./hg-handover";
import { nominationsListBench } from "./nominations-list";
import { registryBench } from "./registry";
import { registryLoadBench } from "./registry-load";
import { signInFloodBench } from "./sign-in-flood";

type Suite = { name: string; run: () => Promise<SuiteReport> };

const SUITES: Suite[] = [
  { name: "nominations-list", run: nominationsListBench },
  { name: "documents", run: documentsBench },
  { name: "ceremonies", run: ceremoniesBench },
  { name: "import", run: importBench },
  { name: "diplomas", run: diplomasBench },
  { name: "registry", run: registryBench },
  { name: "registry-load", run: registryLoadBench },
  { name: "honoris-gratia", run: honorisGratiaBench },
  { name: "hg-handover", run: hgHandoverBench },
  { name: "sign-in-flood", run: signInFloodBench },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Known: ${SUITES.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

const reports: SuiteReport[] = [];
const crashed: string[] = [];
for (const suite of SUITES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n=== ${suite.name} ===`);
  try {
    reports.push(await suite.run());
  } catch (error) {
    crashed.push(suite.name);
    console.error(`Suite ${suite.name} crashed:`, error);
  }
}
await closeBenchDataset();

const figures = reports.flatMap((r) => r.figures.map((f) => ({ ...f, suite: r.suite })));
const failed = figures.filter((f) => !f.pass);
console.log("\n=== summary ===");
console.log(`${figures.length - failed.length} of ${figures.length} scenarios within target.`);
for (const f of failed) console.log(`FAIL  ${f.suite} / ${f.scenario}: p95 ${f.p95Ms.toFixed(2)} ms > ${f.targetP95Ms} ms`);
if (crashed.length > 0) {
  console.log(`CRASHED  ${crashed.join(", ")}`);
  process.exitCode = 1;
}
