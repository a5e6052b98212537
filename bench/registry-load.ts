// Issue 15's load runs on the 100 000-conferral register, each 50 clients × 20 s against the
// production server (scripts/server.ts): the public search /rejestr?q=nowak as a visitor
// without cookies (the server's page cache answers), with a cookie of another service and with
// a forged session cookie (both get the visitor's cached page), signed in (rendered every
// time), and the staff list /nominations?q=nowak signed in.
//   npm run bench -- registry-load
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib/dataset";
import { runLoad, staffSessionCookie, startBenchServer, type LoadResult } from "./lib/load-driver";
import { printFigures, type Figure, type SuiteReport } from "./lib/measure";
import { registryDataset } from "./lib/registry-dataset";

const TARGET_RPS = 150;
const TARGET_P99_MS = 500;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS) > 0 ? Number(process.env.BENCH_LOAD_SECONDS) : 20;
const CONNECTIONS = 50;

function figureOf(scenario: string, result: LoadResult, target: boolean): Figure {
  const rps = result.requests.average;
  return {
    scenario: `${scenario} (p99 in the p95 column)`,
    iterations: result.requests.total,
    p50Ms: result.latency.p50,
    p95Ms: result.latency.p99,
    maxMs: result.latency.max,
    targetP95Ms: TARGET_P99_MS,
    pass: !target || (rps >= TARGET_RPS && result.latency.p99 <= TARGET_P99_MS && result.errorCount === 0),
    detail: `${rps.toFixed(0)} req/s${target ? ` (target ≥ ${TARGET_RPS})` : " (cached, for comparison)"}, ${result.errorCount} errors, statuses ${JSON.stringify(result.statuses)}`,
  };
}

export async function registryLoadBench(): Promise<SuiteReport> {
  const dataset = await registryDataset();
  console.log(`conferrals: ${dataset.conferrals}; nominations: ${dataset.counts.Nomination}`);
  console.log("building the app (remix vite:build)…");
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  const staffCookie = await staffSessionCookie("KP09_SPECIALIST", "registry-load");
  const server = await startBenchServer({ readyPath: "/rejestr" });
  const figures: Figure[] = [];
  try {
    const load = (label: string, urlPath: string, cookie?: string) =>
      runLoad(label, { url: `${server.base}${urlPath}`, connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...(cookie ? { headers: { cookie } } : {}) });
    console.log(`${CONNECTIONS} connections × ${SECONDS} s each at ${server.base}…`);
    figures.push(figureOf("public /rejestr?q=nowak, no cookie (page cache)", await load("cached", "/rejestr?q=nowak"), false));
    figures.push(
      figureOf("public /rejestr?q=nowak with another service's cookie", await load("with a cookie", "/rejestr?q=nowak", "_ga=GA1.2.3; zgoda=1"), true),
    );
    figures.push(
      figureOf("public /rejestr?q=nowak with a forged session cookie", await load("forged session", "/rejestr?q=nowak", "__merenti_session=podrobiona"), true),
    );
    figures.push(figureOf("/rejestr?q=nowak signed in (rendered every time)", await load("signed in", "/rejestr?q=nowak", staffCookie), true));
    figures.push(figureOf("staff /nominations?q=nowak, signed in", await load("staff", "/nominations?q=nowak", staffCookie), true));
  } finally {
    await server.stop();
  }
  console.log("");
  printFigures(figures);
  return { suite: "registry-load", figures };
}
